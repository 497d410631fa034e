// The heuristic for plans too large to prove: iterated local search over orders (Lourenço, Martin and Stützle's
// scheme, as Congram, Potts and van de Velde use it for weighted tardiness), seeded by dispatch rules.
//
// Deterministic: the kicks come from a seeded generator and the search stops after a number of decoding steps
// (the "work") fixed by the caller, or after a number of kicks without improvement, never on the wall clock. The same
// input gives the same plan on any machine, however loaded.

import {
  compareCost,
  decode,
  earliestStart as earliestStartOf,
  firstUsefulInterval as firstUsefulOf,
  type Cost,
  type Problem,
} from "./problem";

// bound once: module loaders that compile to CommonJS reach an imported function through a getter on every call
const earliestStart = earliestStartOf;
const firstUsefulInterval = firstUsefulOf;

/** a small fast generator (mulberry32): the kicks must be the same on every run */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Work = { used: number; limit: number };

type Rule = (problem: Problem, j: number, start: number, meanMinutes: number) => number;

// priorities: the higher, the sooner
const RULES: readonly Rule[] = [
  // earliest due date
  (pr, j) => -pr.deadline[j]!,
  // apparent tardiness cost, with the start the free time allows instead of the machine's clock
  ...[0.5, 1, 2, 4].map(
    (k): Rule =>
      (pr, j, s, mean) =>
        (pr.weight[j]! / pr.minutes[j]!) * Math.exp(-Math.max(0, pr.deadline[j]! - s - pr.minutes[j]!) / (k * mean)),
  ),
  // weighted modified due date
  (pr, j, s) => -Math.max(pr.minutes[j]!, pr.deadline[j]! - s) / pr.weight[j]!,
];

/** an order built by a dispatch rule: each step takes the best task whose prerequisites are already in the order */
function dispatch(problem: Problem, rule: Rule, work: Work): Int32Array {
  const { n } = problem;
  const order = new Int32Array(n);
  const done = new Uint8Array(n);
  const placed = new Uint8Array(n);
  let mean = 0;
  for (let j = 0; j < n; j++) mean += problem.minutes[j]! / n;
  let ready = problem.now;
  let k = 0;
  for (let step = 0; step < n; step++) {
    let best = -1;
    let bestStart = -1;
    let bestPriority = -Infinity;
    k = firstUsefulInterval(problem, ready, k);
    for (let j = 0; j < n; j++) {
      if (done[j] || !problem.prerequisites[j]!.every((q) => done[q])) continue;
      work.used++;
      const placeable = problem.prerequisites[j]!.every((q) => placed[q]);
      const s = placeable ? earliestStart(problem, j, ready, k) : -1;
      // a task that can no longer be placed goes first: it is left out and holds nothing up
      const priority = s < 0 ? Infinity : rule(problem, j, s, mean);
      if (best < 0 || priority > bestPriority) [best, bestStart, bestPriority] = [j, s, priority];
    }
    order[step] = best;
    done[best] = 1;
    if (bestStart >= 0) {
      placed[best] = 1;
      ready = bestStart + problem.minutes[best]! + problem.buffer;
    }
  }
  return order;
}

/**
 * Decodes orders that differ from a base order only inside one segment, reusing the base's decoding before the
 * segment and, when the segment ends in the same state, after it.
 */
class OrderEvaluator {
  readonly order: Int32Array;
  private readonly position: Int32Array;
  // state before each position of the base order
  private readonly readyAt: Float64Array;
  private readonly intervalAt: Int32Array;
  private readonly unplacedAt: Float64Array;
  private readonly latenessAt: Float64Array;
  private readonly sumEndAt: Float64Array;
  private readonly placed: Uint8Array;
  private readonly stamp: Int32Array;
  private stampId = 0;
  readonly segment: Int32Array;
  cost: Cost = { unplaced: 0, lateness: 0, sumEnd: 0 };
  /**
   * One free interval that holds every task back to back, starts on the grid, no prerequisites, and every
   * length-plus-buffer a whole number of grid steps (OR-Library's 1||ΣwjTj is such a case): every task then starts
   * right when the one before lets it, so a move shifts the tasks it passes by the same amount, and its cost changes
   * by a sum that grows one term per step of the scan (Potts and van Wassenhove's insertion arithmetic).
   */
  readonly uniform: boolean;
  /** end of the task at each position of the base order (uniform case) */
  private readonly endAt: Float64Array;

