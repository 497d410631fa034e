"use client";
// The buttons of a task page: complete / reopen, delete (asking what to do with a linked schedule), and
// "schedule it" (a start time in the member's zone and a schedule type). Each refusal is said in words,
// and one that names tasks (open prerequisites) names them.
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { FormMessage, SelectField, TextField, primaryButtonClass } from "@/components/account/field";
import { actionError } from "@/lib/actions/result";
import { SCHEDULE_TYPES } from "@/lib/domain/limits";
import { completeTaskAction, deleteTaskAction, reopenTaskAction, scheduleTaskAction } from "@/app/(app)/tasks/actions";
import { useTranslations } from "next-intl";
import { nextWholeHour, wallTimeToInstant } from "./local-time";
import { dangerButtonClass, quietButtonClass } from "./styles";

type Props = {
  /** the member's zone: the start time is typed as a wall-clock time there */
  timeZone: string;
  task: { id: string; version: number; completed: boolean; scheduleId: string | null };
  /** titles of the member's tasks this page knows (prerequisites), to name them in a refusal */
  titles: Record<string, string>;
};

const KNOWN_ERRORS = ["PREREQUISITES_OPEN", "ILLEGAL_TRANSITION", "DUPLICATE", "VALIDATION", "NOT_FOUND"] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];

export function TaskControls({ timeZone, task, titles }: Props) {
  const t = useTranslations("library");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteSchedule, setDeleteSchedule] = useState(false);
  const [startAt, setStartAt] = useState(() => nextWholeHour(new Date(), timeZone));
  const [type, setType] = useState<string>("DEEP_WORK");
  const messageRef = useRef<HTMLDivElement>(null);

  function say(code: string, taskIds: string[] = []) {
    const known = (KNOWN_ERRORS as readonly string[]).includes(code) ? (code as KnownError) : null;
    const text = known
      ? t(`task.errors.${known}`, { tasks: taskIds.map((id) => titles[id] ?? id).join(", ") })
      : t("task.errors.generic");
    setMessage(text);
    requestAnimationFrame(() => messageRef.current?.querySelector<HTMLElement>("[role=alert]")?.focus());
  }

  /** runs an action; on success refreshes the page (or goes elsewhere), on refusal says why */
  async function run(
    work: () => Promise<{ refused?: { code: string; taskIds?: string[] } } | undefined>,
    after?: () => void,
  ) {
    setPending(true);
    setMessage(null);
    try {
      const outcome = await work();
      if (outcome?.refused) return say(outcome.refused.code, outcome.refused.taskIds);
      if (after) after();
      else router.refresh();
    } catch {
      say("generic");
    } finally {
      setPending(false);
    }
  }

  const complete = () =>
    run(async () => {
      const problem = actionError(await completeTaskAction({ id: task.id }));
      const taskIds = problem?.details.taskIds;
      if (problem)
        return { refused: { code: problem.code, taskIds: Array.isArray(taskIds) ? taskIds.map(String) : [] } };
      return undefined;
    });

  const reopen = () =>
    run(async () => {
      const problem = actionError(await reopenTaskAction({ id: task.id }));
      return problem ? { refused: { code: problem.code } } : undefined;
    });

  const remove = () =>
    run(
      async () => {
        const problem = actionError(await deleteTaskAction({ id: task.id, deleteSchedule, version: task.version }));
        return problem ? { refused: { code: problem.code } } : undefined;
      },
      () => {
        router.push("/tasks");
        router.refresh();
      },
    );

  function schedule(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const instant = wallTimeToInstant(startAt, timeZone);
    if (!instant) return say("VALIDATION");
    return run(async () => {
      const problem = actionError(
        await scheduleTaskAction({
          id: task.id,
          startAt: instant.toISOString(),
          type: type as (typeof SCHEDULE_TYPES)[number],
        }),
      );
      return problem ? { refused: { code: problem.code } } : undefined;
    });
  }

  return (
    <div className="flex flex-col gap-5">
      <div ref={messageRef} aria-live="polite">
        {message ? (
          <FormMessage id="task-message" tone="error">
            {message}
          </FormMessage>
        ) : null}
      </div>

      <div className="flex flex-wrap gap-2">
        {task.completed ? (
          <button type="button" className={quietButtonClass} onClick={reopen} disabled={pending}>
            {t("task.reopen")}
          </button>
        ) : (
          <button type="button" className={quietButtonClass} onClick={complete} disabled={pending}>
            {t("task.complete")}
          </button>
        )}
        <button
          type="button"
          className={dangerButtonClass}
          onClick={() => setConfirmingDelete((v) => !v)}
          aria-expanded={confirmingDelete}
          aria-controls="task-delete-panel"
          disabled={pending}
        >
          {t("task.delete")}
        </button>
      </div>

      {confirmingDelete ? (
        <section
          id="task-delete-panel"
          aria-labelledby="task-delete-title"
          className="flex flex-col gap-3 rounded-xl border border-red-700/40 bg-surface p-4"
        >
          <h2 id="task-delete-title" className="font-semibold">
            {t("task.deleteTitle")}
          </h2>
          {task.scheduleId ? (
            <fieldset className="flex flex-col gap-2">
              <legend className="text-sm text-muted">{t("task.deleteWithSchedule")}</legend>
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name="schedule-choice"
                  className="size-5"
                  checked={!deleteSchedule}
                  onChange={() => setDeleteSchedule(false)}
                />
                {t("task.unlinkSchedule")}
              </label>
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name="schedule-choice"
                  className="size-5"
                  checked={deleteSchedule}
                  onChange={() => setDeleteSchedule(true)}
                />
                {t("task.deleteSchedule")}
              </label>
            </fieldset>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <button type="button" className={dangerButtonClass} onClick={remove} disabled={pending}>
              {t("task.deleteConfirm")}
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setConfirmingDelete(false)}>
              {t("task.deleteCancel")}
            </button>
          </div>
        </section>
      ) : null}

      {!task.scheduleId && !task.completed ? (
        <section aria-labelledby="schedule-it-title" className="flex flex-col gap-3">
          <h2 id="schedule-it-title" className="text-lg font-semibold">
            {t("task.scheduleIt")}
          </h2>
          <form onSubmit={schedule} className="flex flex-col gap-4 sm:flex-row sm:items-end" noValidate>
            <div className="flex-1">
              <TextField
                id="schedule-start"
                label={t("task.startAt")}
                type="datetime-local"
                required
                value={startAt}
                onChange={(e) => setStartAt(e.target.value)}
              />
            </div>
            <div className="flex-1">
              <SelectField
                id="schedule-type"
                label={t("task.type")}
                value={type}
                onChange={(e) => setType(e.target.value)}
              >
                {SCHEDULE_TYPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`task.types.${s}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <button type="submit" className={`${primaryButtonClass} sm:w-auto`} disabled={pending}>
              {t("task.scheduleSubmit")}
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
