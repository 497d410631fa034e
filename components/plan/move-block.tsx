"use client";
// The form that moves one ghost block before accepting: another day of the plan and a start time on the member's wall clock.
// The browser refuses what it can tell (off the 5-minute grid, overlapping another kept block); everything else is
// checked by the accept, whose CONFLICT names the block.
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { quietButtonClass } from "@/components/tasks/styles";
import { instantOfWallTime, localDate, wallTimeOf } from "@/lib/domain/time";
import { moveRefusal, type GhostPlacement } from "./plan-layout";

type Props = {
  placement: GhostPlacement;
  title: string;
  /** the plan's days, with their labels */
  days: { date: string; label: string }[];
  /** the other kept blocks */
  kept: readonly GhostPlacement[];
  timeZone: string;
  titleOf: (taskId: string) => string;
  onMove: (startAt: string) => void;
  onCancel: () => void;
};

const FIELD_CLASS =
  "min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 aria-[invalid=true]:border-red-700";

export function MoveBlock({ placement, title, days, kept, timeZone, titleOf, onMove, onCancel }: Props) {
  const t = useTranslations("plan");
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const start = new Date(placement.startAt);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const day = String(form.get("day") ?? "");
    const time = String(form.get("time") ?? "");
    if (!day || !/^\d\d:\d\d$/.test(time)) {
      setError(t("moveOffGrid"));
      return;
    }
    const startAt = instantOfWallTime(day, time, timeZone);
    const refusal = moveRefusal(placement, startAt, kept, timeZone);
    if (refusal?.reason === "OFF_GRID") setError(t("moveOffGrid"));
    else if (refusal?.reason === "OVERLAP") setError(t("moveOverlap", { title: titleOf(refusal.taskId) }));
    else {
      setError(null);
      onMove(startAt.toISOString());
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="mt-2 flex w-full flex-col gap-2"
      aria-label={t("moveLabel", { title })}
    >
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={`${id}-day`} className="mb-1 block text-sm font-medium">
            {t("moveDay")}
          </label>
          <select id={`${id}-day`} name="day" defaultValue={localDate(start, timeZone)} className={FIELD_CLASS}>
            {days.map((d) => (
              <option key={d.date} value={d.date}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-time`} className="mb-1 block text-sm font-medium">
            {t("moveTime")}
          </label>
          <input
            id={`${id}-time`}
            name="time"
            type="time"
            step={300}
            defaultValue={wallTimeOf(start, timeZone)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={FIELD_CLASS}
          />
        </div>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className={quietButtonClass}>
          {t("moveCancel")}
        </button>
        <button type="submit" className={quietButtonClass}>
          {t("moveApply")}
        </button>
      </div>
    </form>
  );
}
