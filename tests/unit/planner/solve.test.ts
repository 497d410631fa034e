import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { freeIntervals, localGridOrigin, workingIntervals, type WorkingHours } from "@/lib/domain/planner/free-time";
import { plan, type PlanInput, type PlanResult, type PlannerTask } from "@/lib/domain/planner/solve";
import { addDays, instantOfWallTime, startOfLocalDay, wallTimeOf } from "@/lib/domain/time";

const MINUTE = 60_000;
const GRID = 5 * MINUTE;
// each range holds a DST change of its zone (none for Seoul and Kathmandu)
const ZONES: [zone: string, from: string][] = [
  ["Europe/Berlin", "2026-03-27"],
  ["Europe/Berlin", "2026-10-23"],
  ["America/New_York", "2026-03-06"],
  ["America/New_York", "2026-10-30"],
  ["Australia/Lord_Howe", "2026-04-03"],
  ["Australia/Lord_Howe", "2026-10-02"],
  ["Asia/Kathmandu", "2026-12-07"],
  ["Asia/Seoul", "2026-12-07"],
];
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** working hours with minute-precise ends (off the grid on purpose), some over the night's DST change */
const workingHoursArb: fc.Arbitrary<WorkingHours> = fc
  .array(fc.array(fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 15, max: 600 })), { maxLength: 2 }), {
    minLength: 7,
    maxLength: 7,
  })
  .map((days) => {
    const hours: Record<string, { start: string; end: string }[]> = {};
    days.forEach((intervals, d) => {
      const list: { start: string; end: string }[] = [];
      let cursor = 0;
      for (const [start, length] of [...intervals].sort((a, b) => a[0] - b[0])) {
        const s = Math.max(start, cursor);
        const e = Math.min(1440, s + length);
        if (e <= s) continue;
        list.push({ start: hhmm(s), end: e === 1440 ? "24:00" : hhmm(e) });
        cursor = e;
      }
      hours[String(d + 1)] = list;
    });
    return hours;
  });

type Instance = {
  input: PlanInput;
  zone: string;
  busy: { startAt: Date; plannedMinutes: number }[];
  working: { start: Date; end: Date }[];
};

const instanceArb = (maxTasks: number): fc.Arbitrary<Instance> =>
  fc
    .record({
      where: fc.constantFrom(...ZONES),
      days: fc.integer({ min: 1, max: 4 }),
      hours: workingHoursArb,
      nowOffsetMs: fc.integer({ min: 0, max: 2 * 86_400_000 }),
      busy: fc.array(
        fc.record({
          offsetMinutes: fc.integer({ min: 0, max: 4 * 1440 }),
          plannedMinutes: fc.integer({ min: 5, max: 180 }),
        }),
        { maxLength: 6 },
      ),
      buffer: fc.constantFrom(0, 5, 10, 15),
      tasks: fc.array(
        fc.record({
          minutes: fc.integer({ min: 5, max: 300 }),
          importance: fc.integer({ min: 1, max: 9 }),
          deadlineDay: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 6 }),
          prerequisites: fc.array(fc.nat(), { maxLength: 2 }),
        }),
        { maxLength: maxTasks },
      ),
      exact: fc.boolean(),
    })
    .map(({ where: [zone, from], days, hours, nowOffsetMs, busy, buffer, tasks, exact }) => {
      const to = addDays(from, days - 1);
      const start = startOfLocalDay(from, zone).getTime();
      const now = new Date(start + nowOffsetMs);
      const busyBlocks = busy.map((b) => ({
        startAt: new Date(start + b.offsetMinutes * MINUTE),
        plannedMinutes: b.plannedMinutes,
      }));
      const plannerTasks: PlannerTask[] = tasks.map((t, i) => ({
        id: `task-${String(i).padStart(2, "0")}`,
        minutes: t.minutes,
        importance: t.importance,
        deadline: t.deadlineDay === null ? null : startOfLocalDay(addDays(from, t.deadlineDay + 1), zone),
        // only earlier tasks: the graph has no cycle
        prerequisites:
          i === 0 ? [] : [...new Set(t.prerequisites.map((p) => `task-${String(p % i).padStart(2, "0")}`))],
      }));
      const input: PlanInput = {
        tasks: plannerTasks,
        free: freeIntervals({
          workingHours: hours,
          timeZone: zone,
          from,
          to,
          busy: busyBlocks,
          bufferMinutes: buffer,
          now,
        }),
        bufferMinutes: buffer,
        now,
        grid: { minutes: 5, origin: localGridOrigin(from, zone) },
        timeBudgetMs: 60,
        exact,
      };
      return {
        input,
        zone,
        busy: busyBlocks,
        working: workingIntervals({ workingHours: hours, timeZone: zone, from, to }),
      };
    });

