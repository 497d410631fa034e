"use client";
// The track's progress bar: elapsed time against the schedule's planned length, live while a session is open.
// Running over is allowed (the player records the real time): the bar stays full and turns amber, and the
// label says by how much.
import { liveElapsedSeconds, trackProgress, type TrackedSchedule } from "@/lib/client/elapsed";
import { useServerClock } from "./use-server-clock";

export function TrackProgress({
  schedule,
  label,
}: {
  schedule: TrackedSchedule;
  label: (percent: number, overMinutes: number) => string;
}) {
  const live = schedule.sessionStartedAt !== null;
  const now = useServerClock(live);
  const seconds = now === null ? schedule.elapsedSeconds : liveElapsedSeconds(schedule, now);
  const { ratio, overMinutes } = trackProgress(seconds, schedule.plannedMinutes);
  const percent = Math.round(ratio * 100);
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={label(percent, overMinutes)}
      aria-label={label(percent, overMinutes)}
      data-testid="track-progress"
      className="h-1.5 w-full overflow-hidden rounded-full bg-line"
    >
      <div
        className={`h-full rounded-full ${overMinutes > 0 ? "bg-amber-500" : "bg-brand"} transition-[width] duration-500`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
