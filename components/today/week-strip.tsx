"use client";
// The Monday–Sunday strip of the member's week: each day links to its schedules, today is marked, a dot
// shows days with schedules (red while any is unfinished), and the week's total time. Other weeks: the
// arrows, or a horizontal swipe on a phone. A not-started schedule dragged onto a day moves there, keeping
// its time of day (the "move to…" control on each card does the same from the keyboard).
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent, type TouchEvent } from "react";
import { useTranslations } from "next-intl";
import { moveToDate } from "@/lib/domain/time";
import { usePlayerStore } from "@/components/player/store";

export type StripDay = {
  date: string;
  weekday: string;
  dayOfMonth: string;
  label: string;
  scheduled: boolean;
  unfinished: boolean;
};

/** the data type a dragged schedule card carries */
export const SCHEDULE_DRAG_TYPE = "application/x-pinit-schedule";

const SWIPE_MIN_PX = 60;

type Props = {
  days: StripDay[];
  selected: string;
  today: string;
  previousWeek: string;
  nextWeek: string;
  weekTotal: string;
  timeZone: string;
};

const dayHref = (date: string) => `/today?date=${date}` as Route;

export function WeekStrip({ days, selected, today, previousWeek, nextWeek, weekTotal, timeZone }: Props) {
  const t = useTranslations("player.week");
  const router = useRouter();
  const reschedule = usePlayerStore((s) => s.reschedule);
  const touchStartX = useRef<number | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  function onTouchStart(e: TouchEvent) {
    touchStartX.current = e.touches[0]?.clientX ?? null;
  }
  function onTouchEnd(e: TouchEvent) {
    const start = touchStartX.current;
    const end = e.changedTouches[0]?.clientX;
    touchStartX.current = null;
    if (start === null || end === undefined || Math.abs(end - start) < SWIPE_MIN_PX) return;
    router.push(dayHref(end < start ? nextWeek : previousWeek));
  }

  function onDragOver(e: DragEvent, date: string) {
    if (!e.dataTransfer.types.includes(SCHEDULE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    setDropTarget(date);
  }
  function onDrop(e: DragEvent, date: string) {
    setDropTarget(null);
    const id = e.dataTransfer.getData(SCHEDULE_DRAG_TYPE);
    const schedule = usePlayerStore.getState().schedules[id];
    if (!schedule || schedule.state !== "NOT_STARTED") return;
    e.preventDefault();
    void reschedule(id, moveToDate(new Date(schedule.startAt), date, timeZone));
  }

  return (
    <section
      aria-label={t("label")}
      className="flex flex-col gap-2"
      onTouchStart={onTouchStart}
      onTouchEnd={onTouchEnd}
    >
      <div className="flex items-center justify-between gap-2">
        <Link
          href={dayHref(previousWeek)}
          aria-label={t("previous")}
          className="inline-flex size-11 items-center justify-center rounded-full text-xl hover:bg-surface-tint"
        >
          <span aria-hidden="true">‹</span>
        </Link>
        <p className="text-sm font-medium text-muted" data-testid="week-total">
          {t("total", { time: weekTotal })}
        </p>
        <Link
          href={dayHref(nextWeek)}
          aria-label={t("next")}
          className="inline-flex size-11 items-center justify-center rounded-full text-xl hover:bg-surface-tint"
        >
          <span aria-hidden="true">›</span>
        </Link>
      </div>
      <ol className="grid grid-cols-7 gap-1">
        {days.map((day) => {
          const isSelected = day.date === selected;
          const isToday = day.date === today;
          const status = day.unfinished ? t("hasUnfinished") : day.scheduled ? t("hasSchedules") : "";
          return (
            <li key={day.date}>
              <Link
                href={dayHref(day.date)}
                aria-current={isSelected ? "date" : undefined}
                data-date={day.date}
                onDragOver={(e) => onDragOver(e, day.date)}
                onDragLeave={() => setDropTarget(null)}
                onDrop={(e) => onDrop(e, day.date)}
                className={`flex min-h-16 flex-col items-center justify-center gap-0.5 rounded-xl border text-sm ${
                  isSelected ? "border-brand bg-brand text-on-brand" : "border-transparent hover:bg-surface-tint"
                } ${dropTarget === day.date ? "outline-2 outline-brand outline-dashed" : ""}`}
              >
                {/* the full name for screen readers; the short one for the eye */}
                <span className="sr-only" data-testid="day-name">
                  {[day.label, isToday ? t("today") : "", status].filter(Boolean).join(", ")}
                </span>
                <span aria-hidden="true" className={isSelected ? "" : "text-muted"}>
                  {day.weekday}
                </span>
                <span
                  aria-hidden="true"
                  className={`text-base font-semibold ${isToday && !isSelected ? "text-brand underline underline-offset-4" : ""}`}
                >
                  {day.dayOfMonth}
                </span>
                <span
                  aria-hidden="true"
                  data-testid={day.scheduled ? (day.unfinished ? "dot-unfinished" : "dot-done") : undefined}
                  className={`size-1.5 rounded-full ${
                    day.scheduled
                      ? day.unfinished
                        ? "bg-red-600"
                        : isSelected
                          ? "bg-on-brand"
                          : "bg-brand"
                      : "bg-transparent"
                  }`}
                />
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