/** the first start on the local 5-minute grid (UTC 5-minute boundaries in these zones) where `minutes` fit in `f` */
function firstFit(f: { start: Date; end: Date }, from: number, minutes: number): number | null {
  const s = Math.ceil(Math.max(f.start.getTime(), from) / GRID) * GRID;
  return s + minutes * MINUTE <= f.end.getTime() ? s : null;
}

/** every rule of planning.md's "Placement", checked without the solver's code */
function expectRulesKept({ input, zone, busy, working }: Instance, result: PlanResult): void {
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const placed = new Map(result.placements.map((p) => [p.taskId, p]));
  const buffer = input.bufferMinutes * MINUTE;
  // each task exactly once
  expect([...result.placements.map((p) => p.taskId), ...result.unplaced.map((u) => u.taskId)].sort()).toEqual(
    [...tasks.keys()].sort(),
  );
  for (const p of result.placements) {
    const task = tasks.get(p.taskId)!;
    const [start, end] = [p.startAt.getTime(), p.endAt.getTime()];
    expect(end - start).toBe(task.minutes * MINUTE);
    expect(start % MINUTE).toBe(0);
    expect(Number(wallTimeOf(p.startAt, zone).slice(3)) % 5, `${p.taskId} on the local grid`).toBe(0);
    expect(start).toBeGreaterThanOrEqual(input.now.getTime());
    // inside one working interval, and away from every busy block by the buffer
    expect(
      working.some((w) => w.start.getTime() <= start && end <= w.end.getTime()),
      `${p.taskId} in working hours`,
    ).toBe(true);
    for (const b of busy) {
      const [bs, be] = [b.startAt.getTime(), b.startAt.getTime() + b.plannedMinutes * MINUTE];
      expect(end + buffer <= bs || be + buffer <= start, `${p.taskId} clear of a schedule`).toBe(true);
    }
    expect(input.free.some((f) => f.start.getTime() <= start && end <= f.end.getTime())).toBe(true);
    for (const q of task.prerequisites) {
      const before = placed.get(q);
      expect(before, `${q} placed before ${p.taskId}`).toBeDefined();
      expect(before!.endAt.getTime() + buffer).toBeLessThanOrEqual(start);
    }
  }
  const sorted = [...result.placements].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    expect(sorted[i - 1]!.endAt.getTime() + buffer, "no overlap, buffer kept").toBeLessThanOrEqual(
      sorted[i]!.startAt.getTime(),
    );
  }
  // reasons
  for (const { taskId, reason } of result.unplaced) {
    const task = tasks.get(taskId)!;
    const fitsAlone = input.free.some((f) => firstFit(f, input.now.getTime(), task.minutes) !== null);
    if (reason === "TOO_LONG") expect(fitsAlone).toBe(false);
    else expect(fitsAlone, `${taskId} is not too long`).toBe(true);
    const prerequisitesPlaced = task.prerequisites.every((q) => placed.has(q));
    if (reason === "BLOCKED") expect(prerequisitesPlaced).toBe(false);
    if (reason === "NO_ROOM") {
      expect(prerequisitesPlaced).toBe(true);
      // no gap between the placed blocks holds it after its prerequisites: nothing that fits is left out
      const after = Math.max(
        input.now.getTime(),
        ...task.prerequisites.map((q) => placed.get(q)!.endAt.getTime() + buffer),
      );
      for (const f of input.free) {
        for (
          let s = firstFit(f, after, task.minutes);
          s !== null && s + task.minutes * MINUTE <= f.end.getTime();
          s += GRID
        ) {
          const e = s + task.minutes * MINUTE;
          const clear = result.placements.every(
            (p) => e + buffer <= p.startAt.getTime() || p.endAt.getTime() + buffer <= s,
          );
          expect(clear, `${taskId} left out but fits at ${new Date(s).toISOString()}`).toBe(false);
        }
      }
    }
  }
  // the objective as reported
  let lateness = 0;
  let late = 0;
  for (const p of result.placements) {
    const d = tasks.get(p.taskId)!.deadline;
    if (d && p.endAt.getTime() > d.getTime()) {
      late++;
      lateness += (tasks.get(p.taskId)!.importance * (p.endAt.getTime() - d.getTime())) / MINUTE;
    }
  }
  expect(result.objective.weightedLatenessMinutes).toBe(lateness);
  expect(result.objective.lateTasks).toBe(late);
}

