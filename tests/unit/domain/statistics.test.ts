import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { SCHEDULE_TYPES, type ScheduleType } from "@/lib/domain/limits";
import { completionDeltas, negateDeltas, sumDeltas, summarizeWeek, type StatDelta } from "@/lib/domain/statistics";
import { addDays, localDate, splitAtLocalMidnight, weekDays, weekStartOf, wholeSeconds } from "@/lib/domain/time";

const zeroByType = { DEEP_WORK: 0, QUICK_TASK: 0, ADMIN_TASK: 0 };

describe("completionDeltas", () => {
  it("puts each session's seconds on its day and one completion on the day of completion", () => {
    const deltas = completionDeltas(
      "DEEP_WORK",
      [
        { day: "2026-11-24", seconds: 1800 },
        { day: "2026-11-25", seconds: 600 },
        { day: "2026-11-24", seconds: 60 },
      ],
      "2026-11-25",
    );
    expect(deltas).toEqual([
      { day: "2026-11-24", type: "DEEP_WORK", seconds: 1860, completedCount: 0 },
      { day: "2026-11-25", type: "DEEP_WORK", seconds: 600, completedCount: 1 },
    ]);
  });

  it("counts a schedule that never ran as one completion and 0 seconds", () => {
    expect(completionDeltas("QUICK_TASK", [], "2026-11-25")).toEqual([
      { day: "2026-11-25", type: "QUICK_TASK", seconds: 0, completedCount: 1 },
    ]);
    // sessions shorter than a second add nothing either
    expect(completionDeltas("QUICK_TASK", [{ day: "2026-11-24", seconds: 0 }], "2026-11-25")).toEqual([
      { day: "2026-11-25", type: "QUICK_TASK", seconds: 0, completedCount: 1 },
    ]);
  });

  it("refuses negative or fractional seconds and bad dates", () => {
    expect(() => completionDeltas("ADMIN_TASK", [{ day: "2026-11-24", seconds: -1 }], "2026-11-25")).toThrow(
      RangeError,
    );
    expect(() => completionDeltas("ADMIN_TASK", [{ day: "2026-11-24", seconds: 1.5 }], "2026-11-25")).toThrow(
      RangeError,
    );
    expect(() => completionDeltas("ADMIN_TASK", [{ day: "2026-11-31", seconds: 1 }], "2026-11-25")).toThrow(RangeError);
    expect(() => completionDeltas("ADMIN_TASK", [], "25/11/2026")).toThrow(RangeError);
  });

  it("is exactly undone by its negation", () => {
    const added = completionDeltas("DEEP_WORK", [{ day: "2026-11-24", seconds: 1800 }], "2026-11-25");
    const subtracted = negateDeltas(added);
    expect(subtracted).toEqual([
      { day: "2026-11-24", type: "DEEP_WORK", seconds: -1800, completedCount: 0 },
      { day: "2026-11-25", type: "DEEP_WORK", seconds: 0, completedCount: -1 },
    ]);
    expect(sumDeltas([...added, ...subtracted])).toEqual([]);
  });
});

describe("sumDeltas", () => {
  it("sums by day and type and drops rows that come to nothing", () => {
    const rows: StatDelta[] = [
      { day: "2026-11-25", type: "QUICK_TASK", seconds: 10, completedCount: 1 },
      { day: "2026-11-24", type: "DEEP_WORK", seconds: 5, completedCount: 0 },
      { day: "2026-11-25", type: "QUICK_TASK", seconds: 20, completedCount: 1 },
      { day: "2026-11-25", type: "DEEP_WORK", seconds: 7, completedCount: 1 },
      { day: "2026-11-24", type: "DEEP_WORK", seconds: -5, completedCount: 0 },
    ];
    expect(sumDeltas(rows)).toEqual([
      { day: "2026-11-25", type: "DEEP_WORK", seconds: 7, completedCount: 1 },
      { day: "2026-11-25", type: "QUICK_TASK", seconds: 30, completedCount: 2 },
    ]);
  });
});

