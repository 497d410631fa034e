// A goal's progress (planning.md "Goal"), computed from its tasks every time it is read, never stored: nothing
// can fall out of step with the tasks, schedules and sessions it is made of.
import type { Edge } from "../graph";
import { localDate } from "../time";
import { taskMinutes, type Estimator } from "./estimates";
import { finishOfWork, type WorkingHours } from "./working-hours";

export type ProgressTask = {
  id: string;
  completed: boolean;
  difficulty: number;
  expectedMinutes: number | null;
  /** every prerequisite of the task, inside the goal or not */
  previousTaskIds: readonly string[];
};

export type GoalProgressInput = {
  /** the goal's tasks, in the order nextTaskIds should list them */
  tasks: readonly ProgressTask[];
  /** which of the prerequisites (inside the goal or not) are completed */
  completedTaskIds: ReadonlySet<string>;
  /** the recorded seconds of the goal's tasks' schedules */
  spentSeconds: number;
  estimate: Estimator;
  targetDate: string | null;
  workingHours: WorkingHours;
  timeZone: string;
  now: Date;
};

export type GoalProgress = {
  tasks: number;
  completedTasks: number;
  spentSeconds: number;
  remainingMinutes: number;
  nextTaskIds: string[];
  criticalPathMinutes: number;
  projectedFinishDate: string | null;
  onTrack: boolean | null;
};

export function goalProgress(input: GoalProgressInput): GoalProgress {
  const open = input.tasks.filter((t) => !t.completed);
  const minutes = new Map(open.map((t) => [t.id, taskMinutes(t, input.estimate)]));
  const remainingMinutes = [...minutes.values()].reduce((a, b) => a + b, 0);
  const nextTaskIds = open
    .filter((t) => t.previousTaskIds.every((p) => input.completedTaskIds.has(p)))
    .map((t) => t.id);
  const edges = open.flatMap((t) => t.previousTaskIds.filter((p) => minutes.has(p)).map((p): Edge => [p, t.id]));
  const criticalPathMinutes = longestChain(minutes, edges);

  // No open task: nothing is left to project. Otherwise a simple fill of the remaining minutes into the working
  // hours from now (finishOfWork): one person works one task at a time, so the whole remainder, not only the
  // critical path, bounds the finish.
  const finish =
    open.length === 0 ? null : finishOfWork(input.workingHours, input.timeZone, input.now, remainingMinutes);
  const projectedFinishDate = finish ? localDate(finish, input.timeZone) : null;
  let onTrack: boolean | null = null;
  if (input.targetDate !== null && input.tasks.length > 0) {
    // all done is on track; open work that never fits the working hours (an empty week) is not
    onTrack = open.length === 0 ? true : projectedFinishDate !== null && projectedFinishDate <= input.targetDate;
  }
  return {
    tasks: input.tasks.length,
    completedTasks: input.tasks.length - open.length,
    spentSeconds: input.spentSeconds,
    remainingMinutes,
    nextTaskIds,
    criticalPathMinutes,
    projectedFinishDate,
    onTrack,
  };
}

/**
 * The heaviest chain of the weighted graph: the largest sum of weights along a path following the edges
 * (a task alone is a chain of one). Kahn's order, so a long chain needs no recursion; the graph is acyclic (the
 * services refuse cycles), and a task on a cycle regardless would simply never be reached.
 */
export function longestChain(weights: ReadonlyMap<string, number>, edges: readonly Edge[]): number {
  const waiting = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const id of weights.keys()) waiting.set(id, 0);
  for (const [p, n] of edges) {
    if (!weights.has(p) || !weights.has(n)) continue;
    waiting.set(n, (waiting.get(n) ?? 0) + 1);
    const list = next.get(p);
    if (list) list.push(n);
    else next.set(p, [n]);
  }
  const best = new Map<string, number>();
  const ready = [...weights.keys()].filter((id) => waiting.get(id) === 0);
  for (const id of ready) best.set(id, weights.get(id)!);
  let longest = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    const here = best.get(id)!;
    longest = Math.max(longest, here);
    for (const n of next.get(id) ?? []) {
      best.set(n, Math.max(best.get(n) ?? 0, here + weights.get(n)!));
      const left = waiting.get(n)! - 1;
      waiting.set(n, left);
      if (left === 0) ready.push(n);
    }
  }
  return longest;
}