  constructor(
    private readonly problem: Problem,
    order: Int32Array,
    private readonly work: Work,
  ) {
    const n = problem.n;
    this.order = Int32Array.from(order);
    this.position = new Int32Array(n);
    this.readyAt = new Float64Array(n + 1);
    this.intervalAt = new Int32Array(n + 1);
    this.unplacedAt = new Float64Array(n + 1);
    this.latenessAt = new Float64Array(n + 1);
    this.sumEndAt = new Float64Array(n + 1);
    this.placed = new Uint8Array(n);
    this.stamp = new Int32Array(n);
    this.segment = new Int32Array(n);
    this.endAt = new Float64Array(n);
    let span = 0;
    let onGrid = true;
    for (let j = 0; j < n; j++) {
      span += problem.minutes[j]! + problem.buffer;
      if ((problem.minutes[j]! + problem.buffer) % problem.grid !== 0) onGrid = false;
    }
    this.uniform =
      problem.intervalStart.length === 1 &&
      onGrid &&
      problem.prerequisites.every((qs) => qs.length === 0) &&
      problem.intervalStart[0]! + span - problem.buffer <= problem.intervalEnd[0]!;
    this.rebuild();
  }

  /** decode the base order from scratch, keeping the state before each position */
  rebuild(): void {
    const { problem, order } = this;
    let ready = problem.now;
    let k = 0;
    let unplaced = 0;
    let lateness = 0;
    let sumEnd = 0;
    for (let i = 0; i < problem.n; i++) this.position[order[i]!] = i;
    for (let i = 0; i < problem.n; i++) {
      const j = order[i]!;
      k = firstUsefulInterval(problem, ready, k);
      this.readyAt[i] = ready;
      this.intervalAt[i] = k;
      this.unplacedAt[i] = unplaced;
      this.latenessAt[i] = lateness;
      this.sumEndAt[i] = sumEnd;
      const s = problem.prerequisites[j]!.every((q) => this.placed[q] === 1 && this.position[q]! < i)
        ? earliestStart(problem, j, ready, k)
        : -1;
      this.work.used++;
      if (s < 0) {
        this.placed[j] = 0;
        unplaced += problem.leaveOut[j]!;
        continue;
      }
      this.placed[j] = 1;
      const end = s + problem.minutes[j]!;
      this.endAt[i] = end;
      lateness += problem.weight[j]! * Math.max(0, end - problem.deadline[j]!);
      sumEnd += end - problem.now;
      ready = end + problem.buffer;
    }
    this.readyAt[problem.n] = ready;
    this.intervalAt[problem.n] = k;
    this.unplacedAt[problem.n] = unplaced;
    this.latenessAt[problem.n] = lateness;
    this.sumEndAt[problem.n] = sumEnd;
    this.cost = { unplaced, lateness, sumEnd };
  }

