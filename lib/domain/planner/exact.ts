// The exact search: dynamic programming over the sets of tasks placed so far, in the order they are placed.
//
// A state is (set placed, ready time, lateness so far, Σ end so far). Two states with the same set compete: one that
// is ready no later and costs no more in both parts dominates the other, because whatever follows it can follow the
// better one with ends no later (the first fitting start never moves back when the ready time does). A state whose
// bound (below) cannot beat the best plan known is dropped. A state from which no further task fits is a finished
// plan: the tasks not in its set are left out. When the search runs to the end, the best plan is proven optimal over
// all orders, hence (problem.ts) over every placement on the grid.

import { compareCost, earliestStart, firstUsefulInterval, type Cost, type Problem } from "./problem";
import type { Work } from "./local-search";

/** larger sets are left to the heuristic: 2^n states would not fit in any budget */
export const EXACT_MAX_TASKS = 24;
/** states added to one layer: beyond this the memory a request holds is not worth the proof */
export const EXACT_MAX_STATES = 400_000;

type State = {
  mask: number;
  ready: number;
  lateness: number;
  sumEnd: number;
  task: number;
  parent: State | null;
};

export type ExactResult =
  | { proven: false }
  /** order null: nothing beats the incumbent, which is therefore optimal */
  | { proven: true; order: Int32Array | null; cost: Cost };

/** the tasks in an order where every prerequisite comes before its dependents */
function topologicalOrder(problem: Problem): number[] {
  const order: number[] = [];
  const seen = new Uint8Array(problem.n);
  const visit = (j: number) => {
    if (seen[j]) return;
    seen[j] = 1;
    for (const q of problem.prerequisites[j]!) visit(q);
    order.push(j);
  };
  for (let j = 0; j < problem.n; j++) visit(j);
  return order;
}

/**
 * A lower bound on every plan that continues a state. Each remaining task alone, no earlier than its remaining
 * prerequisites' earliest ends plus the buffer, gives an earliest end; a task with none must be left out, and so must
 * its dependents. Plans that leave out only those tasks place all others, so their lateness and Σ end are at least
 * the sums of those earliest ends (Σ end also at least the shortest-first sum with the buffer between blocks); plans
 * that leave out more cost more in the first part already.
 */
function bound(
  problem: Problem,
  topo: readonly number[],
  s: State,
  work: Work,
  end: Float64Array,
  spt: number[],
): Cost {
  let unplaced = 0;
  let lateness = s.lateness;
  let sumEnd = s.sumEnd;
  spt.length = 0;
  // every start from here on is at or after s.ready: earlier intervals cannot hold one
  const from = firstUsefulInterval(problem, s.ready, 0);
  for (const j of topo) {
    if (s.mask & (1 << j)) continue;
    work.used++;
    let ready = s.ready;
    let possible = true;
    for (const q of problem.prerequisites[j]!) {
      if (s.mask & (1 << q)) continue;
      if (end[q]! < 0) possible = false;
      else ready = Math.max(ready, end[q]! + problem.buffer);
    }
    const start = possible ? earliestStart(problem, j, ready, from) : -1;
    if (start < 0) {
      end[j] = -1;
      unplaced += problem.leaveOut[j]!;
      continue;
    }
    end[j] = start + problem.minutes[j]!;
    lateness += problem.weight[j]! * Math.max(0, end[j]! - problem.deadline[j]!);
    sumEnd += end[j]! - problem.now;
    spt.push(problem.minutes[j]!);
  }
  spt.sort((a, b) => a - b);
  let shortestFirst = s.sumEnd;
  let clock = s.ready - problem.buffer;
  for (const p of spt) {
    clock += problem.buffer + p;
    shortestFirst += clock - problem.now;
  }
  return { unplaced, lateness, sumEnd: Math.max(sumEnd, shortestFirst) };
}

/** adds the state to its set's front unless one there dominates it; drops those it dominates. true if added */
function addToFront(front: State[], s: State): boolean {
  for (const f of front) {
    if (f.ready <= s.ready && f.lateness <= s.lateness && f.sumEnd <= s.sumEnd) return false;
  }
  let kept = 0;
  for (const f of front) {
    if (!(s.ready <= f.ready && s.lateness <= f.lateness && s.sumEnd <= f.sumEnd)) front[kept++] = f;
  }
  front.length = kept;
  front.push(s);
  return true;
}

/** proves the incumbent optimal, finds a better plan, or gives up when the work runs out */
export function solveExactly(problem: Problem, incumbent: Cost, work: Work): ExactResult {
  const { n } = problem;
  if (n > EXACT_MAX_TASKS) return { proven: false };
  const topo = topologicalOrder(problem);
  const prerequisiteMask = problem.prerequisites.map((qs) => qs.reduce((m, q) => m | (1 << q), 0));
  const end = new Float64Array(n);
  const spt: number[] = [];
  let best = incumbent;
  let bestState: State | null = null;

  const root: State = { mask: 0, ready: problem.now, lateness: 0, sumEnd: 0, task: -1, parent: null };
  if (compareCost(bound(problem, topo, root, work, end, spt), best) >= 0)
    return { proven: true, order: null, cost: best };
  let layer = new Map<number, State[]>([[0, [root]]]);
  let kept = 0;
  while (layer.size > 0) {
    const next = new Map<number, State[]>();
    kept = 0;
    for (const front of layer.values()) {
      for (const s of front) {
        if (work.used >= work.limit) return { proven: false };
        let finished = true;
        const from = firstUsefulInterval(problem, s.ready, 0);
        for (let j = 0; j < n; j++) {
          const bit = 1 << j;
          if (s.mask & bit || (prerequisiteMask[j]! & s.mask) !== prerequisiteMask[j]) continue;
          work.used++;
          const start = earliestStart(problem, j, s.ready, from);
          if (start < 0) continue;
          finished = false;
          const taskEnd = start + problem.minutes[j]!;
          const child: State = {
            mask: s.mask | bit,
            ready: taskEnd + problem.buffer,
            lateness: s.lateness + problem.weight[j]! * Math.max(0, taskEnd - problem.deadline[j]!),
            sumEnd: s.sumEnd + taskEnd - problem.now,
            task: j,
            parent: s,
          };
          if (compareCost(bound(problem, topo, child, work, end, spt), best) >= 0) continue;
          let childFront = next.get(child.mask);
          if (!childFront) next.set(child.mask, (childFront = []));
          if (addToFront(childFront, child) && ++kept > EXACT_MAX_STATES) return { proven: false };
        }
        if (!finished) continue;
        let unplaced = 0;
        for (let j = 0; j < n; j++) if (!(s.mask & (1 << j))) unplaced += problem.leaveOut[j]!;
        const cost = { unplaced, lateness: s.lateness, sumEnd: s.sumEnd };
        if (compareCost(cost, best) < 0) [best, bestState] = [cost, s];
      }
    }
    layer = next;
  }
  if (!bestState) return { proven: true, order: null, cost: best };
  // the placed tasks in their order, then the ones left out
  const placed: number[] = [];
  for (let s: State | null = bestState; s && s.task >= 0; s = s.parent) placed.push(s.task);
  placed.reverse();
  const inPlan = new Set(placed);
  for (let j = 0; j < n; j++) if (!inPlan.has(j)) placed.push(j);
  return { proven: true, order: Int32Array.from(placed), cost: best };
}
