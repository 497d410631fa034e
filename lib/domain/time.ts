// Time accounting. Instants are JS Dates; a "date" is a calendar day "YYYY-MM-DD" in a member's
// IANA time zone. Work is counted in whole seconds, and a session belongs to the local day it ran
// on, so a session over local midnight is split there (api.md, "Seconds").
//
// Everything here uses Intl only: local days are not always 24 hours long (DST), and in a few zones
// a day does not start at 00:00 (the clock jumps from 23:59:59 to 01:00) or is skipped altogether.

import { SUPPORTED_DATES } from "./limits";

export type Interval = { startedAt: Date; endedAt: Date };
export type DaySession = Interval & { day: string };

const MS_PER_SECOND = 1000;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------
// Calendar dates (no time zone involved)
// ---------------------------------------------------------------------------------------------

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** strict YYYY-MM-DD naming a day that exists ("2026-02-30" and "2026-1-5" are not dates) */
export function isValidDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** a valid date inside SUPPORTED_DATES (YYYY-MM-DD text orders like the dates it names) */
export function isSupportedDate(date: string): boolean {
  return isValidDate(date) && date >= SUPPORTED_DATES.min && date <= SUPPORTED_DATES.max;
}

/** an instant whose UTC date lies inside SUPPORTED_DATES, with a day's margin for any time zone */
export function isSupportedInstant(instant: Date): boolean {
  const t = instant.getTime();
  return (
    Number.isFinite(t) &&
    t >= Date.parse(`${SUPPORTED_DATES.min}T00:00:00Z`) + 86_400_000 &&
    t < Date.parse(`${SUPPORTED_DATES.max}T00:00:00Z`)
  );
}

function daysInMonth(year: number, month: number): number {
  // day 0 of the next month is the last day of this one
  return utcCalendarDay(year, month + 1, 0).getUTCDate();
}