describe("summarizeWeek", () => {
  // the week of Monday 2026-11-23
  const rows: StatDelta[] = [
    { day: "2026-11-22", type: "DEEP_WORK", seconds: 999, completedCount: 9 }, // the Sunday before
    { day: "2026-11-23", type: "DEEP_WORK", seconds: 3600, completedCount: 1 },
    { day: "2026-11-23", type: "ADMIN_TASK", seconds: 600, completedCount: 0 },
    { day: "2026-11-25", type: "QUICK_TASK", seconds: 0, completedCount: 1 },
    { day: "2026-11-29", type: "DEEP_WORK", seconds: 1200, completedCount: 1 }, // Sunday ends the week
    { day: "2026-11-30", type: "QUICK_TASK", seconds: 888, completedCount: 8 }, // the Monday after
  ];

  it("sums the week by day and by type, ignoring rows outside it", () => {
    const week = summarizeWeek(rows, "2026-11-23", 240);
    expect(week.weekStart).toBe("2026-11-23");
    expect(week.totalSeconds).toBe(5400);
    expect(week.completedCount).toBe(3);
    expect(week.byType).toEqual({ DEEP_WORK: 4800, QUICK_TASK: 0, ADMIN_TASK: 600 });
    expect(week.days.map((d) => d.date)).toEqual(weekDays("2026-11-23"));
    expect(week.days[0]).toEqual({
      date: "2026-11-23",
      seconds: 4200,
      byType: { DEEP_WORK: 3600, QUICK_TASK: 0, ADMIN_TASK: 600 },
      completedCount: 1,
      goalSeconds: 14_400,
    });
    expect(week.days[1]).toEqual({
      date: "2026-11-24",
      seconds: 0,
      byType: zeroByType,
      completedCount: 0,
      goalSeconds: 14_400,
    });
    expect(week.days[2]!.completedCount).toBe(1);
    expect(week.days[6]!.seconds).toBe(1200);
  });

  it("keeps its totals equal to the sum of its days and of its types", () => {
    const week = summarizeWeek(rows, "2026-11-23", 30);
    expect(week.totalSeconds).toBe(week.days.reduce((s, d) => s + d.seconds, 0));
    expect(week.totalSeconds).toBe(SCHEDULE_TYPES.reduce((s, t) => s + week.byType[t], 0));
    expect(week.completedCount).toBe(week.days.reduce((s, d) => s + d.completedCount, 0));
    for (const d of week.days) {
      expect(d.seconds).toBe(SCHEDULE_TYPES.reduce((s, t) => s + d.byType[t], 0));
      expect(d.goalSeconds).toBe(1800);
    }
  });

  it("lists every type and every day even for an empty week", () => {
    const week = summarizeWeek([], "2026-11-23", 1);
    expect(week).toEqual({
      weekStart: "2026-11-23",
      totalSeconds: 0,
      byType: zeroByType,
      completedCount: 0,
      days: weekDays("2026-11-23").map((date) => ({
        date,
        seconds: 0,
        byType: zeroByType,
        completedCount: 0,
        goalSeconds: 60,
      })),
    });
    // the days do not share one byType object
    week.days[0]!.byType.DEEP_WORK = 1;
    expect(week.days[1]!.byType.DEEP_WORK).toBe(0);
    expect(week.byType.DEEP_WORK).toBe(0);
  });

  it("counts a completion that never ran as 1 completion and 0 s", () => {
    const week = summarizeWeek(completionDeltas("ADMIN_TASK", [], "2026-11-26"), "2026-11-23", 240);
    expect(week.completedCount).toBe(1);
    expect(week.totalSeconds).toBe(0);
    expect(week.days[3]).toMatchObject({ date: "2026-11-26", completedCount: 1, seconds: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const typeArb = fc.constantFrom(...SCHEDULE_TYPES);
const dayArb = fc.integer({ min: 0, max: 27 }).map((n) => addDays("2026-11-09", n)); // four weeks
const deltaArb: fc.Arbitrary<StatDelta> = fc.record({
  day: dayArb,
  type: typeArb,
  seconds: fc.integer({ min: -100_000, max: 100_000 }),
  completedCount: fc.integer({ min: -3, max: 3 }),
});

describe("properties of the statistics arithmetic", () => {
  it("sumDeltas keeps every (day, type) total, drops only zeros, and is idempotent", () => {
    fc.assert(
      fc.property(fc.array(deltaArb, { maxLength: 60 }), (deltas) => {
        const summed = sumDeltas(deltas);
        for (const day of new Set(deltas.map((d) => d.day))) {
          for (const type of SCHEDULE_TYPES) {
            const mine = deltas.filter((d) => d.day === day && d.type === type);
            const seconds = mine.reduce((s, d) => s + d.seconds, 0);
            const completedCount = mine.reduce((s, d) => s + d.completedCount, 0);
            const row = summed.filter((d) => d.day === day && d.type === type);
            if (seconds === 0 && completedCount === 0) expect(row).toEqual([]);
            else expect(row).toEqual([{ day, type, seconds, completedCount }]);
          }
        }
        expect(sumDeltas(summed)).toEqual(summed);
        expect(sumDeltas([...deltas, ...negateDeltas(deltas)])).toEqual([]);
        expect(negateDeltas(negateDeltas(deltas))).toEqual(deltas);
      }),
    );
  });

  it("a week's totals equal the sum of its days, of its types, and of the rows in it", () => {
    fc.assert(
      fc.property(
        fc.array(deltaArb, { maxLength: 60 }),
        dayArb,
        fc.integer({ min: 1, max: 1440 }),
        (rows, anyDay, goal) => {
          const weekStart = weekStartOf(anyDay);
          const week = summarizeWeek(rows, weekStart, goal);
          const inWeek = rows.filter((r) => weekDays(weekStart).includes(r.day));
          expect(week.totalSeconds).toBe(inWeek.reduce((s, r) => s + r.seconds, 0));
          expect(week.completedCount).toBe(inWeek.reduce((s, r) => s + r.completedCount, 0));
          expect(week.totalSeconds).toBe(week.days.reduce((s, d) => s + d.seconds, 0));
          expect(week.totalSeconds).toBe(SCHEDULE_TYPES.reduce((s, t) => s + week.byType[t], 0));
          for (const d of week.days) expect(d.goalSeconds).toBe(goal * 60);
          // summing first does not change the answer
          expect(summarizeWeek(sumDeltas(rows), weekStart, goal)).toEqual(week);
        },
      ),
    );
  });

  it("the projection of completions, less the resets, equals a recomputation from sessions", () => {
    const zone = "Asia/Seoul";
    const weekStart = "2026-11-23";
    const hour = 3_600_000;
    // a completed schedule: its type, its sessions (gaps and lengths in ms), whether it was reset later
    const scheduleArb = fc.record({
      type: typeArb,
      startsAt: fc.integer({ min: Date.parse("2026-11-21T00:00:00Z"), max: Date.parse("2026-11-30T00:00:00Z") }),
      sessions: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 * hour }), fc.integer({ min: 0, max: 6 * hour })), {
        maxLength: 4,
      }),
      reset: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(scheduleArb, { maxLength: 8 }), (schedules) => {
        const projection: StatDelta[] = [];
        const expectedByType: Record<ScheduleType, number> = { DEEP_WORK: 0, QUICK_TASK: 0, ADMIN_TASK: 0 };
        let expectedCompleted = 0;

        for (const schedule of schedules) {
          let t = schedule.startsAt;
          const pieces = schedule.sessions.flatMap(([gap, length]) => {
            const startedAt = new Date(t + gap);
            t += gap + length;
            return splitAtLocalMidnight({ startedAt, endedAt: new Date(t) }, zone);
          });
          const completedOn = localDate(new Date(t), zone);
          const added = completionDeltas(
            schedule.type,
            pieces.map((p) => ({ day: p.day, seconds: wholeSeconds(p) })),
            completedOn,
          );
          projection.push(...added);
          if (schedule.reset) {
            projection.push(...negateDeltas(added));
            continue;
          }
          for (const p of pieces)
            if (weekDays(weekStart).includes(p.day)) expectedByType[schedule.type] += wholeSeconds(p);
          if (weekDays(weekStart).includes(completedOn)) expectedCompleted += 1;
        }

        const week = summarizeWeek(sumDeltas(projection), weekStart, 240);
        expect(week.byType).toEqual(expectedByType);
        expect(week.completedCount).toBe(expectedCompleted);
        expect(sumDeltas(projection).every((r) => r.seconds >= 0 && r.completedCount >= 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
