// POST /plan and POST /plan/accept through the real route handlers on a real database (planning.md "Placement"):
// proposals that keep every rule (checked with the planner's own violations()), the same answer twice, the reasons
// a task is left out, other members' ids, accepting (schedules, their events), a stale plan refused whole, a raced
// double accept under one Idempotency-Key, and placements off the grid or outside the rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/v1/plan/accept/route";
import * as planRoute from "@/app/api/v1/plan/route";
import { AcceptedPlan, PlanAnswer } from "@/lib/contracts/plan";
import { db } from "@/lib/db/client";
import { DEFAULT_WORKING_HOURS } from "@/lib/domain/goals/working-hours";
import { freeIntervals, localGridOrigin } from "@/lib/domain/planner/free-time";
import { violations } from "@/lib/domain/planner/rules";
import type { PlanInput as SolverInput } from "@/lib/domain/planner/solve";
import { addDays, localDate, startOfLocalDay } from "@/lib/domain/time";
import { createGoal } from "@/lib/services/goals/create-goal";
import { outboxOf } from "../../support/fixtures";
import {
  TASK_BODY,
  client,
  forgetMembers,
  newSchedule,
  newTask,
  ok,
  refused,
  invalid,
  testMember,
  unknownId,
  type CallOptions,
  type RouteModule,
  routeCaller,
} from "./client";

afterAll(forgetMembers);

const ZONE = "Asia/Seoul";
const BUFFER = 10;
const MS_PER_MINUTE = 60_000;
const ROUTES = { "/plan": planRoute, "/plan/accept": acceptRoute } satisfies Record<string, RouteModule>;
/** Monday–Friday 09:00–18:00: the default week */
const WEEKDAYS = DEFAULT_WORKING_HOURS;

/** the Monday after next in Seoul: a week wholly in the future whenever the tests run */
let monday: string;
beforeAll(() => {
  let day = addDays(localDate(new Date(), ZONE), 7);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  monday = day;
});
/** an instant of the test week: "HH:MM" on Monday + `days`, Seoul time */
const seoul = (days: number, time: string) => new Date(`${addDays(monday, days)}T${time}:00+09:00`);

async function signedIn() {
  const member = await testMember({ timezone: ZONE });
  await db().member.update({ where: { id: member.id }, data: { workingHours: WEEKDAYS, bufferMinutes: BUFFER } });
  const post = routeCaller(ROUTES, member);
  // always a JSON body: none is {}
  const call = (path: keyof typeof ROUTES, options: CallOptions = {}) =>
    post("POST", path, { ...options, body: options.body ?? {} });
  return { member, api: client(member), call };
}
type Caller = Awaited<ReturnType<typeof signedIn>>;

const propose = async (m: Caller, body: Record<string, unknown>) =>
  ok(await m.call("/plan", { body }), 200, PlanAnswer);
const week = () => ({ from: monday, to: addDays(monday, 4) });

/** the rules of planning.md checked on an answer with the planner's own violations(), against the calendar now */
async function brokenRules(m: Caller, answer: PlanAnswer, range: { from: string; to: string }, now: Date) {
  const busy = await db().schedule.findMany({
    where: { memberId: m.member.id, deletedAt: null, state: { not: "COMPLETED" } },
    select: { startAt: true, plannedMinutes: true },
  });
  const edges = await db().taskDependency.findMany({
    where: { memberId: m.member.id, previous: { completedAt: null } },
    select: { previousTaskId: true, nextTaskId: true },
  });
  const input: SolverInput = {
    tasks: answer.placements.map((p) => ({
      id: p.taskId,
      minutes: p.plannedMinutes,
      importance: 1,
      deadline: null,
      prerequisites: edges.filter((e) => e.nextTaskId === p.taskId).map((e) => e.previousTaskId),
    })),
    free: freeIntervals({ workingHours: WEEKDAYS, timeZone: ZONE, ...range, busy, bufferMinutes: BUFFER, now }),
    bufferMinutes: BUFFER,
    now,
    grid: { minutes: 5, origin: localGridOrigin(range.from, ZONE) },
  };
  const placed = answer.placements.map((p) => ({
    taskId: p.taskId,
    startAt: new Date(p.startAt),
    endAt: new Date(new Date(p.startAt).getTime() + p.plannedMinutes * MS_PER_MINUTE),
  }));
  return violations(input, placed);
}

