// Placement: where each open task goes in the member's free time (planning.md, "Placement"). Pure: the API gives
// it the tasks, the free intervals (free-time.ts) and now, and shows or stores what it answers.
//
// Objective, in this order: leave out as little work as possible (Σ importance × minutes of the tasks left out:
// no task that could be placed is left out for nothing), then Σ importance × minutes late (a task is late by how far
// its end passes its deadline), then Σ end times (finish earlier). Small sets are solved exactly (exact.ts) and only
// then is `optimal` true; larger ones by iterated local search (local-search.ts). docs/planner.md tells more.

import { EXACT_MAX_TASKS, solveExactly } from "./exact";
import { iteratedLocalSearch, type Work } from "./local-search";
import { MS_PER_MINUTE, ceilTo, decode, earliestStart, toMinuteIntervals, type Cost, type Problem } from "./problem";

export type PlannerTask = {
  id: string;
  /** planned minutes of the block */
  minutes: number;
  /** the weight of each minute late, 1–9 */
  importance: number;
  /** the end of the deadline day, as an instant; null when it has none */
  deadline: Date | null;
  /**
   * ids of open prerequisites; each must be another task of this input, placed before it (completed prerequisites
   * are not given). A prerequisite that is not in the input makes the task BLOCKED.
   */
  prerequisites: readonly string[];
};

export type PlanInput = {
  tasks: readonly PlannerTask[];
  free: readonly { start: Date; end: Date }[];
  /** minutes between placed blocks (the free intervals already keep it from existing schedules) */
  bufferMinutes: number;
  now: Date;
  /** starts fall on origin + k × minutes; the member's grid is 5 minutes from a local midnight */
  grid?: { minutes: number; origin: Date };
  /** default 1000. Turned into a number of search steps, so the answer does not depend on the machine's speed */
  timeBudgetMs?: number;
  /** false skips the exact search (the benchmark compares the heuristic alone with the proof) */
  exact?: boolean;
};

export type UnplacedReason = "TOO_LONG" | "BLOCKED" | "NO_ROOM";
export type Placement = { taskId: string; startAt: Date; endAt: Date };
export type PlanResult = {
  placements: Placement[];
  unplaced: { taskId: string; reason: UnplacedReason }[];
  objective: {
    weightedLatenessMinutes: number;
    lateTasks: number;
    /** Σ over placements of the minutes from now (rounded up to the grid) to its end */
    sumEndMinutes: number;
    /** Σ importance × minutes of the tasks left out that could have fitted alone (NO_ROOM, and BLOCKED by those) */
    unplacedWeightedMinutes: number;
  };
  optimal: boolean;
  solver: "exact" | "local-search";
  /** search steps used: the deterministic measure of effort the budget is spent in */
  work: number;
};

export const DEFAULT_TIME_BUDGET_MS = 1000;
export const DEFAULT_GRID_MINUTES = 5;
/**
 * Search steps (one task decoded, one bound term) per millisecond of budget: measured at 8–17 million a second of CPU on
 * this project's loaded 2-core machine, so a budget is rarely overrun; a faster machine just finishes sooner.
 */
export const WORK_PER_MS = 8000;

function checkInput(input: PlanInput): void {
  const ids = new Set<string>();
  for (const t of input.tasks) {
    if (ids.has(t.id)) throw new RangeError(`Task ${t.id} is given twice`);
    ids.add(t.id);
    if (!Number.isInteger(t.minutes) || t.minutes < 1) throw new RangeError(`Task ${t.id} needs whole minutes ≥ 1`);
    if (!(t.importance > 0) || !Number.isFinite(t.importance))
      throw new RangeError(`Task ${t.id} needs an importance > 0`);
  }
  if (input.timeBudgetMs !== undefined && !(input.timeBudgetMs >= 0 && Number.isFinite(input.timeBudgetMs))) {
    throw new RangeError("The time budget is a finite number of milliseconds ≥ 0");
  }
  const grid = input.grid?.minutes ?? DEFAULT_GRID_MINUTES;
  if (!Number.isInteger(grid) || grid < 1) throw new RangeError("The grid is whole minutes ≥ 1");
  if (!Number.isInteger(input.bufferMinutes) || input.bufferMinutes < 0)
    throw new RangeError("The buffer is whole minutes ≥ 0");
}

/**
 * Where the heuristic stopped short of a local optimum (the work ran out), a task left out may still fit a gap
 * between the placed blocks. Put each such task into the order just before the block after the first gap that holds
 * it: it lands in that gap or earlier, every other block keeps its start, and less work is left out. Repeat until no
 * gap holds a task left out, so no task that fits is left out. Each round is one decoding and one scan of the gaps.
 */
function fillGaps(problem: Problem, order: Int32Array, work: Work): Int32Array {
  let current = Array.from(order);
  for (;;) {
    const decoded = decode(problem, current);
    work.used += problem.n;
    // placed tasks in order of start, which is their order in `current`
    const blocks = current.filter((j) => decoded.placed[j] === 1);
    let insertion: { task: number; before: number | null } | null = null;
    for (let j = 0; j < problem.n && !insertion; j++) {
      if (decoded.placed[j] || !problem.prerequisites[j]!.every((q) => decoded.placed[q])) continue;
      let ready = problem.now;
      for (const q of problem.prerequisites[j]!)
        ready = Math.max(ready, decoded.start[q]! + problem.minutes[q]! + problem.buffer);
      for (let b = 0; b <= blocks.length; b++) {
        work.used++;
        const previous = blocks[b - 1];
        const next = blocks[b];
        const gapStart =
          previous === undefined ? problem.now : decoded.start[previous]! + problem.minutes[previous]! + problem.buffer;
        const start = earliestStart(problem, j, Math.max(ready, gapStart));
        if (start < 0) break; // fits nowhere later either
        if (next === undefined || start + problem.minutes[j]! + problem.buffer <= decoded.start[next]!) {
          insertion = { task: j, before: next ?? null };
          break;
        }
      }
    }
    if (!insertion) return Int32Array.from(current);
    const { task, before } = insertion;
    current = current.filter((x) => x !== task);
    current.splice(before === null ? current.length : current.indexOf(before), 0, task);
  }
}

