// The placement problem in whole minutes, as arrays the searches can run over quickly.
//
// Minutes count from the grid's origin, so a grid point is a multiple of the grid. Instants are taken to the minute
// on the safe side: a free interval's start and `now` are rounded up, its end and a deadline down.
//
// A plan is decoded from an order of the tasks: each in turn starts at the first grid point, no earlier than the
// previous block's end plus the buffer, where it fits inside one free interval; a task that fits nowhere from there
// on, or whose prerequisite is not placed before it, is left out. Every plan that keeps the rules can be shifted
// left into the decoding of its own order without any block ending later, and the objective only grows with end
// times, so searching over orders loses no optimum (docs/planner.md).

export const MS_PER_MINUTE = 60_000;

/** lexicographic: work left out (Σ importance × minutes), then Σ importance × minutes late, then Σ end minutes */
export type Cost = { unplaced: number; lateness: number; sumEnd: number };

export function compareCost(a: Cost, b: Cost): number {
  return a.unplaced - b.unplaced || a.lateness - b.lateness || a.sumEnd - b.sumEnd;
}

export type Problem = {
  n: number;
  minutes: Int32Array;
  weight: Float64Array;
  /** deadline in minutes from the origin; Infinity when none */
  deadline: Float64Array;
  /** weight × minutes: what leaving the task out costs */
  leaveOut: Float64Array;
  /** indices of each task's prerequisites (all inside the problem) */
  prerequisites: readonly Int32Array[];
  /** free intervals: first grid start and end, in minutes, sorted, non-empty */
  intervalStart: Float64Array;
  intervalEnd: Float64Array;
  grid: number;
  buffer: number;
  /** the first grid point not before now */
  now: number;
};

export function ceilTo(x: number, grid: number): number {
  return Math.ceil(x / grid) * grid;
}

/** intervals as minutes from the origin; those in which no grid point lies before their end are dropped */
export function toMinuteIntervals(
  free: readonly { start: Date; end: Date }[],
  originMs: number,
  grid: number,
  nowMinute: number,
): { start: Float64Array; end: Float64Array } {
  const kept: [number, number][] = [];
  for (const interval of free) {
    const start = ceilTo(Math.max(Math.ceil((interval.start.getTime() - originMs) / MS_PER_MINUTE), nowMinute), grid);
    const end = Math.floor((interval.end.getTime() - originMs) / MS_PER_MINUTE);
    if (end > start) kept.push([start, end]);
  }
  kept.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { start: Float64Array.from(kept, (k) => k[0]), end: Float64Array.from(kept, (k) => k[1]) };
}

/**
 * The first grid start ≥ `ready` at which task `j` fits inside one free interval, or -1. `from` is an interval index
 * before which none can help (intervals ending by `ready`); callers pass 0 when they do not know.
 */
export function earliestStart(problem: Problem, j: number, ready: number, from = 0): number {
  const p = problem.minutes[j]!;
  const { intervalStart, intervalEnd, grid } = problem;
  for (let k = from; k < intervalStart.length; k++) {
    const end = intervalEnd[k]!;
    if (end - p < ready) continue;
    const start = intervalStart[k]!;
    const s = start >= ready ? start : ceilTo(ready, grid);
    if (s + p <= end) return s;
  }
  return -1;
}

/** the first interval that ends after `ready`: earlier ones can hold nothing from `ready` on */
export function firstUsefulInterval(problem: Problem, ready: number, from: number): number {
  let k = from;
  while (k < problem.intervalEnd.length && problem.intervalEnd[k]! <= ready) k++;
  return k;
}

export type Decoded = { cost: Cost; start: Float64Array; placed: Uint8Array };

/** the plan an order decodes to (see above); `start` is -1 for a task left out */
export function decode(problem: Problem, order: ArrayLike<number>): Decoded {
  const start = new Float64Array(problem.n).fill(-1);
  const placed = new Uint8Array(problem.n);
  let ready = problem.now;
  let k = 0;
  let unplaced = 0;
  let lateness = 0;
  let sumEnd = 0;
  for (let i = 0; i < order.length; i++) {
    const j = order[i]!;
    let s = -1;
    if (problem.prerequisites[j]!.every((q) => placed[q] === 1)) {
      k = firstUsefulInterval(problem, ready, k);
      s = earliestStart(problem, j, ready, k);
    }
    if (s < 0) {
      unplaced += problem.leaveOut[j]!;
      continue;
    }
    const end = s + problem.minutes[j]!;
    start[j] = s;
    placed[j] = 1;
    lateness += problem.weight[j]! * Math.max(0, end - problem.deadline[j]!);
    sumEnd += end - problem.now;
    ready = end + problem.buffer;
  }
  return { cost: { unplaced, lateness, sumEnd }, start, placed };
}