const withoutTiming = ({ elapsedMs, ...rest }: PlanAnswer) => (expect(elapsedMs).toBeGreaterThanOrEqual(0), rest);
const schedulesOf = (memberId: string) => db().schedule.count({ where: { memberId } });

describe("POST /plan", () => {
  it("places a small week keeping every rule, the same way twice, with the block types of planning.md", async () => {
    const m = await signedIn();
    const deadline = addDays(monday, 2);
    const a = await newTask(m.api, { title: "a", expectedMinutes: 120, importance: 9, difficulty: 8, deadline });
    const b = await newTask(m.api, {
      title: "b",
      expectedMinutes: 60,
      importance: 3,
      difficulty: 2,
      deadline,
      previousTaskIds: [a.id],
    });
    const c = await newTask(m.api, { title: "c", importance: 5, difficulty: 3, deadline: addDays(monday, 4) }); // estimate: 45
    const d = await newTask(m.api, {
      title: "d",
      expectedMinutes: 240,
      importance: 1,
      difficulty: 1,
      deadline: monday,
    });
    // a task whose last schedule (completed, then deleted) was admin work keeps that type
    const e = await newTask(m.api, { title: "e", expectedMinutes: 30, importance: 2, difficulty: 13 });
    await db().schedule.create({
      data: {
        memberId: m.member.id,
        title: "e",
        startAt: seoul(-7, "09:00"),
        type: "ADMIN_TASK",
        state: "COMPLETED",
        completedAt: seoul(-7, "09:30"),
        completedOn: new Date(`${addDays(monday, -7)}T00:00:00Z`),
        deletedAt: new Date(),
        formerTaskId: e.id,
      },
    });
    // the calendar is not empty: Monday 09:00–12:00 is taken, and kept with the buffer
    await newSchedule(m.api, { startAt: seoul(0, "09:00").toISOString(), plannedMinutes: 180 });

    const now = new Date();
    const first = await propose(m, week());
    expect(first.unplaced).toEqual([]);
    expect(first.placements.map((p) => p.taskId).sort()).toEqual([a.id, b.id, c.id, d.id, e.id].sort());
    expect(await brokenRules(m, first, week(), now)).toEqual([]);
    const byTask = new Map(first.placements.map((p) => [p.taskId, p]));
    expect(byTask.get(c.id)?.plannedMinutes).toBe(45);
    expect([byTask.get(a.id)?.type, byTask.get(b.id)?.type, byTask.get(e.id)?.type]).toEqual([
      "DEEP_WORK",
      "QUICK_TASK",
      "ADMIN_TASK",
    ]);
    // nothing starts before Monday's schedule ends plus the buffer, and b waits for a
    for (const p of first.placements)
      expect(new Date(p.startAt).getTime()).toBeGreaterThanOrEqual(seoul(0, "12:10").getTime());
    expect(new Date(byTask.get(b.id)!.startAt).getTime()).toBeGreaterThanOrEqual(
      new Date(byTask.get(a.id)!.startAt).getTime() + (120 + BUFFER) * MS_PER_MINUTE,
    );
    expect(first.optimal).toBe(true);
    expect(first.solver).toBe("exact");
    // the objective is what the placements cost: importance × minutes past the end of the deadline day in Seoul
    const tasks = [a, b, c, d, e];
    const late = first.placements.map((p) => {
      const task = tasks.find((t) => t.id === p.taskId)!;
      const end = new Date(p.startAt).getTime() + p.plannedMinutes * MS_PER_MINUTE;
      return {
        weight: task.importance,
        minutes: Math.max(0, (end - startOfLocalDay(addDays(task.deadline, 1), ZONE).getTime()) / MS_PER_MINUTE),
      };
    });
    expect(first.objective).toEqual({
      weightedLatenessMinutes: late.reduce((sum, l) => sum + l.weight * l.minutes, 0),
      lateTasks: late.filter((l) => l.minutes > 0).length,
    });

    const second = await propose(m, week());
    expect(withoutTiming(second)).toEqual(withoutTiming(first));
    // it wrote nothing
    expect(await db().schedule.count({ where: { memberId: m.member.id, taskId: { not: null } } })).toBe(0);
  });

  it("leaves out a 10-hour task of 9-hour days as TOO_LONG, its dependents and a task waiting on a scheduled one as BLOCKED, and what does not fit as NO_ROOM", async () => {
    const m = await signedIn();
    const long = await newTask(m.api, { title: "long", expectedMinutes: 600 });
    const afterLong = await newTask(m.api, { title: "after long", expectedMinutes: 30, previousTaskIds: [long.id] });
    const scheduled = await newTask(m.api, { title: "scheduled", expectedMinutes: 30 });
    await m.api.post("/tasks/{id}/schedule", {
      params: { id: scheduled.id },
      body: { startAt: seoul(1, "09:00").toISOString(), type: "QUICK_TASK" },
    });
    const waiting = await newTask(m.api, { title: "waiting", expectedMinutes: 30, previousTaskIds: [scheduled.id] });
    const x = await newTask(m.api, { title: "x", expectedMinutes: 300, importance: 9 });
    const y = await newTask(m.api, { title: "y", expectedMinutes: 300, importance: 1 });

    const answer = await propose(m, { from: monday, to: monday });
    const reasons = Object.fromEntries(answer.unplaced.map((u) => [u.taskId, u.reason]));
    expect(reasons).toEqual({
      [long.id]: "TOO_LONG",
      [afterLong.id]: "BLOCKED",
      [waiting.id]: "BLOCKED",
      [y.id]: "NO_ROOM",
    });
    // the important one of the two that do not both fit goes in
    expect(answer.placements.map((p) => p.taskId)).toEqual([x.id]);
  });

  it("plans the named tasks only, or a goal's; a completed or scheduled one named is VALIDATION", async () => {
    const m = await signedIn();
    const goal = await createGoal(m.member.id, { title: "g" });
    const inGoal = await newTask(m.api, { title: "in goal", expectedMinutes: 30, goalId: goal.id });
    const other = await newTask(m.api, { title: "other", expectedMinutes: 30 });
    const done = await newTask(m.api, { title: "done", expectedMinutes: 30 });
    expect((await m.api.post("/tasks/{id}/complete", { params: { id: done.id } })).status).toBe(200);
    const scheduled = await newTask(m.api, { title: "scheduled", expectedMinutes: 30 });
    await m.api.post("/tasks/{id}/schedule", {
      params: { id: scheduled.id },
      body: { startAt: seoul(3, "09:00").toISOString(), type: "QUICK_TASK" },
    });

    expect((await propose(m, { ...week(), goalId: goal.id })).placements.map((p) => p.taskId)).toEqual([inGoal.id]);
    expect((await propose(m, { ...week(), taskIds: [other.id] })).placements.map((p) => p.taskId)).toEqual([other.id]);
    expect((await propose(m, week())).placements.map((p) => p.taskId).sort()).toEqual([inGoal.id, other.id].sort());
    invalid(
      await m.call("/plan", { body: { ...week(), taskIds: [other.id, done.id, scheduled.id] } }),
      "taskIds.1",
      "taskIds.2",
    );
    invalid(await m.call("/plan", { body: { from: monday, to: addDays(monday, 14) } }), "to");
    invalid(await m.call("/plan", { body: { from: monday, to: addDays(monday, -1) } }), "to");
    expect((await propose(m, { from: monday, to: addDays(monday, 13) })).placements).toHaveLength(2);
  });

  it("plans from now when from is in the past", async () => {
    const m = await signedIn();
    await db().member.update({
      where: { id: m.member.id },
      data: {
        workingHours: Object.fromEntries(
          ["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, [{ start: "00:00", end: "24:00" }]]),
        ),
      },
    });
    const t = await newTask(m.api, { expectedMinutes: 30 });
    const today = localDate(new Date(), ZONE);
    const before = Date.now();
    const answer = await propose(m, { from: addDays(today, -5), to: addDays(today, 1) });
    // the next grid point after now, or tomorrow's midnight when less than the task's 30 minutes are left today
    expect(answer.placements.map((p) => p.taskId)).toEqual([t.id]);
    const start = new Date(answer.placements[0]!.startAt).getTime();
    expect(start).toBeGreaterThanOrEqual(before);
    expect(start).toBeLessThan(before + 35 * MS_PER_MINUTE);
  });

  it("answers 404 for another member's task or goal, and 404 for no such id", async () => {
    const m = await signedIn();
    const stranger = await signedIn();
    const theirs = await newTask(stranger.api, {});
    const theirGoal = await createGoal(stranger.member.id, { title: "theirs" });
    refused(await m.call("/plan", { body: { ...week(), taskIds: [theirs.id] } }), 404, "NOT_FOUND");
    refused(await m.call("/plan", { body: { ...week(), goalId: theirGoal.id } }), 404, "NOT_FOUND");
    refused(await m.call("/plan", { body: { ...week(), taskIds: [unknownId()] } }), 404, "NOT_FOUND");
    const accept = await m.call("/plan/accept", {
      body: { placements: [{ taskId: theirs.id, startAt: seoul(0, "09:00").toISOString(), type: "DEEP_WORK" }] },
    });
    refused(accept, 404, "NOT_FOUND");
    expect(await schedulesOf(stranger.member.id)).toBe(0);
  });
});

describe("POST /plan/accept", () => {
  it("creates the proposed schedules, linked and titled after their tasks, with their schedule.created events", async () => {
    const m = await signedIn();
    const a = await newTask(m.api, { title: "write", expectedMinutes: 90, difficulty: 5 });
    const b = await newTask(m.api, { title: "review", importance: 2, difficulty: 2, previousTaskIds: [a.id] }); // estimate: 30
    const plan = await propose(m, week());
    expect(plan.placements.map((p) => [p.taskId, p.plannedMinutes])).toEqual([
      [a.id, 90],
      [b.id, 30],
    ]);
    const answer = ok(await m.call("/plan/accept", { body: { placements: plan.placements } }), 201, AcceptedPlan);
    expect(answer.schedules.map((s) => [s.taskId, s.title, s.startAt, s.plannedMinutes, s.type, s.state])).toEqual(
      plan.placements.map((p) => [
        p.taskId,
        p.taskId === a.id ? "write" : "review",
        p.startAt,
        p.plannedMinutes,
        p.type,
        "NOT_STARTED",
      ]),
    );
    const events = (await outboxOf(m.member.id)).filter((e) => e.type === "schedule.created").map((e) => e.scheduleId);
    expect(events.sort()).toEqual(answer.schedules.map((s) => s.id).sort());
    // both are now scheduled: a new proposal has nothing to place
    expect((await propose(m, week())).placements).toEqual([]);
    // planned minutes may be left out: the task's minutes
    const c = await newTask(m.api, { title: "c", expectedMinutes: 50 });
    const [placement] = (await propose(m, week())).placements;
    const withoutMinutes = { taskId: placement!.taskId, startAt: placement!.startAt, type: placement!.type };
    const created = ok(await m.call("/plan/accept", { body: { placements: [withoutMinutes] } }), 201, AcceptedPlan);
    expect(created.schedules.map((s) => [s.taskId, s.plannedMinutes])).toEqual([[c.id, 50]]);
  });

  it("refuses a stale plan whole after the calendar changed: 409 CONFLICT naming the offending placement, nothing created", async () => {
    const m = await signedIn();
    await newTask(m.api, { title: "a", expectedMinutes: 60 });
    await newTask(m.api, { title: "b", expectedMinutes: 60 });
    const plan = await propose(m, week());
    expect(plan.placements).toHaveLength(2);
    const [first, second] = plan.placements as [PlanAnswer["placements"][number], PlanAnswer["placements"][number]];
    // meanwhile, something lands 5 minutes after the second block's end: inside its buffer
    const end = new Date(second.startAt).getTime() + second.plannedMinutes * MS_PER_MINUTE;
    await newSchedule(m.api, { startAt: new Date(end + 5 * MS_PER_MINUTE).toISOString(), plannedMinutes: 30 });
    const before = await schedulesOf(m.member.id);
    const error = refused(await m.call("/plan/accept", { body: { placements: plan.placements } }), 409, "CONFLICT");
    expect(error.details?.placements).toEqual([{ taskId: second.taskId, reason: "OVERLAP" }]);
    expect(await schedulesOf(m.member.id)).toBe(before);
    // a task scheduled meanwhile is named too
    await m.api.post("/tasks/{id}/schedule", {
      params: { id: first.taskId },
      body: { startAt: seoul(4, "15:00").toISOString(), type: "QUICK_TASK" },
    });
    const again = refused(await m.call("/plan/accept", { body: { placements: plan.placements } }), 409, "CONFLICT");
    expect(again.details?.placements).toEqual([
      { taskId: first.taskId, reason: "TASK_SCHEDULED" },
      { taskId: second.taskId, reason: "OVERLAP" },
    ]);
  });

  it("raced twice with one Idempotency-Key: created once, both answered the same, one replayed", async () => {
    const m = await signedIn();
    await newTask(m.api, { title: "a", expectedMinutes: 60 });
    await newTask(m.api, { title: "b", expectedMinutes: 30 });
    const plan = await propose(m, week());
    const send = () =>
      m.call("/plan/accept", { body: { placements: plan.placements }, headers: { "Idempotency-Key": "plan-1" } });
    const answers = await Promise.all([send(), send()]);
    const [x, y] = answers.map((a) => ok(a, 201, AcceptedPlan)) as [AcceptedPlan, AcceptedPlan];
    expect(x).toEqual(y);
    expect(answers.map((a) => a.headers.get("Idempotent-Replayed")).sort()).toEqual(["true", null].sort());
    expect(await schedulesOf(m.member.id)).toBe(2);
    expect((await outboxOf(m.member.id)).filter((e) => e.type === "schedule.created")).toHaveLength(2);
  });

  it("raced twice without a key: one creates, the other is CONFLICT (the tasks are scheduled by then)", async () => {
    const m = await signedIn();
    const a = await newTask(m.api, { title: "a", expectedMinutes: 60 });
    const plan = await propose(m, week());
    const send = () => m.call("/plan/accept", { body: { placements: plan.placements } });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(refused(loser, 409, "CONFLICT").details?.placements).toEqual([{ taskId: a.id, reason: "TASK_SCHEDULED" }]);
    expect(await schedulesOf(m.member.id)).toBe(1);
  });

  it("refuses placements off the 5-minute local grid, outside working hours, before now, before a prerequisite, or overlapping each other", async () => {
    const m = await signedIn();
    const a = await newTask(m.api, { title: "a", expectedMinutes: 60 });
    const b = await newTask(m.api, { title: "b", expectedMinutes: 60, previousTaskIds: [a.id] });
    const c = await newTask(m.api, { title: "c", expectedMinutes: 60 });
    const d = await newTask(m.api, { title: "d", expectedMinutes: 60 });
    const e = await newTask(m.api, { title: "e", expectedMinutes: 60 });
    const done = await newTask(m.api, { title: "done", expectedMinutes: 60 });
    expect((await m.api.post("/tasks/{id}/complete", { params: { id: done.id } })).status).toBe(200);
    const at = (taskId: string, start: Date, extra: Record<string, unknown> = {}) => ({
      taskId,
      startAt: start.toISOString(),
      type: "DEEP_WORK",
      ...extra,
    });

    const offGrid = refused(
      await m.call("/plan/accept", { body: { placements: [at(a.id, seoul(0, "09:02"))] } }),
      409,
      "CONFLICT",
    );
    expect(offGrid.details?.placements).toEqual([{ taskId: a.id, reason: "OFF_GRID" }]);

    const error = refused(
      await m.call("/plan/accept", {
        body: {
          placements: [
            at(a.id, seoul(0, "10:00")),
            at(b.id, seoul(0, "11:05")), // a ends 11:00, plus the buffer: 11:10 at the earliest
            at(c.id, seoul(0, "17:30")), // ends 18:30, after working hours
            at(d.id, seoul(-14, "10:00")), // in the past
            at(e.id, seoul(0, "10:30")), // on top of a
            at(done.id, seoul(1, "10:00")),
          ],
        },
      }),
      409,
      "CONFLICT",
    );
    expect(error.details?.placements).toEqual([
      { taskId: b.id, reason: "PREREQUISITE" },
      { taskId: c.id, reason: "OUTSIDE_WORKING_HOURS" },
      { taskId: d.id, reason: "BEFORE_NOW" },
      { taskId: e.id, reason: "OVERLAP" },
      { taskId: done.id, reason: "TASK_COMPLETED" },
    ]);
    // a dependent without its open prerequisite in the same body waits for it
    const alone = refused(
      await m.call("/plan/accept", { body: { placements: [at(b.id, seoul(0, "09:00"))] } }),
      409,
      "CONFLICT",
    );
    expect(alone.details?.placements).toEqual([{ taskId: b.id, reason: "PREREQUISITE" }]);
    expect(await schedulesOf(m.member.id)).toBe(0);

    // the same blocks kept to the rules are accepted
    const fine = ok(
      await m.call("/plan/accept", {
        body: { placements: [at(a.id, seoul(0, "10:00")), at(b.id, seoul(0, "11:10"), { plannedMinutes: 25 })] },
      }),
      201,
      AcceptedPlan,
    );
    expect(fine.schedules.map((s) => [s.taskId, s.plannedMinutes])).toEqual([
      [a.id, 60],
      [b.id, 25],
    ]);
  });

  it("refuses a block that spans two working intervals that touch: a task is never split", async () => {
    const m = await signedIn();
    const split = [
      { start: "09:00", end: "12:00" },
      { start: "12:00", end: "15:00" },
    ];
    await db().member.update({ where: { id: m.member.id }, data: { workingHours: { ...WEEKDAYS, "1": split } } });
    const a = await newTask(m.api, { expectedMinutes: 60 });
    const body = (time: string) => ({
      placements: [{ taskId: a.id, startAt: seoul(0, time).toISOString(), type: "DEEP_WORK" }],
    });
    const error = refused(await m.call("/plan/accept", { body: body("11:30") }), 409, "CONFLICT");
    expect(error.details?.placements).toEqual([{ taskId: a.id, reason: "OUTSIDE_WORKING_HOURS" }]);
    ok(await m.call("/plan/accept", { body: body("12:00") }), 201, AcceptedPlan);
  });

  it("refuses the same task placed twice as VALIDATION", async () => {
    const m = await signedIn();
    const a = await newTask(m.api, { ...TASK_BODY, expectedMinutes: 30 });
    const p = { taskId: a.id, startAt: seoul(0, "10:00").toISOString(), type: "QUICK_TASK" };
    invalid(
      await m.call("/plan/accept", { body: { placements: [p, { ...p, startAt: seoul(1, "10:00").toISOString() }] } }),
      "placements.1.taskId",
    );
  });
});

// the grid is the member's local one: a Kathmandu member (+05:45) gets starts on its wall clock's 5 minutes
describe("the local grid", () => {
  it("starts on 5-minute boundaries of the member's wall clock", async () => {
    const m = await signedIn();
    await db().member.update({
      where: { id: m.member.id },
      data: { timezone: "Asia/Kathmandu", workingHours: { ...WEEKDAYS, "1": [{ start: "09:03", end: "18:00" }] } },
    });
    await newTask(m.api, { expectedMinutes: 30 });
    const answer = await propose(m, { from: monday, to: monday });
    const start = new Date(answer.placements[0]!.startAt);
    expect(start.getTime()).toBe(startOfLocalDay(monday, "Asia/Kathmandu").getTime() + (9 * 60 + 5) * MS_PER_MINUTE);
  });
});
