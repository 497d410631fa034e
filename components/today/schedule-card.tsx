"use client";
// One schedule of the day: type, start time, planned length, linked task, elapsed time and the player buttons. A
// not-started schedule can be dragged onto a day of the week strip, or moved with "move to…".
import type { DragEvent } from "react";
import { useTranslations } from "next-intl";
import { ElapsedTime } from "@/components/player/elapsed-time";
import { TrackProgress } from "@/components/player/track-progress";
import { TransitionButtons } from "@/components/player/transition-buttons";
import type { TrackedSchedule } from "@/lib/client/elapsed";
import { usePlayerStore } from "@/components/player/store";
import { moveToDate } from "@/lib/domain/time";
import type { ScheduleView } from "@/lib/services/views";
import { SCHEDULE_DRAG_TYPE } from "./week-strip";

const TYPE_STYLE: Record<ScheduleView["type"], string> = {
  DEEP_WORK: "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100",
  QUICK_TASK: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  ADMIN_TASK: "bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100",
};

type Props = {
  initial: ScheduleView;
  serverNow: string;
  /** the start time as the member reads it ("09:30") */
  time: string;
  taskTitle: string | null;
  /** other days of the week to move to: date and label */
  moveTargets: { date: string; label: string }[];
  timeZone: string;
};

/** a card is a block of its planned length: 30 minutes take the card's natural height, an hour about twice that */
const PIXELS_PER_MINUTE = 2.4;
const blockHeight = (plannedMinutes: number) =>
  `${Math.round(Math.min(720, Math.max(30, plannedMinutes)) * PIXELS_PER_MINUTE)}px`;

export function ScheduleCard({ initial, serverNow, time, taskTitle, moveTargets, timeZone }: Props) {
  const t = useTranslations("player");
  const fromStore = usePlayerStore((s) => s.schedules[initial.id]);
  const pending = usePlayerStore((s) => Boolean(s.pending[initial.id]));
  const reschedule = usePlayerStore((s) => s.reschedule);
  // the server's view until the store has it; a newer version from the server wins over the store's
  const schedule: TrackedSchedule =
    fromStore && fromStore.version >= initial.version ? fromStore : { ...initial, answeredAtMs: Date.parse(serverNow) };
  const movable = schedule.state === "NOT_STARTED";
  const headingId = `schedule-${schedule.id}-title`;
  // a completed card looks done (issue 20.4): tinted, its title struck through, and how long it took
  const done = schedule.state === "COMPLETED";
  const tookMinutes = Math.floor(schedule.elapsedSeconds / 60);

  function onDragStart(e: DragEvent) {
    e.dataTransfer.setData(SCHEDULE_DRAG_TYPE, schedule.id);
    e.dataTransfer.effectAllowed = "move";
  }

  return (
    <article
      aria-labelledby={headingId}
      data-testid="schedule-card"
      data-schedule-id={schedule.id}
      data-state={schedule.state}
      aria-busy={pending || undefined}
      draggable={movable}
      onDragStart={movable ? onDragStart : undefined}
      title={movable ? t("card.dragHint") : undefined}
      data-planned-minutes={schedule.plannedMinutes}
      style={{ minHeight: blockHeight(schedule.plannedMinutes) }}
      className={`flex flex-col gap-3 rounded-2xl border bg-surface p-4 ${
        schedule.state === "IN_PROGRESS"
          ? "border-brand shadow-md"
          : done
            ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950"
            : "border-line"
      } ${movable ? "cursor-grab active:cursor-grabbing" : ""}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <time dateTime={schedule.startAt} className="font-semibold tabular-nums">
              {time}
            </time>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TYPE_STYLE[schedule.type]}`}>
              {t(`types.${schedule.type}`)}
            </span>
            <span className="text-muted tabular-nums" data-testid="planned-minutes">
              {t("card.planned", { minutes: schedule.plannedMinutes })}
            </span>
            <span className="text-muted" data-testid="schedule-state">
              {t(`states.${schedule.state}`)}
            </span>
          </p>
          <h3
            id={headingId}
            className={`mt-1 text-lg font-semibold break-words ${done ? "text-muted line-through decoration-2" : ""}`}
          >
            {schedule.title}
          </h3>
          {done ? (
            <p
              data-testid="done-summary"
              className="mt-1 inline-flex items-center gap-1.5 rounded-full bg-emerald-100 px-2.5 py-0.5 text-sm font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 16 16"
                className="size-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.5"
              >
                <path d="M3 8.5l3.2 3L13 4.5" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              {tookMinutes < 1
                ? t("card.doneQuick")
                : t("card.doneTook", {
                    duration: t("duration", { hours: Math.floor(tookMinutes / 60), minutes: tookMinutes % 60 }),
                  })}
            </p>
          ) : null}
          {taskTitle ? <p className="text-sm text-muted">{t("card.task", { title: taskTitle })}</p> : null}
          {schedule.description ? (
            <p className="mt-1 text-sm whitespace-pre-line text-muted">{schedule.description}</p>
          ) : null}
        </div>
        <ElapsedTime schedule={schedule} label={t("card.elapsed")} className="shrink-0 text-lg font-semibold" />
      </div>
      {schedule.state === "NOT_STARTED" ? null : (
        <TrackProgress
          schedule={schedule}
          label={(percent, overMinutes) =>
            overMinutes > 0 ? t("card.progressOver", { minutes: overMinutes }) : t("card.progress", { percent })
          }
        />
      )}
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2">
        <TransitionButtons schedule={schedule} />
        {movable && moveTargets.length > 0 ? (
          <select
            aria-label={t("card.moveLabel", { title: schedule.title })}
            value=""
            disabled={pending}
            onChange={(e) => {
              const date = e.target.value;
              if (date) void reschedule(schedule.id, moveToDate(new Date(schedule.startAt), date, timeZone));
            }}
            className="min-h-11 rounded-lg border border-line bg-surface px-2 text-sm"
          >
            <option value="">{t("card.moveTo")}</option>
            {moveTargets.map((d) => (
              <option key={d.date} value={d.date}>
                {d.label}
              </option>
            ))}
          </select>
        ) : null}
      </div>
    </article>
  );
}