export function plan(input: PlanInput): PlanResult {
  checkInput(input);
  const gridMinutes = input.grid?.minutes ?? DEFAULT_GRID_MINUTES;
  const originMs = input.grid?.origin.getTime() ?? 0;
  const toMinute = (d: Date) => (d.getTime() - originMs) / MS_PER_MINUTE;
  const now = ceilTo(Math.ceil(toMinute(input.now)), gridMinutes);
  const intervals = toMinuteIntervals(input.free, originMs, gridMinutes, now);
  // sorted by id: the answer does not depend on the order the tasks come in
  const tasks = [...input.tasks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const base = {
    intervalStart: intervals.start,
    intervalEnd: intervals.end,
    grid: gridMinutes,
    buffer: input.bufferMinutes,
    now,
  };

  // Decided before any search: too long for every free interval, or waiting on a prerequisite that cannot be placed
  // (not given, too long, on a cycle, or itself blocked).
  const reason = new Map<string, UnplacedReason>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const t of tasks) {
    const alone: Problem = {
      ...base,
      n: 1,
      minutes: Int32Array.of(t.minutes),
      weight: new Float64Array(1),
      deadline: new Float64Array(1),
      leaveOut: new Float64Array(1),
      prerequisites: [new Int32Array(0)],
    };
    if (earliestStart(alone, 0, now) < 0) reason.set(t.id, "TOO_LONG");
  }
  const settled = new Set<string>(); // ids whose fate before the search is known
  const visiting = new Set<string>();
  const settle = (id: string): boolean /* blocked or too long */ => {
    if (settled.has(id)) return reason.has(id);
    const task = byId.get(id);
    if (!task || visiting.has(id)) return true; // not given, or on a cycle
    visiting.add(id);
    const waits = task.prerequisites.map(settle).some(Boolean);
    visiting.delete(id);
    if (waits && !reason.has(id)) reason.set(id, "BLOCKED");
    settled.add(id);
    return reason.has(id);
  };
  for (const t of tasks) settle(t.id);
  // a task on a cycle settles as BLOCKED only when it is reached from outside the cycle first; catch the rest
  for (const t of tasks)
    if (!reason.has(t.id) && t.prerequisites.some((q) => reason.has(q) || !byId.has(q))) reason.set(t.id, "BLOCKED");

  const open = tasks.filter((t) => !reason.has(t.id));
  const index = new Map(open.map((t, i) => [t.id, i]));
  const problem: Problem = {
    ...base,
    n: open.length,
    minutes: Int32Array.from(open, (t) => t.minutes),
    weight: Float64Array.from(open, (t) => t.importance),
    deadline: Float64Array.from(open, (t) => (t.deadline ? Math.floor(toMinute(t.deadline)) : Infinity)),
    leaveOut: Float64Array.from(open, (t) => t.importance * t.minutes),
    prerequisites: open.map((t) => Int32Array.from(t.prerequisites, (q) => index.get(q)!)),
  };

  const budget = input.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const work: Work = { used: 0, limit: Math.max(1, Math.round(budget * WORK_PER_MS)) };
  // Where an exact search follows, the heuristic only needs a good incumbent: half the work, fewer kicks.
  const exactFollows = input.exact !== false && problem.n <= EXACT_MAX_TASKS;
  const heuristicWork: Work = { used: 0, limit: exactFollows ? Math.ceil(work.limit / 2) : work.limit };
  const searched = iteratedLocalSearch(
    problem,
    heuristicWork,
    exactFollows ? 20 + 4 * problem.n : 200 + 20 * problem.n,
  );
  work.used = heuristicWork.used;
  let order = searched.order;
  let cost: Cost = searched.cost;
  let optimal = problem.n === 0;
  if (exactFollows && problem.n > 0) {
    const exact = solveExactly(problem, cost, work);
    if (exact.proven) {
      optimal = true;
      if (exact.order) [order, cost] = [exact.order, exact.cost];
    }
  }

  if (!optimal) order = fillGaps(problem, order, work);
  const decoded = decode(problem, order);
  const placements: Placement[] = [];
  let lateTasks = 0;
  for (let j = 0; j < problem.n; j++) {
    const start = decoded.start[j]!;
    const task = open[j]!;
    if (start < 0) {
      reason.set(task.id, task.prerequisites.some((q) => decoded.placed[index.get(q)!] !== 1) ? "BLOCKED" : "NO_ROOM");
      continue;
    }
    const end = start + task.minutes;
    if (end > problem.deadline[j]!) lateTasks++;
    placements.push({
      taskId: task.id,
      startAt: new Date(originMs + start * MS_PER_MINUTE),
      endAt: new Date(originMs + end * MS_PER_MINUTE),
    });
  }
  placements.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  return {
    placements,
    unplaced: tasks.filter((t) => reason.has(t.id)).map((t) => ({ taskId: t.id, reason: reason.get(t.id)! })),
    objective: {
      weightedLatenessMinutes: decoded.cost.lateness,
      lateTasks,
      sumEndMinutes: decoded.cost.sumEnd,
      unplacedWeightedMinutes: decoded.cost.unplaced,
    },
    optimal,
    solver: optimal ? "exact" : "local-search",
    work: work.used,
  };
}
