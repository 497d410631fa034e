"use client";
// A schedule's elapsed time, live while a session is open (see lib/client/elapsed.ts for why it is derived
// from the server's figures). role="timer" is not announced on every tick; state changes are announced by
// the mini player's status line instead.
import { formatElapsed, liveElapsedSeconds, type TrackedSchedule } from "@/lib/client/elapsed";
import { useServerClock } from "./use-server-clock";

export function ElapsedTime({
  schedule,
  label,
  className,
}: {
  schedule: TrackedSchedule;
  label: string;
  className?: string;
}) {
  const live = schedule.sessionStartedAt !== null;
  const now = useServerClock(live);
  const seconds = now === null ? schedule.elapsedSeconds : liveElapsedSeconds(schedule, now);
  return (
    <span role="timer" aria-label={label} className={`tabular-nums ${className ?? ""}`} data-testid="elapsed">
      {formatElapsed(seconds)}
    </span>
  );
}
