// A goal's progress, its estimates and the fill of remaining work into working hours: the pure computations of
// lib/domain/goals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clampPlannedMinutes, estimator, median, plannedMinutesFor, realMinutes } from "@/lib/domain/goals/estimates";
import { goalProgress, longestChain, type GoalProgressInput, type ProgressTask } from "@/lib/domain/goals/progress";
import {
  DEFAULT_WORKING_HOURS,
  finishOfWork,
  isoWeekday,
  overlappingIntervals,
  type WorkingHours,
} from "@/lib/domain/goals/working-hours";
import type { Edge } from "@/lib/domain/graph";

const SEOUL = "Asia/Seoul";
// Monday 2026-12-07 10:00 in Seoul
const MONDAY_10 = new Date("2026-12-07T01:00:00.000Z");
const EMPTY_WEEK: WorkingHours = { "1": [], "2": [], "3": [], "4": [], "5": [], "6": [], "7": [] };

const task = (id: string, extra: Partial<ProgressTask> = {}): ProgressTask => ({
  id,
  completed: false,
  difficulty: 3,
  expectedMinutes: 60,
  previousTaskIds: [],
  ...extra,
});

function input(tasks: ProgressTask[], extra: Partial<GoalProgressInput> = {}): GoalProgressInput {
  return {
    tasks,
    completedTaskIds: new Set(tasks.filter((t) => t.completed).map((t) => t.id)),
    spentSeconds: 0,
    estimate: estimator([]),
    targetDate: null,
    workingHours: DEFAULT_WORKING_HOURS,
    timeZone: SEOUL,
    now: MONDAY_10,
    ...extra,
  };
}

describe("estimates", () => {
  it("use the defaults per difficulty until there are three samples, then their median", () => {
    const defaults = estimator([]);
    expect([1, 2, 3, 5, 8, 13, 21].map(defaults)).toEqual([15, 30, 45, 90, 150, 240, 360]);
    const two = estimator([
      { difficulty: 5, minutes: 10 },
      { difficulty: 5, minutes: 20 },
    ]);
    expect(two(5)).toBe(90);
    const three = estimator([
      { difficulty: 5, minutes: 10 },
      { difficulty: 5, minutes: 200 },
      { difficulty: 5, minutes: 20 },
      { difficulty: 3, minutes: 0 }, // no recorded time: does not count
    ]);
    expect(three(5)).toBe(20);
    expect(three(3)).toBe(45);
  });

  it("are clamped to 5–720 like planned minutes", () => {
    const tiny = estimator([1, 1, 2].map((minutes) => ({ difficulty: 1, minutes })));
    expect(tiny(1)).toBe(5);
    const huge = estimator([900, 1000, 1100].map((minutes) => ({ difficulty: 21, minutes })));
    expect(huge(21)).toBe(720);
    expect(clampPlannedMinutes(4)).toBe(5);
    expect(clampPlannedMinutes(721)).toBe(720);
  });

  it("median of an even count is the mean of the middle two; real minutes are rounded seconds ÷ 60", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(realMinutes(89)).toBe(1);
    expect(realMinutes(90)).toBe(2);
  });

  it("a schedule's planned minutes: given, else the task's expected minutes (clamped), else its estimate, else 30", () => {
    const estimate = estimator([]);
    expect(plannedMinutesFor(45, { difficulty: 8, expectedMinutes: 10 }, estimate)).toBe(45);
    expect(plannedMinutesFor(undefined, { difficulty: 8, expectedMinutes: 1000 }, estimate)).toBe(720);
    expect(plannedMinutesFor(undefined, { difficulty: 8, expectedMinutes: 2 }, estimate)).toBe(5);
    expect(plannedMinutesFor(undefined, { difficulty: 8, expectedMinutes: null }, estimate)).toBe(150);
    expect(plannedMinutesFor(undefined, null, estimate)).toBe(30);
  });
});

describe("working hours", () => {
  it("knows ISO weekdays and finds overlaps (touching ends do not overlap)", () => {
    expect(isoWeekday("2026-12-07")).toBe("1");
    expect(isoWeekday("2026-12-13")).toBe("7");
    expect(
      overlappingIntervals([
        { start: "09:00", end: "12:00" },
        { start: "12:00", end: "13:00" },
      ]),
    ).toEqual([]);
    expect(
      overlappingIntervals([
        { start: "13:00", end: "18:00" },
        { start: "09:00", end: "13:30" },
      ]),
    ).toEqual([[1, 0]]);
  });

  it("fills work into the intervals from now, skipping nights and weekends", () => {
    // 10:00–18:00 is 8 h on Monday: 8 h of work end at 18:00, 8 h 1 min on Tuesday 09:01
    expect(finishOfWork(DEFAULT_WORKING_HOURS, SEOUL, MONDAY_10, 8 * 60)).toEqual(new Date("2026-12-07T09:00:00.000Z"));
    expect(finishOfWork(DEFAULT_WORKING_HOURS, SEOUL, MONDAY_10, 8 * 60 + 1)).toEqual(
      new Date("2026-12-08T00:01:00.000Z"),
    );
    // Friday 17:00 + 2 h: one hour on Friday, the weekend skipped, Monday 10:00
    const friday17 = new Date("2026-12-11T08:00:00.000Z");
    expect(finishOfWork(DEFAULT_WORKING_HOURS, SEOUL, friday17, 120)).toEqual(new Date("2026-12-14T01:00:00.000Z"));
    // after the day's hours: tomorrow's
    const monday20 = new Date("2026-12-07T11:00:00.000Z");
    expect(finishOfWork(DEFAULT_WORKING_HOURS, SEOUL, monday20, 30)).toEqual(new Date("2026-12-08T00:30:00.000Z"));
  });

  it("takes 24:00 as the end of the day, and gives up on an empty week", () => {
    const lateNights: WorkingHours = { ...EMPTY_WEEK, "1": [{ start: "22:00", end: "24:00" }] };
    expect(finishOfWork(lateNights, SEOUL, MONDAY_10, 120)).toEqual(new Date("2026-12-07T15:00:00.000Z"));
    expect(finishOfWork(lateNights, SEOUL, MONDAY_10, 121)).toEqual(new Date("2026-12-14T13:01:00.000Z"));
    expect(finishOfWork(EMPTY_WEEK, SEOUL, MONDAY_10, 10)).toBeNull();
  });
});

