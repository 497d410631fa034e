// /today — the home after sign-in: the week strip, the selected day's schedules as player cards, and the
// add-schedule sheet. `?date=YYYY-MM-DD` shows another day (and its week); the default is today in the
// member's zone. Everything is read here with one `now`; components/today lays it out.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TodayGoals } from "@/components/goals/today-goals";
import { TodayView } from "@/components/today/today-view";
import { requireMember } from "@/lib/auth/current-member";
import { localDate, weekDays, weekStartOf } from "@/lib/domain/time";
import { listGoals } from "@/lib/services/goals/read-goals";
import { listSchedules } from "@/lib/services/schedules/read-schedules";
import { weekStatistics } from "@/lib/services/statistics/week-statistics";
import { listTasks } from "@/lib/services/tasks/read-tasks";
import { weekDateParam, type SearchParams } from "../page-params";
import { ParamNotice } from "../param-notice";

export const metadata: Metadata = { title: "오늘 · Today" };

/** how many open and completed tasks the day view knows by name (linked schedules, the add-schedule sheet) */
const TASKS_SHOWN = 100;

export default async function TodayPage({ searchParams }: { searchParams: SearchParams }) {
  const member = await requireMember();
  const now = new Date();
  // a date whose week cannot be shown (not a date, 1970-01-01, 9999-12-31) shows today, and says so
  const date = weekDateParam((await searchParams).date, localDate(now, member.timezone));
  const selected = date.value;
  const week = weekDays(weekStartOf(selected));
  const [schedules, stats, openTasks, completedTasks, archivedTasks, goals, t] = await Promise.all([
    listSchedules(member.id, { from: week[0]!, to: week[6]! }, now),
    weekStatistics(member.id, selected, now),
    listTasks(member.id, { status: "open", limit: TASKS_SHOWN }),
    listTasks(member.id, { status: "completed", limit: TASKS_SHOWN }),
    listTasks(member.id, { status: "archived", limit: 1 }),
    listGoals(member.id, {}, now),
    getTranslations("player"),
  ]);
  // a new member (no goal, no task at all) is asked for a first goal instead of an empty day
  const firstRun = goals.items.length === 0 && openTasks.items.length === 0 && archivedTasks.items.length === 0;
  return (
    <>
      {date.refused ? <ParamNotice message={t("today.badDate")} /> : null}
      <TodayView
        member={member}
        goals={<TodayGoals goals={goals.items} firstRun={firstRun} />}
        data={{
          now,
          selected,
          schedules,
          weekSeconds: stats.totalSeconds,
          openTasks: openTasks.items,
          completedTasks: completedTasks.items,
        }}
      />
    </>
  );
}
