// Estimates by difficulty, the table before there is history, and calibration (planning.md "Estimates that learn");
// the estimator's defaults and planned minutes are also checked in progress.test.ts.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  calibration,
  estimatesByDifficulty,
  estimator,
  median,
  realMinutes,
  type CompletedTask,
} from "@/lib/domain/goals/estimates";
import { DEFAULT_ESTIMATE_MINUTES as DEFAULT_MINUTES, DIFFICULTIES, type Difficulty } from "@/lib/domain/limits";

const done = (
  difficulty: CompletedTask["difficulty"],
  realMinutes: number | null,
  expectedMinutes: number | null = null,
) => ({
  difficulty,
  realMinutes,
  expectedMinutes,
});

/** the estimate of one difficulty from completed tasks; a task without recorded time is a sample of 0 minutes */
function estimateMinutes(difficulty: Difficulty, history: readonly CompletedTask[]): number {
  return estimator(history.map((t) => ({ difficulty: t.difficulty, minutes: t.realMinutes ?? 0 })))(difficulty);
}

describe("estimateMinutes", () => {
  it("uses the fixed table until there are 3 completed tasks of that difficulty", () => {
    expect(Object.values(DEFAULT_MINUTES)).toEqual([15, 30, 45, 90, 150, 240, 360]);
    const history = [done(5, 20), done(5, 40), done(3, 10)];
    expect(estimateMinutes(5, history)).toBe(90);
    expect(estimateMinutes(5, [...history, done(5, 70)])).toBe(40);
  });

  it("takes the median, the mean of the middle two for an even count, and ignores tasks without recorded time", () => {
    expect(estimateMinutes(2, [done(2, 10), done(2, 25), done(2, 60), done(2, 1000)])).toBe(43); // (25 + 60) / 2 rounded
    expect(estimateMinutes(2, [done(2, 10), done(2, 25), done(2, null), done(2, null)])).toBe(30);
  });

  it("clamps to 5–720 minutes", () => {
    expect(estimateMinutes(1, [done(1, 1), done(1, 2), done(1, 3)])).toBe(5);
    expect(estimateMinutes(21, [done(21, 900), done(21, 800), done(21, 1000)])).toBe(720);
  });

  it("always lies within 5–720 and between the smallest and largest history when it uses one", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DIFFICULTIES),
        fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 12 }),
        (d, real) => {
          const value = estimateMinutes(
            d,
            real.map((r) => done(d, r)),
          );
          expect(value).toBeGreaterThanOrEqual(5);
          expect(value).toBeLessThanOrEqual(720);
          if (real.length >= 3) {
            expect(value).toBeGreaterThanOrEqual(Math.min(720, Math.max(5, Math.min(...real))));
            expect(value).toBeLessThanOrEqual(Math.max(5, Math.min(720, Math.max(...real))));
          } else expect(value).toBe(DEFAULT_MINUTES[d]);
        },
      ),
    );
  });

  it("gives every difficulty at once", () => {
    expect(estimatesByDifficulty(estimator([]))).toEqual({ 1: 15, 2: 30, 3: 45, 5: 90, 8: 150, 13: 240, 21: 360 });
  });
});

describe("realMinutes", () => {
  it("rounds recorded seconds to minutes and counts no recorded time as none", () => {
    expect(realMinutes(0)).toBe(0);
    expect(realMinutes(20)).toBe(0);
    // a sample of 0 minutes is no sample: three of them leave the table's 30 for difficulty 2
    expect(
      estimateMinutes(
        2,
        [0, 20, 0].map((seconds) => done(2, realMinutes(seconds))),
      ),
    ).toBe(30);
    expect(realMinutes(30)).toBe(1);
    expect(realMinutes(5400)).toBe(90);
    expect(realMinutes(5429)).toBe(90);
  });
});

describe("median", () => {
  it("refuses an empty list", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("calibration", () => {
  it("is Σ real ÷ Σ expected per difficulty, over tasks with both", () => {
    const history = [
      done(5, 140, 100),
      done(5, 70, 50),
      done(5, null, 60),
      done(5, 30, null),
      done(8, 100, 200),
      done(13, 50, 0),
    ];
    expect(calibration(history)).toEqual([
      { difficulty: 5, tasks: 2, ratio: 1.4 },
      { difficulty: 8, tasks: 1, ratio: 0.5 },
    ]);
    expect(calibration([])).toEqual([]);
  });
});