describe("plan keeps every placement rule", () => {
  it("even with no budget, when only the dispatch rules and the gap filling run", () => {
    fc.assert(
      fc.property(instanceArb(30), (instance) => {
        const input = { ...instance.input, timeBudgetMs: 0, exact: false };
        const result = plan(input);
        expectRulesKept({ ...instance, input }, result);
      }),
      { numRuns: Number(process.env.PLANNER_RUNS ?? 40) },
    );
  }, 60_000);

  it("for random weeks in zones with DST changes, half-hour and quarter-hour offsets", () => {
    fc.assert(
      fc.property(instanceArb(25), (instance) => {
        expectRulesKept(instance, plan(instance.input));
      }),
      { numRuns: Number(process.env.PLANNER_RUNS ?? 60) },
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------------------
// Exhaustive search: every start on the grid (or none) for each task, in task order, checked against the rules
// ---------------------------------------------------------------------------------------------------------------

type Tuple = [unplaced: number, lateness: number, sumEnd: number];
const lexLess = (a: Tuple, b: Tuple) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** the cost of a plan as planning.md orders plans: work left out, then weighted lateness, then Σ end from now */
function costOf(input: PlanInput, starts: (number | null)[]): Tuple {
  let unplaced = 0;
  let lateness = 0;
  let sumEnd = 0;
  input.tasks.forEach((t, i) => {
    const s = starts[i];
    if (s === null || s === undefined) {
      unplaced += t.importance * t.minutes;
      return;
    }
    const end = s + t.minutes * MINUTE;
    if (t.deadline) lateness += (t.importance * Math.max(0, end - t.deadline.getTime())) / MINUTE;
    sumEnd += (end - input.now.getTime()) / MINUTE;
  });
  return [unplaced, lateness, sumEnd];
}

function exhaustive(input: PlanInput): Tuple {
  const buffer = input.bufferMinutes * MINUTE;
  const options = input.tasks.map((t) => {
    const starts: (number | null)[] = [null];
    for (const f of input.free) {
      for (
        let s = firstFit(f, input.now.getTime(), t.minutes);
        s !== null && s + t.minutes * MINUTE <= f.end.getTime();
        s += GRID
      )
        starts.push(s);
    }
    return starts;
  });
  const index = new Map(input.tasks.map((t, i) => [t.id, i]));
  let best: Tuple = [Infinity, Infinity, Infinity];
  const chosen: (number | null)[] = [];
  const visit = (i: number) => {
    if (i === input.tasks.length) {
      const ok = input.tasks.every((t, j) => {
        const s = chosen[j];
        if (s === null || s === undefined) return true;
        return t.prerequisites.every((q) => {
          const qs = chosen[index.get(q)!];
          return qs !== null && qs !== undefined && qs + input.tasks[index.get(q)!]!.minutes * MINUTE + buffer <= s;
        });
      });
      if (ok) {
        const cost = costOf(input, chosen);
        if (lexLess(cost, best) < 0) best = cost;
      }
      return;
    }
    for (const s of options[i]!) {
      if (s !== null) {
        const e = s + input.tasks[i]!.minutes * MINUTE;
        const clash = chosen
          .slice(0, i)
          .some(
            (o, j) =>
              o !== null && o !== undefined && !(e + buffer <= o || o + input.tasks[j]!.minutes * MINUTE + buffer <= s),
          );
        if (clash) continue;
      }
      chosen[i] = s;
      visit(i + 1);
    }
    chosen.length = i;
  };
  visit(0);
  return best;
}

const smallArb = fc
  .record({
    where: fc.constantFrom(...ZONES),
    // a morning or a night with the DST change: two short intervals of free time
    firstStart: fc.integer({ min: 0, max: 200 }),
    firstLength: fc.integer({ min: 20, max: 100 }),
    pause: fc.integer({ min: 0, max: 60 }),
    secondLength: fc.integer({ min: 0, max: 80 }),
    nowLate: fc.integer({ min: 0, max: 6 }),
    buffer: fc.constantFrom(0, 5, 10),
    tasks: fc.array(
      fc.record({
        minutes: fc.constantFrom(10, 15, 20, 25, 30, 45, 60),
        importance: fc.integer({ min: 1, max: 9 }),
        deadlineMinutes: fc.option(fc.integer({ min: 0, max: 300 }), { freq: 5 }),
        prerequisite: fc.option(fc.nat(), { freq: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ where: [zone, from], firstStart, firstLength, pause, secondLength, nowLate, buffer, tasks }) => {
    // the DST night of each range is its third date; elsewhere any date will do
    const date = addDays(from, 2);
    const hours: WorkingHours = {
      "1": [],
      "2": [],
      "3": [],
      "4": [],
      "5": [],
      "6": [],
      "7": [],
    };
    const intervals = [{ start: hhmm(firstStart), end: hhmm(firstStart + firstLength) }];
    if (secondLength > 0)
      intervals.push({
        start: hhmm(firstStart + firstLength + pause),
        end: hhmm(firstStart + firstLength + pause + secondLength),
      });
    for (const d of ["1", "2", "3", "4", "5", "6", "7"] as const) (hours as Record<string, unknown>)[d] = intervals;
    const dayStart = startOfLocalDay(date, zone);
    const now = new Date(dayStart.getTime() + nowLate * GRID);
    const input: PlanInput = {
      tasks: tasks.map((t, i) => ({
        id: `t${i}`,
        minutes: t.minutes,
        importance: t.importance,
        deadline: t.deadlineMinutes === null ? null : new Date(dayStart.getTime() + t.deadlineMinutes * MINUTE),
        prerequisites: i > 0 && t.prerequisite !== null ? [`t${t.prerequisite % i}`] : [],
      })),
      free: freeIntervals({
        workingHours: hours,
        timeZone: zone,
        from: date,
        to: date,
        busy: [],
        bufferMinutes: buffer,
        now,
      }),
      bufferMinutes: buffer,
      now,
      grid: { minutes: 5, origin: localGridOrigin(date, zone) },
    };
    return input;
  });

describe("plan is optimal on small instances", () => {
  it("matches an exhaustive search over every start on the grid, and says it is optimal", () => {
    fc.assert(
      fc.property(smallArb, (input) => {
        const result = plan(input);
        expect(result.optimal).toBe(true);
        const starts = input.tasks.map(
          (t) => result.placements.find((p) => p.taskId === t.id)?.startAt.getTime() ?? null,
        );
        expect(costOf(input, starts)).toEqual(exhaustive(input));
      }),
      { numRuns: Number(process.env.PLANNER_RUNS ?? 80) },
    );
  }, 60_000);

  it("proves ten tasks in a working fortnight optimal within the default budget", () => {
    const zone = "Europe/Berlin";
    const from = "2026-03-23";
    const hours: WorkingHours = Object.fromEntries(
      ["1", "2", "3", "4", "5"].map((d) => [
        d,
        [
          { start: "09:00", end: "12:00" },
          { start: "13:00", end: "18:00" },
        ],
      ]),
    );
    const now = instantOfWallTime(from, "08:00", zone);
    const busy = [0, 1, 2, 3, 4, 7, 8, 9].map((d) => ({
      startAt: instantOfWallTime(addDays(from, d), "10:00", zone),
      plannedMinutes: 60,
    }));
    const minutes = [240, 90, 150, 45, 120, 30, 240, 90, 150, 60];
    const input: PlanInput = {
      tasks: minutes.map((m, i) => ({
        id: `t${i}`,
        minutes: m,
        importance: 1 + ((i * 4) % 9),
        deadline: startOfLocalDay(addDays(from, 1 + ((i * 3) % 5)), zone),
        prerequisites: i % 3 === 2 ? [`t${i - 1}`] : [],
      })),
      free: freeIntervals({
        workingHours: hours,
        timeZone: zone,
        from,
        to: addDays(from, 13),
        busy,
        bufferMinutes: 10,
        now,
      }),
      bufferMinutes: 10,
      now,
      grid: { minutes: 5, origin: localGridOrigin(from, zone) },
    };
    const result = plan(input);
    expect(result.optimal).toBe(true);
    expect(result.solver).toBe("exact");
    expect(result.placements).toHaveLength(10);
  });
});

describe("unplaced reasons", () => {
  const now = new Date("2026-12-07T00:00:00Z");
  const free = [
    { start: new Date("2026-12-07T09:00:00Z"), end: new Date("2026-12-07T10:00:00Z") },
    { start: new Date("2026-12-07T11:00:00Z"), end: new Date("2026-12-07T11:30:00Z") },
  ];
  const task = (id: string, minutes: number, prerequisites: string[] = [], importance = 5): PlannerTask => ({
    id,
    minutes,
    importance,
    deadline: null,
    prerequisites,
  });
  const reasons = (r: PlanResult) => Object.fromEntries(r.unplaced.map((u) => [u.taskId, u.reason]));

  it("TOO_LONG for a task longer than every free interval, BLOCKED for its dependents", () => {
    const r = plan({
      tasks: [task("long", 61), task("after", 10, ["long"]), task("then", 10, ["after"])],
      free,
      bufferMinutes: 0,
      now,
    });
    expect(reasons(r)).toEqual({ long: "TOO_LONG", after: "BLOCKED", then: "BLOCKED" });
    expect(r.placements).toEqual([]);
  });

  it("BLOCKED for a prerequisite not given and for a cycle", () => {
    const r = plan({
      tasks: [task("a", 10, ["elsewhere"]), task("b", 10, ["c"]), task("c", 10, ["b"]), task("d", 10)],
      free,
      bufferMinutes: 0,
      now,
    });
    expect(reasons(r)).toEqual({ a: "BLOCKED", b: "BLOCKED", c: "BLOCKED" });
    expect(r.placements.map((p) => p.taskId)).toEqual(["d"]);
  });

  it("NO_ROOM for a task that fits an interval but finds none left; the more important work goes in", () => {
    const r = plan({
      tasks: [task("big", 60, [], 9), task("small", 50, [], 1), task("tiny", 30, [], 2)],
      free,
      bufferMinutes: 0,
      now,
    });
    expect(reasons(r)).toEqual({ small: "NO_ROOM" });
    expect(r.objective.unplacedWeightedMinutes).toBe(50);
    expect(r.optimal).toBe(true);
  });

  it("counts the buffer after a prerequisite and between blocks", () => {
    const r = plan({
      tasks: [task("first", 30), task("second", 25, ["first"])],
      free: [free[0]!],
      bufferMinutes: 10,
      now,
    });
    expect(reasons(r)).toEqual({ second: "NO_ROOM" });
    const fits = plan({
      tasks: [task("first", 30), task("second", 20, ["first"])],
      free: [free[0]!],
      bufferMinutes: 10,
      now,
    });
    expect(fits.placements.map((p) => [p.taskId, p.startAt.toISOString()])).toEqual([
      ["first", "2026-12-07T09:00:00.000Z"],
      ["second", "2026-12-07T09:40:00.000Z"],
    ]);
  });

  it("never starts before now, rounding up to the grid", () => {
    const r = plan({ tasks: [task("a", 10)], free, bufferMinutes: 0, now: new Date("2026-12-07T09:02:30Z") });
    expect(r.placements[0]!.startAt.toISOString()).toBe("2026-12-07T09:05:00.000Z");
  });
});

describe("determinism", () => {
  it("gives the same answer twice, and whatever order the tasks come in", () => {
    fc.assert(
      fc.property(instanceArb(40), fc.integer(), (instance, seed) => {
        const input = { ...instance.input, exact: false };
        const first = plan(input);
        expect(plan(input)).toEqual(first);
        const shuffled = [...input.tasks].sort(
          (a, b) => ((a.id.charCodeAt(5) * seed) % 7) - ((b.id.charCodeAt(5) * seed) % 7),
        );
        expect(plan({ ...input, tasks: shuffled })).toEqual(first);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe("input the API has already parsed", () => {
  const base: PlanInput = { tasks: [], free: [], bufferMinutes: 0, now: new Date("2026-12-07T00:00:00Z") };
  const task: PlannerTask = { id: "a", minutes: 10, importance: 1, deadline: null, prerequisites: [] };

  it("is refused as a programming error when it breaks the solver's assumptions", () => {
    expect(() => plan({ ...base, tasks: [task, task] })).toThrow(RangeError);
    expect(() => plan({ ...base, tasks: [{ ...task, minutes: 2.5 }] })).toThrow(RangeError);
    expect(() => plan({ ...base, tasks: [{ ...task, importance: 0 }] })).toThrow(RangeError);
    expect(() => plan({ ...base, bufferMinutes: -5 })).toThrow(RangeError);
    expect(() => plan({ ...base, grid: { minutes: 0, origin: base.now } })).toThrow(RangeError);
    expect(() => plan({ ...base, timeBudgetMs: Number.NaN })).toThrow(RangeError);
  });

  it("answers an empty plan for no tasks, proven", () => {
    expect(plan(base)).toMatchObject({ placements: [], unplaced: [], optimal: true, solver: "exact" });
  });
});
