// Wall-clock times in the member's time zone (not the browser's: a member may plan Seoul days from abroad).
// A <input type="datetime-local"> gives "YYYY-MM-DDTHH:mm" with no zone; the API wants an instant.

function offsetMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  for (const p of format.formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const wallAsUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time "YYYY-MM-DDTHH:mm" names in `timeZone`, or null when the text is not such a time.
 * Two passes settle the offset next to a DST change; a time the clocks skip lands just after the gap.
 */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(asUtc)) return null;
  let guess = asUtc - offsetMs(asUtc, timeZone);
  guess = asUtc - offsetMs(guess, timeZone);
  return new Date(guess);
}

/** "YYYY-MM-DDTHH:mm" as a clock in `timeZone` shows `instant` (a datetime-local value) */
export function instantToWallTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** the next whole hour after `now`, as a wall-clock time in `timeZone`: a sensible first start for a schedule */
export function nextWholeHour(now: Date, timeZone: string): string {
  const wall = instantToWallTime(now, timeZone);
  const next = new Date(`${wall.slice(0, 13)}:00:00Z`);
  next.setUTCHours(next.getUTCHours() + 1);
  return next.toISOString().slice(0, 16);
}