/** midnight UTC of a calendar day; setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999 */
function utcCalendarDay(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function parseDate(date: string): Date {
  if (!isValidDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return utcCalendarDay(year, month, day);
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function formatUtcDay(d: Date): string {
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** calendar arithmetic: the date `days` days after `date` (negative goes back). Throws RangeError on a bad date. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatUtcDay(new Date(parseDate(date).getTime() + days * MS_PER_DAY));
}

/** the Monday of the Monday–Sunday week that contains `date` */
export function weekStartOf(date: string): string {
  const dayOfWeek = parseDate(date).getUTCDay(); // 0 = Sunday … 6 = Saturday
  const daysSinceMonday = (dayOfWeek + 6) % 7;
  return addDays(date, -daysSinceMonday);
}

/** the 7 dates of the week that starts on `weekStart`, Monday to Sunday. Throws RangeError if it is not a Monday. */
export function weekDays(weekStart: string): string[] {
  if (weekStartOf(weekStart) !== weekStart) throw new RangeError(`A week starts on a Monday, not ${weekStart}`);
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

// An IANA name starts with a letter and holds only these characters. Checked before asking Intl
// because newer engines also accept offsets such as "+09:00", which are not zone names.
const ZONE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** an IANA time zone name that Intl knows ("Asia/Seoul", "UTC"); rejects "", offsets and garbage */
export function isValidTimeZone(tz: string): boolean {
  if (!ZONE_NAME_PATTERN.test(tz)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Formatters are costly to build, and the same few zones are asked again and again.
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    // Intl throws RangeError for an unknown zone, which is what callers of this module expect
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      era: "short", // so that years before 1 are told apart (they do not occur in practice)
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23", // 00–23: some engines print midnight as 24 with hour12: false
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** what a clock on the wall in `timeZone` shows at `instant` (to the second) */
function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === "BC" || parts.era === "B" ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** the local calendar date of `instant` in `timeZone` */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return formatDate(year, month, day);
}

/** the zone's offset from UTC at `instant`, in ms (Seoul: +9 h) */
function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSecondMs = Math.floor(instantMs / MS_PER_SECOND) * MS_PER_SECOND;
  const w = wallClock(new Date(wholeSecondMs), timeZone);
  const wallAsUtcMs =
    utcCalendarDay(w.year, w.month, w.day).getTime() + w.hour * MS_PER_HOUR + w.minute * 60_000 + w.second * 1000;
  return wallAsUtcMs - wholeSecondMs;
}

/** "HH:MM" of `instant` on the wall clock of `timeZone` */
export function wallTimeOf(instant: Date, timeZone: string): string {
  const { hour, minute } = wallClock(instant, timeZone);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * The instant the wall clock in `timeZone` shows `date` `time` ("HH:MM"). A time the clocks skip (a DST gap)
 * gives the instant just after the gap, as a careful user expects ("02:30" on a spring-forward night → 03:30);
 * a time shown twice (clocks set back) gives the first.
 */
export function instantOfWallTime(date: string, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(":").map(Number);
  const wallMs = parseDate(date).getTime() + (hour ?? 0) * MS_PER_HOUR + (minute ?? 0) * 60_000;
  // The offset a day before, at, and a day after the wall time read as UTC covers a nearby transition;
  // where two candidates show the wall time (a repeated hour), the earlier is its first showing.
  const candidates = [wallMs - MS_PER_DAY, wallMs, wallMs + MS_PER_DAY].map(
    (probe) => wallMs - offsetAt(probe, timeZone),
  );
  const exact = candidates.filter((t) => t + offsetAt(t, timeZone) === wallMs).sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);
  // in a gap: the later offset applies after the jump
  return new Date(Math.max(...candidates));
}

/** the same time of day on another local date: what dragging a schedule onto another day of the week does */
export function moveToDate(instant: Date, date: string, timeZone: string): Date {
  return instantOfWallTime(date, wallTimeOf(instant, timeZone), timeZone);
}

/**
 * The instant the local day `date` starts in `timeZone`: its local midnight, or, when the clocks
 * skip midnight (DST starting at 00:00, as in Santiago), the first instant that shows that date.
 * If a zone skipped the whole date (Samoa's 2011-12-30), it is the start of the next day that exists.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const midnightAsUtcMs = parseDate(date).getTime();
  // Midnight is at wall time minus the offset then. The offset a day before and a day after covers
  // both sides of a nearby transition; where two candidates both show midnight (clocks set back
  // over it), the earlier one is the first midnight.
  const candidates = [
    midnightAsUtcMs - offsetAt(midnightAsUtcMs - MS_PER_DAY, timeZone),
    midnightAsUtcMs - offsetAt(midnightAsUtcMs + MS_PER_DAY, timeZone),
  ]
    .filter((t) => t + offsetAt(t, timeZone) === midnightAsUtcMs)
    .sort((a, b) => a - b);
  const [firstMidnight] = candidates;
  if (firstMidnight !== undefined) return new Date(firstMidnight);
  return firstInstantOnOrAfter(date, midnightAsUtcMs, timeZone);
}

/**
 * Midnight does not exist on this date: find the first instant whose local date is `date` or
 * later by bisection. Offsets lie within −12 h…+14 h and a jump is at most a day, so the answer lies
 * between 15 h before the wall midnight read as UTC (still the day before) and 37 h after it.
 */
function firstInstantOnOrAfter(date: string, midnightAsUtcMs: number, timeZone: string): Date {
  let before = midnightAsUtcMs - 15 * MS_PER_HOUR; // local date < date
  let atOrAfter = midnightAsUtcMs + 37 * MS_PER_HOUR; // local date >= date
  while (atOrAfter - before > 1) {
    const middle = Math.floor((before + atOrAfter) / 2);
    // YYYY-MM-DD strings of 4-digit years compare like the dates they name
    if (localDate(new Date(middle), timeZone) >= date) atOrAfter = middle;
    else before = middle;
  }
  return new Date(atOrAfter);
}

// ---------------------------------------------------------------------------------------------
// Sessions and seconds
// ---------------------------------------------------------------------------------------------

/**
 * Split [startedAt, endedAt] at every local midnight in between, so that each piece belongs to one
 * local day. The pieces are contiguous, in order, and cover the interval exactly; a piece ending
 * exactly at midnight belongs to the day before. A zero-length interval gives one piece.
 * Throws RangeError if endedAt < startedAt.
 *
 * One historical oddity: where clocks were set back over midnight (Goose Bay until 2010 went from
 * 00:01 back to 23:01), a piece that starts at the first midnight keeps the repeated hour. No zone
 * has done so since 2011.
 */
export function splitAtLocalMidnight(interval: Interval, timeZone: string): DaySession[] {
  const end = interval.endedAt.getTime();
  let start = interval.startedAt.getTime();
  if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError("Invalid Date in interval");
  if (end < start) throw new RangeError("A session cannot end before it starts");

  const pieces: DaySession[] = [];
  let day = localDate(new Date(start), timeZone);
  for (;;) {
    const nextDayStarts = nextLocalDayStarts(start, day, timeZone);
    if (end <= nextDayStarts) {
      pieces.push({ startedAt: new Date(start), endedAt: new Date(end), day });
      return pieces;
    }
    pieces.push({ startedAt: new Date(start), endedAt: new Date(nextDayStarts), day });
    start = nextDayStarts;
    // not addDays(day, 1): a skipped date has no piece
    day = localDate(new Date(start), timeZone);
  }
}

/** the instant after `startMs` (which lies on local date `day`) at which the local date moves on */
function nextLocalDayStarts(startMs: number, day: string, timeZone: string): number {
  const nextMidnight = startOfLocalDay(addDays(day, 1), timeZone).getTime();
  if (nextMidnight > startMs) return nextMidnight;
  // Only where clocks were set back over midnight is `startMs` a repeat of `day` after the next
  // day began. Find where the date changes again by bisection rather than loop forever.
  let stillDay = startMs;
  let changed = startMs + 2 * MS_PER_DAY;
  while (changed - stillDay > 1) {
    const middle = Math.floor((stillDay + changed) / 2);
    if (localDate(new Date(middle), timeZone) === day) stillDay = middle;
    else changed = middle;
  }
  return changed;
}

/** whole seconds of a closed session, truncated. Throws RangeError if it ends before it starts. */
export function wholeSeconds(i: Interval): number {
  const ms = i.endedAt.getTime() - i.startedAt.getTime();
  if (!(ms >= 0)) throw new RangeError("A session cannot end before it starts");
  return Math.floor(ms / MS_PER_SECOND);
}

/**
 * A schedule's elapsed seconds: the whole seconds of each closed session, plus the whole seconds
 * of the open one (endedAt null) up to `now`; an open session that starts after `now` counts 0.
 * Each session is truncated on its own, exactly as statistics add them up.
 */
export function elapsedSeconds(sessions: readonly { startedAt: Date; endedAt: Date | null }[], now: Date): number {
  let total = 0;
  for (const session of sessions) {
    if (session.endedAt !== null) {
      total += wholeSeconds({ startedAt: session.startedAt, endedAt: session.endedAt });
    } else if (now.getTime() > session.startedAt.getTime()) {
      total += wholeSeconds({ startedAt: session.startedAt, endedAt: now });
    }
  }
  return total;
}
