// The proposed week as a picture: one column per day (like the week strip), each kept placement a dashed ghost
// block at its time of day. A picture only (role="img"): the day-by-day list beside it says the same in words and
// holds the controls.
import { blockBox, byDay, pictureHours, type GhostPlacement } from "./plan-layout";

type Props = {
  label: string;
  days: { date: string; weekday: string }[];
  placements: readonly GhostPlacement[];
  timeZone: string;
  titleOf: (taskId: string) => string;
};

const hh = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:00`;

export function PlanWeek({ label, days, placements, timeZone, titleOf }: Props) {
  const hours = pictureHours(placements, timeZone);
  const grouped = byDay(placements, timeZone);
  const summary = days
    .map((d) => `${d.weekday} ${(grouped.get(d.date) ?? []).map((p) => titleOf(p.taskId)).join(", ") || "—"}`)
    .join("; ");
  return (
    <div role="img" aria-label={`${label}: ${summary}`} className="flex flex-col gap-1" data-testid="plan-week">
      <div className="flex justify-between text-xs text-muted">
        <span>{hh(hours.start)}</span>
        <span>{hh(hours.end)}</span>
      </div>
      <div className="grid grid-cols-7 gap-1">
        {days.map((d) => (
          <div key={d.date} className="flex flex-col items-stretch gap-1">
            <span className="text-center text-xs font-semibold text-muted">{d.weekday}</span>
            <div className="relative h-40 rounded-md border border-line bg-surface-tint/40">
              {(grouped.get(d.date) ?? []).map((p) => {
                const box = blockBox(p, timeZone, hours);
                return (
                  <div
                    key={p.taskId}
                    data-testid="plan-ghost"
                    className="absolute inset-x-0.5 overflow-hidden rounded-sm border border-dashed border-brand bg-brand/15"
                    style={{ top: `${box.top}%`, height: `max(${box.height}%, 4px)` }}
                  />
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
