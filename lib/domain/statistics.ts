// The arithmetic of the statistics projection: per member, per local day and per schedule type,
// seconds worked and schedules completed. Only completed schedules count. Services keep the rows
// in the database; this file decides what a completion adds, what a reset subtracts (exactly the
// same, negated) and how a week is summed up for GET /statistics/week.

import { SCHEDULE_TYPES, type ScheduleType } from "./limits";
import { isValidDate, weekDays } from "./time";

export type StatDelta = { day: string; type: ScheduleType; seconds: number; completedCount: number };

/**
 * What completing a schedule adds: each closed session's whole seconds on the day it ran (sessions
 * are already split at local midnight), plus one completion on `completedOn`, the local day of the
 * completion. A schedule that never ran adds one completion and 0 seconds. Deltas of the same day
 * are merged; days that get nothing (only 0-second sessions) are left out. Ordered by day.
 */
export function completionDeltas(
  type: ScheduleType,
  sessions: readonly { day: string; seconds: number }[],
  completedOn: string,
): StatDelta[] {
  assertDate(completedOn);
  const byDay = new Map<string, StatDelta>();
  byDay.set(completedOn, { day: completedOn, type, seconds: 0, completedCount: 1 });
  for (const session of sessions) {
    assertDate(session.day);
    if (!Number.isInteger(session.seconds) || session.seconds < 0) {
      throw new RangeError(`A session's seconds must be a whole number ≥ 0, got ${session.seconds}`);
    }
    if (session.seconds === 0) continue;
    const row = byDay.get(session.day);
    if (row) row.seconds += session.seconds;
    else byDay.set(session.day, { day: session.day, type, seconds: session.seconds, completedCount: 0 });
  }
  return [...byDay.values()].sort(byDayThenType);
}

/** the exact negation: what a reset subtracts from the projection */
export function negateDeltas(deltas: readonly StatDelta[]): StatDelta[] {
  return deltas.map((d) => ({ ...d, seconds: negate(d.seconds), completedCount: negate(d.completedCount) }));
}

/** sum deltas by (day, type), dropping rows that end up all-zero; ordered by day, then type */
export function sumDeltas(deltas: readonly StatDelta[]): StatDelta[] {
  const byKey = new Map<string, StatDelta>();
  for (const d of deltas) {
    const key = `${d.day} ${d.type}`;
    const row = byKey.get(key);
    if (row) {
      row.seconds += d.seconds;
      row.completedCount += d.completedCount;
    } else {
      byKey.set(key, { day: d.day, type: d.type, seconds: d.seconds, completedCount: d.completedCount });
    }
  }
  return [...byKey.values()].filter((d) => d.seconds !== 0 || d.completedCount !== 0).sort(byDayThenType);
}

export type WeekDay = {
  date: string;
  seconds: number;
  byType: Record<ScheduleType, number>;
  completedCount: number;
  goalSeconds: number;
};
export type WeekSummary = {
  weekStart: string;
  totalSeconds: number;
  byType: Record<ScheduleType, number>;
  days: WeekDay[];
  completedCount: number;
};

/**
 * api.md's GET /statistics/week answer from projection rows. `weekStart` is the Monday (see
 * weekStartOf); rows outside its Monday–Sunday are ignored, so callers may pass a wider range.
 * byType always lists every schedule type (0 where none); each day's goal is the member's daily
 * goal in seconds (the same for every day: the goal as it is now, not as it was then).
 */
export function summarizeWeek(rows: readonly StatDelta[], weekStart: string, dailyGoalMinutes: number): WeekSummary {
  const goalSeconds = dailyGoalMinutes * 60;
  const days: WeekDay[] = weekDays(weekStart).map((date) => ({
    date,
    seconds: 0,
    byType: zeroByType(),
    completedCount: 0,
    goalSeconds,
  }));
  const dayByDate = new Map(days.map((d) => [d.date, d]));
  const summary: WeekSummary = { weekStart, totalSeconds: 0, byType: zeroByType(), days, completedCount: 0 };

  for (const row of rows) {
    const day = dayByDate.get(row.day);
    if (!day) continue;
    day.seconds += row.seconds;
    day.byType[row.type] += row.seconds;
    day.completedCount += row.completedCount;
    summary.totalSeconds += row.seconds;
    summary.byType[row.type] += row.seconds;
    summary.completedCount += row.completedCount;
  }
  return summary;
}

function zeroByType(): Record<ScheduleType, number> {
  return Object.fromEntries(SCHEDULE_TYPES.map((t) => [t, 0])) as Record<ScheduleType, number>;
}

/** -n without producing -0 (which deep equality tells apart from 0) */
function negate(n: number): number {
  return n === 0 ? 0 : -n;
}

function byDayThenType(a: StatDelta, b: StatDelta): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  return SCHEDULE_TYPES.indexOf(a.type) - SCHEDULE_TYPES.indexOf(b.type);
}

function assertDate(date: string): void {
  if (!isValidDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
}