  /**
   * The cost of the order whose positions lo..hi hold segment[lo..hi] (the same tasks as the base there), or null
   * as soon as it cannot beat `bound`: every part of the cost only grows along the order.
   */
  evaluate(lo: number, hi: number, bound: Cost): Cost | null {
    const { problem, order, segment, placed, position, stamp } = this;
    const id = ++this.stampId;
    let ready = this.readyAt[lo]!;
    let k = this.intervalAt[lo]!;
    let unplaced = this.unplacedAt[lo]!;
    let lateness = this.latenessAt[lo]!;
    let sumEnd = this.sumEndAt[lo]!;
    let segmentAllPlaced = true;
    const { unplaced: bu, lateness: bl, sumEnd: be } = bound;
    const { prerequisites, leaveOut, minutes, weight, deadline, buffer } = problem;
    const nowMinute = problem.now;
    for (let i = lo; i < problem.n; i++) {
      if (i === hi + 1 && segmentAllPlaced && ready === this.readyAt[i]) {
        // same state as the base after the segment (the same tasks, all placed): the rest decodes the same
        return {
          unplaced: unplaced + this.cost.unplaced - this.unplacedAt[i]!,
          lateness: lateness + this.cost.lateness - this.latenessAt[i]!,
          sumEnd: sumEnd + this.cost.sumEnd - this.sumEndAt[i]!,
        };
      }
      const j = i <= hi ? segment[i]! : order[i]!;
      this.work.used++;
      let ok = true;
      const qs = prerequisites[j]!;
      for (let x = 0; x < qs.length; x++) {
        const q = qs[x]!;
        const before = position[q]! < lo ? placed[q] === 1 : stamp[q] === id;
        if (!before) {
          ok = false;
          break;
        }
      }
      k = firstUsefulInterval(problem, ready, k);
      const s = ok ? earliestStart(problem, j, ready, k) : -1;
      if (s < 0) {
        if (i <= hi) segmentAllPlaced = false;
        unplaced += leaveOut[j]!;
      } else {
        if (i <= hi && placed[j] !== 1) segmentAllPlaced = false;
        stamp[j] = id;
        const end = s + minutes[j]!;
        const late = end - deadline[j]!;
        if (late > 0) lateness += weight[j]! * late;
        sumEnd += end - nowMinute;
        ready = end + buffer;
      }
      // inline compareCost(partial, bound) >= 0: this line runs for every step of the search
      if (unplaced > bu || (unplaced === bu && (lateness > bl || (lateness === bl && sumEnd >= be)))) return null;
    }
    return { unplaced, lateness, sumEnd };
  }

  /**
   * Uniform case: the first move of the task at position i that lowers the cost, written into the segment as
   * [lo, hi], or null. Insertions only (later positions, then earlier ones): the interchanges are left to
   * `dynasearch`, which tries them all at once.
   */
  uniformMove(i: number, work: Work): [number, number] | null {
    const { problem, order, endAt, segment } = this;
    const { minutes, weight, deadline, buffer } = problem;
    const n = problem.n;
    const j = order[i]!;
    const pj = minutes[j]!;
    const shift = pj + buffer;
    const ci = endAt[i]!;
    const tardy = (x: number, end: number) => {
      const late = end - deadline[x]!;
      return late > 0 ? weight[x]! * late : 0;
    };
    const own = tardy(j, ci);
    const better = (dL: number, dE: number) => dL < 0 || (dL === 0 && dE < 0);
    let passed = 0;
    for (let t = i + 1; t < n; t++) {
      work.used++;
      const x = order[t]!;
      passed += tardy(x, endAt[t]! - shift) - tardy(x, endAt[t]!);
      if (better(passed + tardy(j, endAt[t]!) - own, endAt[t]! - ci - (t - i) * shift)) {
        for (let y = i; y < t; y++) segment[y] = order[y + 1]!;
        segment[t] = j;
        return [i, t];
      }
    }
    passed = 0;
    for (let t = i - 1; t >= 0; t--) {
      work.used++;
      const x = order[t]!;
      passed += tardy(x, endAt[t]! + shift) - tardy(x, endAt[t]!);
      const end = endAt[t]! - minutes[x]! + pj;
      if (better(passed + tardy(j, end) - own, end - ci + (i - t) * shift)) {
        segment[t] = j;
        for (let y = t; y < i; y++) segment[y + 1] = order[y]!;
        return [t, i];
      }
    }
    return null;
  }

