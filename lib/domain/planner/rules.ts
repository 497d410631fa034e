// The rules every placement keeps (planning.md, "Placement"), checked on a finished plan: what the benchmark checks
// every answer against, and what accepting a plan will check again.

import type { PlanInput, Placement } from "./solve";

export type Violation = {
  taskId: string;
  rule: "UNKNOWN_TASK" | "LENGTH" | "OFF_GRID" | "BEFORE_NOW" | "OUTSIDE_FREE_TIME" | "OVERLAP" | "PREREQUISITE";
};

const MS_PER_MINUTE = 60_000;

export function violations(input: PlanInput, placements: readonly Placement[]): Violation[] {
  const found: Violation[] = [];
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const gridMs = (input.grid?.minutes ?? 5) * MS_PER_MINUTE;
  const originMs = input.grid?.origin.getTime() ?? 0;
  const bufferMs = input.bufferMinutes * MS_PER_MINUTE;
  const byTask = new Map(placements.map((p) => [p.taskId, p]));
  for (const p of placements) {
    const task = tasks.get(p.taskId);
    const [start, end] = [p.startAt.getTime(), p.endAt.getTime()];
    if (!task) {
      found.push({ taskId: p.taskId, rule: "UNKNOWN_TASK" });
      continue;
    }
    if (end - start !== task.minutes * MS_PER_MINUTE) found.push({ taskId: p.taskId, rule: "LENGTH" });
    if ((((start - originMs) % gridMs) + gridMs) % gridMs !== 0) found.push({ taskId: p.taskId, rule: "OFF_GRID" });
    if (start < input.now.getTime()) found.push({ taskId: p.taskId, rule: "BEFORE_NOW" });
    if (!input.free.some((f) => f.start.getTime() <= start && end <= f.end.getTime())) {
      found.push({ taskId: p.taskId, rule: "OUTSIDE_FREE_TIME" });
    }
    for (const q of task.prerequisites) {
      const before = byTask.get(q);
      if (!before || before.endAt.getTime() + bufferMs > start) found.push({ taskId: p.taskId, rule: "PREREQUISITE" });
    }
  }
  const sorted = [...placements].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    const [previous, next] = [sorted[i - 1]!, sorted[i]!];
    if (previous.endAt.getTime() + bufferMs > next.startAt.getTime())
      found.push({ taskId: next.taskId, rule: "OVERLAP" });
  }
  return found;
}
