// The day view (server component): the week strip of the selected day's week, that day's schedules in
// start order as player cards, the banner for schedules whose start has passed, and the add-schedule sheet.
// The page (app/(app)/today) reads everything with one `now`, which also goes to the client as the server
// time reference for the live timers; this only lays it out.
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { PlanSheet } from "@/components/plan/plan-sheet";
import { PlayerSync } from "@/components/player/player-sync";
import { addDays, localDate, wallTimeOf, weekDays, weekStartOf } from "@/lib/domain/time";
import type { MemberView, ScheduleView, TaskView } from "@/lib/services/views";
import { AddScheduleSheet } from "./add-schedule-sheet";
import { OverdueBanner } from "./overdue-banner";
import { ScheduleCard } from "./schedule-card";
import { WeekStrip, type StripDay } from "./week-strip";

/** what the page read for the day view, all at `now` */
export type TodayData = {
  now: Date;
  /** the local date shown (YYYY-MM-DD) */
  selected: string;
  /** the schedules of the selected day's week (Monday to Sunday) */
  schedules: ScheduleView[];
  /** seconds recorded in that week */
  weekSeconds: number;
  /** the member's open and completed tasks: names for linked schedules, and the ones the sheet can schedule */
  openTasks: TaskView[];
  completedTasks: TaskView[];
};

/** a calendar date as a Date at noon UTC, so that formatting it in UTC never shifts the day */
const noonUtc = (date: string) => new Date(`${date}T12:00:00.000Z`);

/** whether any weekday has a working interval: without one the planner has no time to plan into */
const hasWorkingHours = (member: MemberView) => Object.values(member.workingHours).some((day) => day.length > 0);

/** `goals`: the active goals' bars, or the first-run card (components/goals/today-goals.tsx) */
export async function TodayView({ member, data, goals }: { member: MemberView; data: TodayData; goals?: ReactNode }) {
  const { now, selected, schedules, openTasks, completedTasks } = data;
  const zone = member.timezone;
  const today = localDate(now, zone);
  const week = weekDays(weekStartOf(selected));
  const t = await getTranslations("player");
  const locale = await getLocale();
  const intlLocale = locale === "ko" ? "ko-KR" : "en-US";

  const weekdayFormat = new Intl.DateTimeFormat(intlLocale, { weekday: "short", timeZone: "UTC" });
  const dayFormat = new Intl.DateTimeFormat(intlLocale, { day: "numeric", timeZone: "UTC" });
  const longDayFormat = new Intl.DateTimeFormat(intlLocale, {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  const fullDateFormat = new Intl.DateTimeFormat(intlLocale, { dateStyle: "full", timeZone: "UTC" });
  const timeFormat = new Intl.DateTimeFormat(intlLocale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: zone,
  });

  const dayOf = (startAt: string) => localDate(new Date(startAt), zone);
  const days: StripDay[] = week.map((d) => {
    const onDay = schedules.filter((s) => dayOf(s.startAt) === d);
    return {
      date: d,
      weekday: weekdayFormat.format(noonUtc(d)),
      dayOfMonth: dayFormat.format(noonUtc(d)),
      label: longDayFormat.format(noonUtc(d)),
      scheduled: onDay.length > 0,
      unfinished: onDay.some((s) => s.state !== "COMPLETED"),
    };
  });
  const daySchedules = schedules.filter((s) => dayOf(s.startAt) === selected);
  const taskTitles = Object.fromEntries([...openTasks, ...completedTasks].map((x) => [x.id, x.title]));
  const freeTasks = openTasks.filter((x) => x.scheduleId === null).map((x) => ({ id: x.id, title: x.title }));
  const overdue = schedules
    .filter((s) => s.state === "NOT_STARTED" && new Date(s.startAt) < now)
    .map((s) => ({
      id: s.id,
      title: s.title,
      time: `${selected === dayOf(s.startAt) ? "" : `${days.find((d) => d.date === dayOf(s.startAt))?.weekday ?? ""} `}${timeFormat.format(new Date(s.startAt))}`,
    }));
  const totalMinutes = Math.floor(data.weekSeconds / 60);
  const weekTotal = t("duration", { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 });
  const nextHour = wallTimeOf(new Date(now.getTime() + 3_600_000), zone).slice(0, 2) + ":00";
  const serverNow = now.toISOString();

  return (
    <main className="flex flex-1 flex-col gap-5 py-4">
      <PlayerSync
        serverNow={serverNow}
        schedules={schedules}
        taskTitles={taskTitles}
        dayIds={daySchedules.map((s) => s.id)}
      />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("today.title")}</h1>
          <p className="text-muted">{fullDateFormat.format(noonUtc(today))}</p>
          <p className="mt-1" data-testid="greeting">
            {t("today.greeting", { nickname: member.nickname })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <PlanSheet today={today} timeZone={zone} hasWorkingHours={hasWorkingHours(member)} />
          <AddScheduleSheet date={selected} defaultTime={nextHour} timeZone={zone} tasks={freeTasks} />
        </div>
      </div>

      {goals}

      <WeekStrip
        days={days}
        selected={selected}
        today={today}
        previousWeek={addDays(selected, -7)}
        nextWeek={addDays(selected, 7)}
        weekTotal={weekTotal}
        timeZone={zone}
      />

      <OverdueBanner items={overdue} />

      <section aria-labelledby="day-schedules" className="flex flex-col gap-3">
        <h2 id="day-schedules" className="text-xl font-semibold">
          {t("today.daySchedules", { date: longDayFormat.format(noonUtc(selected)) })}
        </h2>
        {daySchedules.length === 0 ? (
          <p
            className="rounded-2xl border border-dashed border-line p-6 text-center text-muted"
            data-testid="day-empty"
          >
            {t("today.empty")}
          </p>
        ) : (
          <ol className="flex flex-col gap-3">
            {daySchedules.map((s) => (
              <li key={s.id}>
                <ScheduleCard
                  initial={s}
                  serverNow={serverNow}
                  time={timeFormat.format(new Date(s.startAt))}
                  taskTitle={s.taskId ? (taskTitles[s.taskId] ?? null) : null}
                  moveTargets={days.filter((d) => d.date !== selected).map((d) => ({ date: d.date, label: d.label }))}
                  timeZone={zone}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
