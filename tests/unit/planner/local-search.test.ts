import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { seededRandom } from "@/lib/domain/planner/local-search";
import { plan, WORK_PER_MS, type PlanInput } from "@/lib/domain/planner/solve";

const MINUTE = 60_000;
const data = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../../scripts/bench/data/orlib-wt40/${file}`, import.meta.url)), "utf8")
    .trim()
    .split(/\s+/)
    .map(Number);

type Jobs = { p: number[]; w: number[]; d: number[] };

/** 1||ΣwjTj as a plan, as the benchmark poses it: one interval from time 0, no buffer, a 1-minute grid */
function singleMachine({ p, w, d }: Jobs, exact = true): PlanInput {
  const total = p.reduce((a, b) => a + b, 0);
  return {
    tasks: p.map((minutes, j) => ({
      id: `j${String(j).padStart(2, "0")}`,
      minutes,
      importance: w[j]!,
      deadline: new Date(d[j]! * MINUTE),
      prerequisites: [],
    })),
    free: [{ start: new Date(0), end: new Date(total * MINUTE) }],
    bufferMinutes: 0,
    now: new Date(0),
    grid: { minutes: 1, origin: new Date(0) },
    exact,
  };
}

const tardiness = ({ p, w, d }: Jobs, order: number[]) => {
  let t = 0;
  let sum = 0;
  for (const j of order) {
    t += p[j]!;
    sum += w[j]! * Math.max(0, t - d[j]!);
  }
  return sum;
};

describe("the heuristic on 1||ΣwjTj", () => {
  it("reaches the OR-Library optimum of wt40 instances 4, 56 and 58 within the default budget", () => {
    const numbers = data("wt40.txt");
    const optima = data("wtopt40.txt");
    // 56 was 3.4 % off with insertions and near interchanges only; 4 and 58 were missed by other neighbourhoods tried
    for (const k of [4, 56, 58]) {
      const a = numbers.slice((k - 1) * 120, k * 120);
      const result = plan(singleMachine({ p: a.slice(0, 40), w: a.slice(40, 80), d: a.slice(80) }));
      expect(result.objective.weightedLatenessMinutes, `instance ${k}`).toBe(optima[k - 1]);
    }
  });

  it("stops a dynasearch pass with the budget instead of overrunning it by a whole O(n³) pass", () => {
    const n = 150;
    const random = seededRandom(7);
    const instance = {
      p: Array.from({ length: n }, () => 1 + Math.floor(random() * 100)),
      w: Array.from({ length: n }, () => 1 + Math.floor(random() * 9)),
      d: Array.from({ length: n }, () => Math.floor(random() * 25 * n)),
    };
    for (const timeBudgetMs of [60, 100, 140]) {
      const result = plan({ ...singleMachine(instance, false), timeBudgetMs });
      // one pass costs n³/6 ≈ 560,000 steps; a row of it about n²/2, an insertion scan n
      expect(result.work).toBeLessThanOrEqual(timeBudgetMs * WORK_PER_MS + n * n);
    }
  });

  it("ends where no interchange of two jobs, however far apart, lowers the weighted tardiness", () => {
    const jobs = fc.integer({ min: 8, max: 30 }).chain((n) =>
      fc.record({
        p: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }),
        w: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n }),
        d: fc.array(fc.integer({ min: 0, max: 25 * n }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(jobs, (instance) => {
        const result = plan({ ...singleMachine(instance, false), timeBudgetMs: 50 });
        const order = result.placements.map((x) => Number(x.taskId.slice(1)));
        const cost = tardiness(instance, order);
        expect(cost).toBe(result.objective.weightedLatenessMinutes);
        for (let i = 0; i < order.length; i++)
          for (let t = i + 1; t < order.length; t++) {
            const swapped = [...order];
            [swapped[i], swapped[t]] = [swapped[t]!, swapped[i]!];
            expect(tardiness(instance, swapped)).toBeGreaterThanOrEqual(cost);
          }
      }),
      { numRuns: 40 },
    );
  });
});
