"use client";
// "Add schedule": a sheet from the bottom on a phone (a dialog on desktop) with title, description, date,
// start time, type and an optional task. The date and time are read on the member's clock (their zone,
// which may not be the browser's). Refusals are shown beside their fields.
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { createScheduleAction } from "@/app/(app)/schedules/actions";
import { Dialog } from "@/components/player/dialog";
import { actionError } from "@/lib/actions/result";
import { instantOfWallTime } from "@/lib/domain/time";
import { SCHEDULE_TYPES, type ScheduleType } from "@/lib/domain/limits";

type Props = {
  /** the day shown: the form's default date */
  date: string;
  /** a sensible default start ("HH:MM", the next full hour) */
  defaultTime: string;
  timeZone: string;
  /** open tasks without a schedule yet */
  tasks: { id: string; title: string }[];
};

type Errors = Record<string, string[]>;

const FIELD_CLASS =
  "min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 aria-[invalid=true]:border-red-700";

export function AddScheduleSheet({ date, defaultTime, timeZone, tasks }: Props) {
  const t = useTranslations("player.add");
  const tt = useTranslations("player.types");
  const [open, setOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const titleId = useId();
  const formId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    setSubmitting(true);
    setErrors({});
    const day = text("date");
    const time = text("time");
    const startAt = day && time ? instantOfWallTime(day, time, timeZone).toISOString() : "";
    const result = await createScheduleAction({
      title: text("title"),
      description: text("description"),
      startAt,
      type: text("type") as ScheduleType,
      taskId: text("taskId") || null,
    }).catch(() => undefined);
    setSubmitting(false);
    if (result?.data) {
      setOpen(false);
      return;
    }
    const error = actionError(result);
    const fieldErrors: Errors = { ...(error?.fieldErrors ?? {}) };
    // startAt is two inputs here: its reasons show under the time
    if (fieldErrors.startAt) fieldErrors.time = fieldErrors.startAt;
    if (!error || Object.keys(fieldErrors).length === 0) fieldErrors._ = [error?.message ?? "Network error"];
    setErrors(fieldErrors);
  }

  const field = (name: string) => {
    const reasons = errors[name];
    const errorId = `${formId}-${name}-errors`;
    return {
      id: `${formId}-${name}`,
      name,
      "aria-invalid": reasons ? true : undefined,
      "aria-describedby": reasons ? errorId : undefined,
      errorText: reasons ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {reasons.join(" ")}
        </p>
      ) : null,
    };
  };
  const title = field("title");
  const description = field("description");
  const dateField = field("date");
  const time = field("time");
  const type = field("type");
  const task = field("taskId");

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setErrors({});
          setOpen(true);
        }}
        className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg bg-brand px-5 font-semibold text-on-brand hover:bg-brand-strong"
      >
        <span aria-hidden="true">＋</span>
        {t("open")}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy={titleId} variant="sheet">
        <h2 id={titleId} className="text-xl font-semibold">
          {t("title")}
        </h2>
        <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-4">
          {errors._ || Object.keys(errors).length > 0 ? (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
              {errors._?.join(" ") ?? t("invalid")}
            </p>
          ) : null}
          <div>
            <label htmlFor={title.id} className="mb-1 block font-medium">
              {t("fields.title")}
            </label>
            <input
              id={title.id}
              name="title"
              required
              maxLength={40}
              autoFocus
              aria-invalid={title["aria-invalid"]}
              aria-describedby={title["aria-describedby"]}
              className={FIELD_CLASS}
            />
            {title.errorText}
          </div>
          <div>
            <label htmlFor={description.id} className="mb-1 block font-medium">
              {t("fields.description")}
            </label>
            <textarea
              id={description.id}
              name="description"
              rows={2}
              maxLength={500}
              aria-invalid={description["aria-invalid"]}
              aria-describedby={description["aria-describedby"]}
              className={FIELD_CLASS}
            />
            {description.errorText}
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor={dateField.id} className="mb-1 block font-medium">
                {t("fields.date")}
              </label>
              <input
                id={dateField.id}
                name="date"
                type="date"
                required
                defaultValue={date}
                aria-invalid={dateField["aria-invalid"]}
                aria-describedby={dateField["aria-describedby"]}
                className={FIELD_CLASS}
              />
              {dateField.errorText}
            </div>
            <div>
              <label htmlFor={time.id} className="mb-1 block font-medium">
                {t("fields.time")}
              </label>
              <input
                id={time.id}
                name="time"
                type="time"
                required
                defaultValue={defaultTime}
                aria-invalid={time["aria-invalid"]}
                aria-describedby={time["aria-describedby"]}
                className={FIELD_CLASS}
              />
              {time.errorText}
            </div>
          </div>
          <div>
            <label htmlFor={type.id} className="mb-1 block font-medium">
              {t("fields.type")}
            </label>
            <select
              id={type.id}
              name="type"
              defaultValue="DEEP_WORK"
              aria-invalid={type["aria-invalid"]}
              aria-describedby={type["aria-describedby"]}
              className={FIELD_CLASS}
            >
              {SCHEDULE_TYPES.map((value) => (
                <option key={value} value={value}>
                  {tt(value)}
                </option>
              ))}
            </select>
            {type.errorText}
          </div>
          <div>
            <label htmlFor={task.id} className="mb-1 block font-medium">
              {t("fields.task")}
            </label>
            <select
              id={task.id}
              name="taskId"
              defaultValue=""
              aria-invalid={task["aria-invalid"]}
              aria-describedby={task["aria-describedby"]}
              className={FIELD_CLASS}
            >
              <option value="">{t("noTask")}</option>
              {tasks.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
            {task.errorText}
          </div>
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => setOpen(false)}
              className="min-h-12 rounded-lg border border-line px-5 font-semibold hover:bg-surface-tint"
            >
              {t("cancel")}
            </button>
            <button
              type="submit"
              aria-disabled={submitting || undefined}
              disabled={submitting}
              className="min-h-12 rounded-lg bg-brand px-6 font-semibold text-on-brand hover:bg-brand-strong disabled:opacity-60"
            >
              {submitting ? t("submitting") : t("submit")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
