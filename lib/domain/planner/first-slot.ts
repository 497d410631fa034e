// Where a new task of some length would land: the earliest start on the planner's grid at which it fits wholly in
// one free interval (the capacity line of the plan sheet: "a new 60-minute task would land on Thursday 15:00").
import type { FreeInterval } from "./free-time";

const MS_PER_MINUTE = 60_000;

export function firstSlot(
  free: readonly FreeInterval[],
  minutes: number,
  grid: { minutes: number; origin: Date },
): Date | null {
  const step = grid.minutes * MS_PER_MINUTE;
  const origin = grid.origin.getTime();
  const length = minutes * MS_PER_MINUTE;
  const sorted = [...free].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const interval of sorted) {
    const start = origin + Math.ceil((interval.start.getTime() - origin) / step) * step;
    if (start + length <= interval.end.getTime()) return new Date(start);
  }
  return null;
}
