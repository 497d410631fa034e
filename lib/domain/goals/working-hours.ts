// A member's working hours (planning.md "Working hours"): for each ISO weekday zero or more intervals
// "HH:MM"–"HH:MM" on the member's wall clock, "24:00" allowed as an end. The rules a week must keep are here so
// that the zod contract, the planner and the goal's projection read them the same way.
import { ISO_WEEKDAYS, type IsoWeekday } from "../limits";
import { addDays, instantOfWallTime, localDate, startOfLocalDay } from "../time";

export type WorkingInterval = { start: string; end: string };
export type WorkingHours = Record<IsoWeekday, WorkingInterval[]>;

const NINE_TO_SIX: WorkingInterval[] = [{ start: "09:00", end: "18:00" }];

/** Monday–Friday 09:00–18:00, the weekend free */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  "1": NINE_TO_SIX,
  "2": NINE_TO_SIX,
  "3": NINE_TO_SIX,
  "4": NINE_TO_SIX,
  "5": NINE_TO_SIX,
  "6": [],
  "7": [],
};

/** "HH:MM" from 00:00 to 23:59 */
export const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** an interval's end: a wall time, or "24:00" (the end of the day) */
export const WALL_TIME_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** minutes since the start of the day of "HH:MM" ("24:00" is 1440) */
export function minuteOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** the index pairs of a day's intervals that overlap (touching ends do not), in order of start */
export function overlappingIntervals(intervals: readonly WorkingInterval[]): [number, number][] {
  const order = intervals
    .map((_, i) => i)
    .sort((a, b) => minuteOfDay(intervals[a]!.start) - minuteOfDay(intervals[b]!.start));
  const out: [number, number][] = [];
  for (let k = 1; k < order.length; k++) {
    const previous = intervals[order[k - 1]!]!;
    const current = intervals[order[k]!]!;
    if (minuteOfDay(current.start) < minuteOfDay(previous.end)) out.push([order[k - 1]!, order[k]!]);
  }
  return out;
}

/** the ISO weekday of a local date, "1" (Monday) … "7" (Sunday) */
export function isoWeekday(date: string): IsoWeekday {
  const sundayIsZero = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return ISO_WEEKDAYS[(sundayIsZero + 6) % 7]!;
}

/** minutes of work in the week */
export function weeklyMinutes(hours: WorkingHours): number {
  return ISO_WEEKDAYS.reduce(
    (sum, day) => sum + hours[day].reduce((s, i) => s + minuteOfDay(i.end) - minuteOfDay(i.start), 0),
    0,
  );
}

/** the instants one working interval of a local date covers in the member's zone */
export function intervalInstants(
  date: string,
  interval: WorkingInterval,
  timeZone: string,
): { start: Date; end: Date } {
  const start = instantOfWallTime(date, interval.start, timeZone);
  const end =
    interval.end === "24:00"
      ? startOfLocalDay(addDays(date, 1), timeZone)
      : instantOfWallTime(date, interval.end, timeZone);
  return { start, end };
}

/** how far ahead a fill looks before it gives up (ten years of a nearly empty week) */
const MAX_FILL_DAYS = 3660;

/**
 * When `minutes` of work, begun at `from`, end if they are worked in the working hours only, one after another
 * without gaps: a simple fill, not a placement (it ignores existing schedules, buffers and prerequisites).
 * null when the week has no working hours at all (or the work would take longer than MAX_FILL_DAYS).
 */
export function finishOfWork(hours: WorkingHours, timeZone: string, from: Date, minutes: number): Date | null {
  if (minutes <= 0) return from;
  if (weeklyMinutes(hours) === 0) return null;
  let remainingMs = minutes * 60_000;
  const firstDate = localDate(from, timeZone);
  for (let d = 0; d < MAX_FILL_DAYS; d++) {
    const date = addDays(firstDate, d);
    const day = [...hours[isoWeekday(date)]].sort((a, b) => minuteOfDay(a.start) - minuteOfDay(b.start));
    for (const interval of day) {
      const { start, end } = intervalInstants(date, interval, timeZone);
      const begin = Math.max(start.getTime(), from.getTime());
      const available = end.getTime() - begin;
      if (available <= 0) continue;
      if (remainingMs <= available) return new Date(begin + remainingMs);
      remainingMs -= available;
    }
  }
  return null;
}