  /**
   * Uniform case: the best set of interchanges whose spans do not overlap, applied at once (Congram, Potts and van
   * de Velde's dynasearch). An interchange of positions lo < hi leaves every end outside lo..hi as it was, so the
   * changes of disjoint interchanges add up, and a dynamic programme over prefixes finds the best set among the
   * 2^(n-1)-odd combinations in O(n³) steps. Written into the segment as [lo, hi] (the span of all of them), or null
   * when no set lowers the cost. It reaches far interchanges and combinations that no single move improves.
   */
  dynasearch(work: Work): [number, number] | null {
    const { problem, order, endAt, segment } = this;
    const { minutes, weight, deadline } = problem;
    const n = problem.n;
    const tardy = (x: number, end: number) => {
      const late = end - deadline[x]!;
      return late > 0 ? weight[x]! * late : 0;
    };
    // best change of (lateness, Σ end) over positions 0..k-1, and where its last interchange starts (-1: none at k-1)
    const bestL = new Float64Array(n + 1);
    const bestE = new Float64Array(n + 1);
    const from = new Int32Array(n + 1).fill(-1);
    for (let k = 1; k <= n; k++) {
      // a whole pass is O(n³): stop with the budget, so a long order overruns it by one row at most
      if (work.used >= work.limit) return null;
      const hi = k - 1;
      bestL[k] = bestL[k - 1]!;
      bestE[k] = bestE[k - 1]!;
      from[k] = -1;
      const c = order[hi]!;
      for (let lo = hi - 1; lo >= 0; lo--) {
        const a = order[lo]!;
        const delta = minutes[c]! - minutes[a]!;
        const cEnd = endAt[lo]! + delta;
        let dL = tardy(a, endAt[hi]!) - tardy(a, endAt[lo]!) + tardy(c, cEnd) - tardy(c, endAt[hi]!);
        for (let y = lo + 1; y < hi; y++) {
          const x = order[y]!;
          dL += tardy(x, endAt[y]! + delta) - tardy(x, endAt[y]!);
        }
        work.used += hi - lo;
        const dE = cEnd - endAt[lo]! + (hi - lo - 1) * delta;
        const L = bestL[lo]! + dL;
        const E = bestE[lo]! + dE;
        if (L < bestL[k]! || (L === bestL[k]! && E < bestE[k]!)) [bestL[k], bestE[k], from[k]] = [L, E, lo];
      }
    }
    if (!(bestL[n]! < 0 || (bestL[n]! === 0 && bestE[n]! < 0))) return null;
    let first = n;
    let last = -1;
    for (let i = 0; i < n; i++) segment[i] = order[i]!;
    for (let k = n; k > 0;) {
      const lo = from[k]!;
      if (lo < 0) {
        k--;
        continue;
      }
      segment[lo] = order[k - 1]!;
      segment[k - 1] = order[lo]!;
      first = Math.min(first, lo);
      last = Math.max(last, k - 1);
      k = lo;
    }
    return [first, last];
  }

  /** make the segment lo..hi part of the base order */
  accept(lo: number, hi: number): void {
    for (let i = lo; i <= hi; i++) this.order[i] = this.segment[i]!;
    this.rebuild();
  }
}

/** after a move of the segment lo..hi: the tasks at its ends and their neighbours may now move with profit */
function activateAround(active: Uint8Array, order: Int32Array, lo: number, hi: number, n: number): void {
  for (const x of [lo - 1, lo, lo + 1, hi - 1, hi, hi + 1]) if (x >= 0 && x < n) active[order[x]!] = 1;
}

/**
 * Insertion and interchange moves, first improvement, until none improves: a local optimum. Only the moves of
 * "active" tasks are tried (Bentley's don't-look bits): a task whose moves all failed is left alone until a change
 * reaches its part of the order. After a kick that keeps the search near the few tasks it moved.
 */
function descend(evaluator: OrderEvaluator, n: number, work: Work, active: Uint8Array): void {
  const { order, segment } = evaluator;
  let any = true;
  while (work.used < work.limit) {
    if (!any) {
      // a local optimum of the single moves: try the dynasearch interchanges before giving up
      const move = evaluator.uniform ? evaluator.dynasearch(work) : null;
      if (!move) break;
      evaluator.accept(move[0], move[1]);
      for (let x = move[0]; x <= move[1]; x++) active[order[x]!] = 1;
    }
    any = false;
    for (let i = 0; i < n && work.used < work.limit; i++) {
      const job = order[i]!;
      if (!active[job]) continue;
      let moved = false;
      if (evaluator.uniform) {
        const move = evaluator.uniformMove(i, work);
        if (move) {
          evaluator.accept(move[0], move[1]);
          activateAround(active, order, move[0], move[1], n);
          any = true;
        } else active[job] = 0;
        continue;
      }
      // insert the task at position i at position t
      for (let t = 0; t < n && !moved; t++) {
        if (t === i) continue;
        const [lo, hi] = t < i ? [t, i] : [i, t];
        if (t < i) {
          segment[t] = order[i]!;
          for (let x = t; x < i; x++) segment[x + 1] = order[x]!;
        } else {
          for (let x = i; x < t; x++) segment[x] = order[x + 1]!;
          segment[t] = order[i]!;
        }
        const cost = evaluator.evaluate(lo, hi, evaluator.cost);
        if (cost && compareCost(cost, evaluator.cost) < 0) {
          evaluator.accept(lo, hi);
          activateAround(active, order, lo, hi, n);
          moved = true;
        }
      }
      // interchange it with the task at position t
      for (let t = 0; t < n && !moved; t++) {
        if (t === i) continue;
        const [lo, hi] = t < i ? [t, i] : [i, t];
        for (let x = lo; x <= hi; x++) segment[x] = order[x]!;
        segment[lo] = order[hi]!;
        segment[hi] = order[lo]!;
        const cost = evaluator.evaluate(lo, hi, evaluator.cost);
        if (cost && compareCost(cost, evaluator.cost) < 0) {
          evaluator.accept(lo, hi);
          activateAround(active, order, lo, hi, n);
          moved = true;
        }
      }
      if (moved) any = true;
      else active[job] = 0;
    }
  }
}

