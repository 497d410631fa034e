// When a reminder fires, and how a long wait is cut into sleeps a workflow engine accepts.
// domain.md: armed for start − lead time; never in the past by more than the lead time (a late arming fires at
// once while the start is still ahead); none for a start already gone. A single sleep is capped (Inngest's
// free plan: 7 days), so a far reminder sleeps in steps of at most 6 days, re-checking between them.

export const MAX_SLEEP_MS = 6 * 24 * 60 * 60 * 1000;
export const SNOOZE_MINUTES = [10, 60] as const;
export type SnoozeMinutes = (typeof SNOOZE_MINUTES)[number];

/** the instant to remind of a start, or null when the start has already come */
export function reminderTime(startAt: Date, leadMinutes: number, now: Date): Date | null {
  if (startAt.getTime() <= now.getTime()) return null;
  const at = startAt.getTime() - leadMinutes * 60_000;
  return new Date(Math.max(at, now.getTime()));
}

/** the wake-up instants from `from` to `until`: every step at most `maxStepMs`, the last one exactly `until` */
export function sleepSteps(from: Date, until: Date, maxStepMs = MAX_SLEEP_MS): Date[] {
  const steps: Date[] = [];
  let t = from.getTime();
  while (until.getTime() - t > maxStepMs) {
    t += maxStepMs;
    steps.push(new Date(t));
  }
  if (until.getTime() > from.getTime()) steps.push(new Date(until.getTime()));
  return steps;
}

/** the push's lifetime: it is useless shortly after the start it announces (domain.md: TTL ends after the start) */
export function reminderTtlSeconds(startAt: Date, now: Date, graceSeconds = 15 * 60): number {
  return Math.max(60, Math.floor((startAt.getTime() - now.getTime()) / 1000) + graceSeconds);
}