describe("longestChain", () => {
  it("is the heaviest path through the graph", () => {
    const weights = new Map([
      ["a", 10],
      ["b", 50],
      ["c", 20],
      ["d", 5],
      ["lonely", 60],
    ]);
    const edges: Edge[] = [
      ["a", "b"],
      ["a", "c"],
      ["b", "d"],
      ["c", "d"],
    ];
    expect(longestChain(weights, edges)).toBe(65); // a → b → d
    expect(longestChain(new Map([["x", 7]]), [])).toBe(7);
    expect(longestChain(new Map(), [])).toBe(0);
  });

  it("handles a chain of 20,000 tasks without recursion", () => {
    const n = 20_000;
    const weights = new Map(Array.from({ length: n }, (_, i) => [`t${i}`, 1]));
    const edges: Edge[] = Array.from({ length: n - 1 }, (_, i) => [`t${i}`, `t${i + 1}`]);
    expect(longestChain(weights, edges)).toBe(n);
  });

  it("is at least the heaviest task and at most the sum (random DAGs)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(11))),
        (ws, pairs) => {
          const weights = new Map(ws.map((w, i) => [`t${i}`, w]));
          // edges from a lower to a higher index: acyclic
          const edges = pairs.filter(([a, b]) => a < b && b < ws.length).map(([a, b]): Edge => [`t${a}`, `t${b}`]);
          const longest = longestChain(weights, edges);
          expect(longest).toBeGreaterThanOrEqual(Math.max(...ws));
          expect(longest).toBeLessThanOrEqual(ws.reduce((x, y) => x + y, 0));
        },
      ),
    );
  });
});

describe("goalProgress", () => {
  it("counts, sums and finds the next tasks and the critical path of a small graph", () => {
    // done → a(60) → b(30) → d(90, est. for difficulty 5); a → c(120); outside → c (an open task of no goal)
    const tasks = [
      task("done", { completed: true }),
      task("a", { previousTaskIds: ["done"] }),
      task("b", { expectedMinutes: 30, previousTaskIds: ["a"] }),
      task("c", { expectedMinutes: 120, previousTaskIds: ["a", "outside"] }),
      task("d", { expectedMinutes: null, difficulty: 5, previousTaskIds: ["b"] }),
      task("free", { expectedMinutes: 15 }),
    ];
    const progress = goalProgress(input(tasks, { spentSeconds: 4321 }));
    expect(progress).toEqual({
      tasks: 6,
      completedTasks: 1,
      spentSeconds: 4321,
      remainingMinutes: 60 + 30 + 120 + 90 + 15,
      nextTaskIds: ["a", "free"],
      criticalPathMinutes: 60 + 30 + 90,
      // 315 minutes from Monday 10:00 end at 15:15
      projectedFinishDate: "2026-12-07",
      onTrack: null,
    });
  });

  it("needs every prerequisite completed, also outside the goal", () => {
    const tasks = [task("a", { previousTaskIds: ["outside"] })];
    expect(goalProgress(input(tasks)).nextTaskIds).toEqual([]);
    expect(goalProgress(input(tasks, { completedTaskIds: new Set(["outside"]) })).nextTaskIds).toEqual(["a"]);
  });

  it("is on track when the projected finish is on or before the target date", () => {
    const tasks = [task("a", { expectedMinutes: 9 * 60 })]; // 8 h on Monday, 1 h on Tuesday
    expect(goalProgress(input(tasks, { targetDate: "2026-12-08" }))).toMatchObject({
      projectedFinishDate: "2026-12-08",
      onTrack: true,
    });
    expect(goalProgress(input(tasks, { targetDate: "2026-12-07" }))).toMatchObject({ onTrack: false });
    expect(goalProgress(input(tasks, { targetDate: "2026-12-31", workingHours: EMPTY_WEEK }))).toMatchObject({
      projectedFinishDate: null,
      onTrack: false,
    });
  });

  it("with nothing open: no projection; on track when all is done and there is a target", () => {
    const done = [task("a", { completed: true })];
    expect(goalProgress(input(done, { targetDate: "2026-12-01" }))).toMatchObject({
      remainingMinutes: 0,
      criticalPathMinutes: 0,
      nextTaskIds: [],
      projectedFinishDate: null,
      onTrack: true,
    });
    expect(goalProgress(input([], { targetDate: "2026-12-01" }))).toMatchObject({
      tasks: 0,
      projectedFinishDate: null,
      onTrack: null,
    });
  });

  it("estimates open tasks without expected minutes from the member's history", () => {
    const history = estimator([40, 50, 60].map((minutes) => ({ difficulty: 8, minutes })));
    const tasks = [task("a", { expectedMinutes: null, difficulty: 8 })];
    expect(goalProgress(input(tasks, { estimate: history })).remainingMinutes).toBe(50);
  });
});