export type SearchResult = { order: Int32Array; cost: Cost; kicks: number };

/**
 * The best order found: the best dispatch rule's order, improved by local search, then kicked (a few random
 * moves of tasks to nearby positions) and improved again, keeping a kicked optimum that is no worse than the current one.
 */
export function iteratedLocalSearch(problem: Problem, work: Work, staleKicks: number): SearchResult {
  const { n } = problem;
  let bestOrder: Int32Array = new Int32Array(0);
  let bestCost: Cost | null = null;
  for (const rule of RULES) {
    const order = dispatch(problem, rule, work);
    const { cost } = decode(problem, order);
    if (!bestCost || compareCost(cost, bestCost) < 0) [bestOrder, bestCost] = [order, cost];
  }
  if (!bestCost || n < 2)
    return { order: bestOrder, cost: bestCost ?? { unplaced: 0, lateness: 0, sumEnd: 0 }, kicks: 0 };

  const evaluator = new OrderEvaluator(problem, bestOrder, work);
  const active = new Uint8Array(n).fill(1);
  descend(evaluator, n, work, active);
  bestOrder = Int32Array.from(evaluator.order);
  bestCost = evaluator.cost;
  let current = Int32Array.from(evaluator.order);
  let currentCost = evaluator.cost;
  const random = seededRandom(0x5eed ^ n);
  const reach = Math.max(3, Math.floor(n / 5));
  const RESTART_AFTER = 30;
  let stale = 0;
  let kicks = 0;
  while (work.used < work.limit && stale < staleKicks) {
    kicks++;
    // after a long stall, a far jump from the best instead of a small kick from the current optimum
    const restart = stale > 0 && stale % RESTART_AFTER === 0;
    const kicked = Int32Array.from(restart ? bestOrder : current);
    const strength = restart ? Math.ceil(n / 4) : 2 + Math.floor(random() * 4);
    const span = restart ? n : reach;
    for (let s = 0; s < strength; s++) {
      const i = Math.floor(random() * n);
      const t = Math.min(n - 1, Math.max(0, i + Math.floor(random() * (2 * span + 1)) - span));
      if (restart) [kicked[i], kicked[t]] = [kicked[t]!, kicked[i]!];
      else {
        // move the task at i to t (on wt40 these kicks found more optima than interchanges)
        const job = kicked[i]!;
        if (t > i) kicked.copyWithin(i, i + 1, t + 1);
        else kicked.copyWithin(t + 1, t, i);
        kicked[t] = job;
      }
      // the moved tasks and their new neighbours (the tasks between them only shift)
      for (const x of [i - 1, i, i + 1, t - 1, t, t + 1]) if (x >= 0 && x < n) active[kicked[x]!] = 1;
    }
    evaluator.order.set(kicked);
    evaluator.rebuild();
    descend(evaluator, n, work, active);
    const cost = evaluator.cost;
    if (compareCost(cost, bestCost) < 0) {
      bestOrder = Int32Array.from(evaluator.order);
      bestCost = cost;
      stale = 0;
    } else stale++;
    if (restart || compareCost(cost, currentCost) <= 0) {
      current = Int32Array.from(evaluator.order);
      currentCost = cost;
    }
  }
  return { order: bestOrder, cost: bestCost, kicks };
}
