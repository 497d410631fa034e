// Wall-clock times in the member's zone (which need not be the browser's): "2026-11-25" + "09:30" in
// Asia/Seoul → the instant. Pure Intl, like lib/domain/time.ts.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** the wall clock at `instantMs` read as if it were UTC (ms), so that wall − instant is the zone's offset */
function wallAsUtcMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/**
 * The instant the wall clock in `timeZone` shows `date` `time` ("HH:MM"). A time the clocks skip (a DST gap)
 * gives the instant just after the gap, as a careful user expects ("02:30" on a spring-forward night → 03:30);
 * a time shown twice (clocks set back) gives the first.
 */
export function instantOfWallTime(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const wallMs = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // Guess with the offset at the wall time read as UTC, then correct with the offset at the guess. Two
  // rounds settle every real zone; the earlier of two matches is the first of a repeated hour.
  const candidates = [wallMs - 86_400_000, wallMs, wallMs + 86_400_000].map((probe) => {
    const offset = wallAsUtcMs(probe, timeZone) - probe;
    return wallMs - offset;
  });
  const exact = candidates.filter((t) => wallAsUtcMs(t, timeZone) === wallMs).sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);
  // in a gap: the later offset applies after the jump
  return new Date(Math.max(...candidates));
}

/** "HH:MM" of `instant` on the wall clock of `timeZone` */
export function wallTimeOf(instant: Date, timeZone: string): string {
  const ms = wallAsUtcMs(instant.getTime(), timeZone);
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

/** the same time of day on another local date: what dragging a schedule onto another day of the week does */
export function moveToDate(instant: Date, date: string, timeZone: string): Date {
  return instantOfWallTime(date, wallTimeOf(instant, timeZone), timeZone);
}

