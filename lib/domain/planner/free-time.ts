// Free time: the member's working hours in their zone over a range of local dates, less the schedules already
// on the calendar (with the buffer around each) and everything before now, as absolute instants.
//
// Working hours are wall-clock times, so a local 09:00–18:00 on a DST day is 8 or 10 real hours. A wall time
// the clocks skip (a spring-forward gap) is read as the end of the gap: the part of an interval that does not
// exist is dropped and the rest is kept. A wall time shown twice (clocks set back) is its first showing.

import { addDays, instantOfWallTime, localDate, startOfLocalDay, wallTimeOf } from "../time";

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** "HH:MM"–"HH:MM" on the member's wall clock; "24:00" may end a day */
export type WorkingInterval = { start: string; end: string };
/** per ISO weekday "1" (Monday) … "7" (Sunday); a missing day has no working hours */
export type WorkingHours = Readonly<Partial<Record<`${IsoWeekday}`, readonly WorkingInterval[]>>>;

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  "1": [{ start: "09:00", end: "18:00" }],
  "2": [{ start: "09:00", end: "18:00" }],
  "3": [{ start: "09:00", end: "18:00" }],
  "4": [{ start: "09:00", end: "18:00" }],
  "5": [{ start: "09:00", end: "18:00" }],
};

/** a block already on the calendar: a schedule that is not completed occupies [startAt, startAt + plannedMinutes) */
export type BusyBlock = { startAt: Date; plannedMinutes: number };
export type FreeInterval = { start: Date; end: Date };

export type FreeTimeInput = {
  workingHours: WorkingHours;
  timeZone: string;
  /** local dates, both included */
  from: string;
  to: string;
  busy: readonly BusyBlock[];
  bufferMinutes: number;
  now: Date;
};

const MS_PER_MINUTE = 60_000;

/** the ISO weekday of a calendar date (1 = Monday … 7 = Sunday) */
export function isoWeekday(date: string): IsoWeekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return (((day + 6) % 7) + 1) as IsoWeekday;
}

/** "YYYY-MM-DD HH:MM" compares like the wall-clock moments it names */
function wallKey(instantMs: number, timeZone: string): string {
  const instant = new Date(instantMs);
  return `${localDate(instant, timeZone)} ${wallTimeOf(instant, timeZone)}`;
}

/**
 * The instant the wall clock shows `date` `time`, or, when the clocks skip that time, the first instant after
 * the gap (the moment the clocks jump). Transitions happen on whole minutes, so a bisection over minutes finds it.
 */
export function wallInstant(date: string, time: string, timeZone: string): Date {
  if (time === "24:00") return startOfLocalDay(addDays(date, 1), timeZone);
  const instant = instantOfWallTime(date, time, timeZone);
  const wanted = `${date} ${time}`;
  if (wallKey(instant.getTime(), timeZone) === wanted) return instant;
  // In a gap: instantOfWallTime answered a moment after it. Search back for the first minute showing ≥ wanted.
  let after = Math.floor(instant.getTime() / MS_PER_MINUTE);
  let before = after - 24 * 60; // a gap is shorter than a day
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallKey(middle * MS_PER_MINUTE, timeZone) >= wanted) after = middle;
    else before = middle;
  }
  return new Date(after * MS_PER_MINUTE);
}

/** the working intervals of each local date in from..to, as instants, in order (empty ones dropped) */
export function workingIntervals(
  input: Pick<FreeTimeInput, "workingHours" | "timeZone" | "from" | "to">,
): FreeInterval[] {
  const intervals: FreeInterval[] = [];
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    const hours = input.workingHours[`${isoWeekday(date)}`] ?? [];
    for (const { start, end } of hours) {
      const startAt = wallInstant(date, start, input.timeZone);
      const endAt = wallInstant(date, end, input.timeZone);
      if (endAt.getTime() > startAt.getTime()) intervals.push({ start: startAt, end: endAt });
    }
  }
  return intervals.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Free intervals: working hours from `now` on, minus each busy block widened by the buffer on both sides (a placed
 * block keeps the buffer from existing schedules). Working intervals stay apart even when they touch: a task is
 * never split over two of them.
 */
export function freeIntervals(input: FreeTimeInput): FreeInterval[] {
  const bufferMs = input.bufferMinutes * MS_PER_MINUTE;
  const blocked = input.busy
    .map((b) => ({
      start: b.startAt.getTime() - bufferMs,
      end: b.startAt.getTime() + b.plannedMinutes * MS_PER_MINUTE + bufferMs,
    }))
    .sort((a, b) => a.start - b.start);
  const nowMs = input.now.getTime();
  const free: FreeInterval[] = [];
  for (const interval of workingIntervals(input)) {
    let start = Math.max(interval.start.getTime(), nowMs);
    const end = interval.end.getTime();
    for (const block of blocked) {
      if (block.end <= start) continue;
      if (block.start >= end) break;
      if (block.start > start) free.push({ start: new Date(start), end: new Date(block.start) });
      start = Math.max(start, block.end);
      if (start >= end) break;
    }
    if (end > start) free.push({ start: new Date(start), end: new Date(end) });
  }
  return free;
}

/** an instant on the member's 5-minute local grid: the start of the first local date (offsets are whole 5 minutes) */
export function localGridOrigin(from: string, timeZone: string): Date {
  return startOfLocalDay(from, timeZone);
}
