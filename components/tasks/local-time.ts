// Wall-clock times in the member's time zone (not the browser's: a member may plan Seoul days from abroad).
// A <input type="datetime-local"> gives "YYYY-MM-DDTHH:mm" with no zone; the API wants an instant. The zone
// arithmetic itself is lib/domain/time.ts (shared with the day view); this file only speaks the input's format.
import { instantOfWallTime, isValidDate, localDate, wallTimeOf } from "@/lib/domain/time";

/** the instant a wall-clock time "YYYY-MM-DDTHH:mm" names in `timeZone`, or null when the text is not such a time */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m || !isValidDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  return instantOfWallTime(m[1]!, `${m[2]}:${m[3]}`, timeZone);
}

/** "YYYY-MM-DDTHH:mm" as a clock in `timeZone` shows `instant` (a datetime-local value) */
export function instantToWallTime(instant: Date, timeZone: string): string {
  return `${localDate(instant, timeZone)}T${wallTimeOf(instant, timeZone)}`;
}

/** the next whole hour after `now`, as a wall-clock time in `timeZone`: a sensible first start for a schedule */
export function nextWholeHour(now: Date, timeZone: string): string {
  const wall = instantToWallTime(now, timeZone);
  const next = new Date(`${wall.slice(0, 13)}:00:00Z`);
  next.setUTCHours(next.getUTCHours() + 1);
  return next.toISOString().slice(0, 16);
}
