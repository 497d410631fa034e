// /api/v1/goals through the real route handlers (planning.md "Goal", "Break-down", "Shapes and fine points"):
// the shapes, other members' ids, versions, the outbox events, progress numbers on a small graph, accepting a
// break-down all or nothing (and raced with one Idempotency-Key), goalId on tasks, deleting with and without the
// open tasks.
import { afterAll, describe, expect, it } from "vitest";
import * as goalTasksRoute from "@/app/api/v1/goals/[id]/tasks/route";
import * as goalRoute from "@/app/api/v1/goals/[id]/route";
import * as goalsRoute from "@/app/api/v1/goals/route";
import * as meRoute from "@/app/api/v1/me/route";
import { AcceptedTasks, GoalList, GoalView } from "@/lib/contracts/goal";
import { MemberView } from "@/lib/contracts/member";
import { TaskPage, TaskView } from "@/lib/contracts/task";
import { db } from "@/lib/db/client";
import { deleteSchedule } from "@/lib/services/schedules/delete-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { outboxOf } from "../../support/fixtures";
import {
  TASK_BODY,
  act,
  client,
  forgetMembers,
  getSchedule,
  getTask,
  invalid,
  newSchedule,
  newTask,
  ok,
  refused,
  testMember,
  unknownId,
  type RouteModule,
  routeCaller,
} from "./client";

afterAll(forgetMembers);

const ROUTES: Record<GoalPath, RouteModule> = {
  "/goals": goalsRoute,
  "/goals/{id}": goalRoute,
  "/goals/{id}/tasks": goalTasksRoute,
  "/me": meRoute,
};
type GoalPath = "/goals" | "/goals/{id}" | "/goals/{id}/tasks" | "/me";

async function signedIn() {
  const member = await testMember();
  const call = routeCaller<GoalPath>(ROUTES, member);
  return { member, api: client(member), call };
}
type Caller = Awaited<ReturnType<typeof signedIn>>;

async function newGoal(g: Caller, body: Record<string, unknown> = {}): Promise<GoalView> {
  return ok(await g.call("POST", "/goals", { body: { title: "Learn Go", ...body } }), 201, GoalView);
}
const readGoal = async (g: Caller, id: string) =>
  ok(await g.call("GET", "/goals/{id}", { params: { id } }), 200, GoalView);
const eventsOf = async (memberId: string, prefix: string) =>
  (await outboxOf(memberId)).filter((e) => e.type.startsWith(prefix)).map((e) => ({ type: e.type, goalId: e.goalId }));

const EMPTY_PROGRESS = {
  tasks: 0,
  completedTasks: 0,
  spentSeconds: 0,
  remainingMinutes: 0,
  nextTaskIds: [],
  criticalPathMinutes: 0,
  projectedFinishDate: null,
  onTrack: null,
};

describe("POST /goals, GET /goals, GET /goals/{id}", () => {
  it("answers 201 with the goal and its progress; GET reads the same; goal.created is in the outbox", async () => {
    const g = await signedIn();
    const goal = await newGoal(g, {
      title: "  Run a marathon  ",
      description: "Finish under 5 hours",
      targetDate: "2027-04-01",
    });
    expect(goal).toMatchObject({
      title: "Run a marathon",
      description: "Finish under 5 hours",
      targetDate: "2027-04-01",
      status: "ACTIVE",
      version: 1,
      progress: EMPTY_PROGRESS,
    });
    expect(await readGoal(g, goal.id)).toEqual(goal);
    expect(await eventsOf(g.member.id, "goal.")).toEqual([{ type: "goal.created", goalId: goal.id }]);
  });

  it("lists { items } newest first, filtered by status", async () => {
    const g = await signedIn();
    const first = await newGoal(g, { title: "first" });
    const second = await newGoal(g, { title: "second" });
    ok(await g.call("PATCH", "/goals/{id}", { params: { id: first.id }, body: { status: "ARCHIVED" } }), 200, GoalView);
    const all = ok(await g.call("GET", "/goals"), 200, GoalList);
    expect(Object.keys(all)).toEqual(["items"]);
    expect(all.items.map((x) => x.id)).toEqual([second.id, first.id]);
    const archived = ok(await g.call("GET", "/goals", { query: { status: "ARCHIVED" } }), 200, GoalList);
    expect(archived.items.map((x) => x.id)).toEqual([first.id]);
  });

  it("refuses bad bodies with every field named, and writes nothing", async () => {
    const g = await signedIn();
    invalid(
      await g.call("POST", "/goals", { body: { title: "t".repeat(61), targetDate: "2027-02-30", extra: 1 } }),
      "title",
      "targetDate",
      "extra",
    );
    expect(ok(await g.call("GET", "/goals"), 200, GoalList).items).toEqual([]);
  });
});

describe("PATCH /goals/{id}", () => {
  it("changes fields and bumps the version; a stale version is 409 CONFLICT; ACHIEVED emits goal.achieved", async () => {
    const g = await signedIn();
    const goal = await newGoal(g);
    const changed = ok(
      await g.call("PATCH", "/goals/{id}", {
        params: { id: goal.id },
        body: { title: "Learn Rust", targetDate: null, version: 1 },
      }),
      200,
      GoalView,
    );
    expect(changed).toMatchObject({ title: "Learn Rust", targetDate: null, version: 2 });
    refused(
      await g.call("PATCH", "/goals/{id}", { params: { id: goal.id }, body: { title: "stale", version: 1 } }),
      409,
      "CONFLICT",
    );
    expect((await readGoal(g, goal.id)).title).toBe("Learn Rust");

    const achieved = ok(
      await g.call("PATCH", "/goals/{id}", { params: { id: goal.id }, body: { status: "ACHIEVED", version: 2 } }),
      200,
      GoalView,
    );
    expect(achieved).toMatchObject({ status: "ACHIEVED", version: 3 });
    // an empty change writes nothing, and ACHIEVED again is not a second goal.achieved
    expect(ok(await g.call("PATCH", "/goals/{id}", { params: { id: goal.id }, body: {} }), 200, GoalView).version).toBe(
      3,
    );
    ok(await g.call("PATCH", "/goals/{id}", { params: { id: goal.id }, body: { status: "ACHIEVED" } }), 200, GoalView);
    expect(await eventsOf(g.member.id, "goal.")).toEqual([
      { type: "goal.created", goalId: goal.id },
      { type: "goal.updated", goalId: goal.id },
      { type: "goal.updated", goalId: goal.id },
      { type: "goal.achieved", goalId: goal.id },
      { type: "goal.updated", goalId: goal.id },
    ]);
  });
});

describe("another member's goal", () => {
  it("is 404 NOT_FOUND everywhere, and a task naming it is 404 too; nothing of it changes", async () => {
    const owner = await signedIn();
    const stranger = await signedIn();
    const goal = await newGoal(owner);
    const id = goal.id;
    refused(await stranger.call("GET", "/goals/{id}", { params: { id } }), 404, "NOT_FOUND");
    refused(await stranger.call("PATCH", "/goals/{id}", { params: { id }, body: { title: "mine" } }), 404, "NOT_FOUND");
    refused(await stranger.call("DELETE", "/goals/{id}", { params: { id } }), 404, "NOT_FOUND");
    const accept = {
      tasks: [{ ref: "a", title: "x", difficulty: 1, importance: 1, deadline: "2099-01-01", after: [] }],
    };
    refused(await stranger.call("POST", "/goals/{id}/tasks", { params: { id }, body: accept }), 404, "NOT_FOUND");
    refused(await stranger.api.post("/tasks", { body: { ...TASK_BODY, goalId: id } }), 404, "NOT_FOUND");
    const own = await newTask(stranger.api);
    refused(
      await stranger.api.patch("/tasks/{id}", { params: { id: own.id }, body: { goalId: id } }),
      404,
      "NOT_FOUND",
    );
    refused(await stranger.api.get("/tasks", { query: { goalId: id } }), 404, "NOT_FOUND");
    refused(await stranger.call("GET", "/goals/{id}", { params: { id: unknownId() } }), 404, "NOT_FOUND");
    expect(await readGoal(owner, id)).toEqual(goal);
    expect(await db().task.count({ where: { goalId: id } })).toBe(0);
  });
});

describe("goalId on tasks", () => {
  it("POST /tasks and PATCH /tasks/{id} set it, null takes it out, GET /tasks?goalId= filters", async () => {
    const g = await signedIn();
    const goal = await newGoal(g);
    const inside = await newTask(g.api, { goalId: goal.id });
    const outside = await newTask(g.api);
    expect(inside.goalId).toBe(goal.id);
    expect(outside.goalId).toBeNull();
    const moved = ok(
      await g.api.patch("/tasks/{id}", { params: { id: outside.id }, body: { goalId: goal.id } }),
      200,
      TaskView,
    );
    expect(moved).toMatchObject({ goalId: goal.id, version: 2 });
    const listed = ok(await g.api.get("/tasks", { query: { goalId: goal.id } }), 200, TaskPage);
    expect(listed.items.map((t) => t.id).sort()).toEqual([inside.id, outside.id].sort());
    ok(await g.api.patch("/tasks/{id}", { params: { id: inside.id }, body: { goalId: null } }), 200, TaskView);
    expect((await getTask(g.api, inside.id)).goalId).toBeNull();
    expect(ok(await g.api.get("/tasks", { query: { goalId: goal.id } }), 200, TaskPage).items.map((t) => t.id)).toEqual(
      [outside.id],
    );
    expect((await readGoal(g, goal.id)).progress.tasks).toBe(1);
  });
});

describe("progress", () => {
  it("counts, sums recorded time, finds the next tasks and the critical path of a small graph", async () => {
    const g = await signedIn();
    // work every hour of every day, so that the projection is now + the remaining minutes
    const allDay = Object.fromEntries(
      ["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, [{ start: "00:00", end: "24:00" }]]),
    );
    ok(await g.call("PATCH", "/me", { body: { workingHours: allDay } }), 200, MemberView);
    const goal = await newGoal(g, { targetDate: "2099-12-31" });
    const outside = await newTask(g.api, { title: "outside", expectedMinutes: 10 });
    // done(20) → a(60) → b(30) → d(difficulty 5, estimated 90); a → c(120, also after `outside`); free(15)
    const done = await newTask(g.api, { title: "done", goalId: goal.id, expectedMinutes: 20 });
    const a = await newTask(g.api, { title: "a", goalId: goal.id, expectedMinutes: 60, previousTaskIds: [done.id] });
    const b = await newTask(g.api, { title: "b", goalId: goal.id, expectedMinutes: 30, previousTaskIds: [a.id] });
    const c = await newTask(g.api, {
      title: "c",
      goalId: goal.id,
      expectedMinutes: 120,
      previousTaskIds: [a.id, outside.id],
    });
    await newTask(g.api, { title: "d", goalId: goal.id, difficulty: 5, previousTaskIds: [b.id] });
    const free = await newTask(g.api, { title: "free", goalId: goal.id, expectedMinutes: 15, deadline: "2099-01-01" });

    // 10 minutes of recorded work on `done`, completed through its schedule; 5 running minutes on `free`
    const t0 = new Date(Date.now() - 3600_000);
    const s1 = await newSchedule(g.api, { taskId: done.id });
    await transitionSchedule(g.member.id, s1.id, "start", { now: t0 });
    await transitionSchedule(g.member.id, s1.id, "complete", { now: new Date(t0.getTime() + 600_000) });
    const s2 = await newSchedule(g.api, { taskId: free.id });
    await transitionSchedule(g.member.id, s2.id, "start", { now: new Date(Date.now() - 300_000) });

    const before = Date.now();
    const progress = (await readGoal(g, goal.id)).progress;
    const remaining = 60 + 30 + 120 + 90 + 15;
    const possibleFinish = [before, Date.now()].map((ms) =>
      new Date(ms + remaining * 60_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Seoul" }),
    );
    expect(progress).toMatchObject({
      tasks: 6,
      completedTasks: 1,
      remainingMinutes: remaining,
      criticalPathMinutes: 60 + 30 + 90,
      onTrack: true,
    });
    expect(progress.spentSeconds).toBeGreaterThanOrEqual(600 + 300);
    expect(progress.spentSeconds).toBeLessThan(600 + 300 + 30);
    // c waits for `outside` too; free (earliest deadline) comes first
    expect(progress.nextTaskIds).toEqual([free.id, a.id]);
    expect(progress.nextTaskIds).not.toContain(c.id);
    expect(possibleFinish).toContain(progress.projectedFinishDate);

    // a target in the past is not on track; completing the prerequisite outside the goal frees c later
    ok(
      await g.call("PATCH", "/goals/{id}", { params: { id: goal.id }, body: { targetDate: "2026-01-01" } }),
      200,
      GoalView,
    );
    expect((await readGoal(g, goal.id)).progress.onTrack).toBe(false);
  });

  it("keeps the recorded time of a deleted COMPLETED schedule in the goal's spent time (tidying never loses history)", async () => {
    const g = await signedIn();
    const goal = await newGoal(g);
    const task = await newTask(g.api, { title: "done", goalId: goal.id, expectedMinutes: 20 });
    const schedule = await newSchedule(g.api, { taskId: task.id });
    const t0 = new Date(Date.now() - 3600_000);
    await transitionSchedule(g.member.id, schedule.id, "start", { now: t0 });
    await transitionSchedule(g.member.id, schedule.id, "complete", { now: new Date(t0.getTime() + 600_000) });
    expect((await readGoal(g, goal.id)).progress.spentSeconds).toBe(600);

    await deleteSchedule(g.member.id, schedule.id);
    expect((await readGoal(g, goal.id)).progress).toMatchObject({ tasks: 1, completedTasks: 1, spentSeconds: 600 });
  });
});

describe("POST /goals/{id}/tasks (accepting a break-down)", () => {
  const item = (ref: string, after: string[] = [], extra: Record<string, unknown> = {}) => ({
    ref,
    title: `task ${ref}`,
    difficulty: 3,
    importance: 5,
    deadline: "2099-06-01",
    after,
    ...extra,
  });

  it("creates the tasks in the goal with their edges, refs and existing ids resolved: 201 { tasks }", async () => {
    const g = await signedIn();
    const goal = await newGoal(g);
    const existing = await newTask(g.api, { title: "existing" });
    const answer = ok(
      await g.call("POST", "/goals/{id}/tasks", {
        params: { id: goal.id },
        body: {
          tasks: [
            item("read", [existing.id]),
            item("try", ["read"], { expectedMinutes: 25, description: "small" }),
            item("ship", ["try", "read"]),
          ],
        },
      }),
      201,
      AcceptedTasks,
    );
    const [read, tryIt, ship] = answer.tasks as [TaskView, TaskView, TaskView];
    expect(answer.tasks.map((t) => t.title)).toEqual(["task read", "task try", "task ship"]);
    expect(answer.tasks.every((t) => t.goalId === goal.id)).toBe(true);
    expect(read.previousTaskIds).toEqual([existing.id]);
    expect(tryIt).toMatchObject({ previousTaskIds: [read.id], expectedMinutes: 25, description: "small" });
    expect(ship.previousTaskIds.sort()).toEqual([tryIt.id, read.id].sort());
    expect((await getTask(g.api, existing.id)).nextTaskIds).toEqual([read.id]);
    expect((await readGoal(g, goal.id)).progress).toMatchObject({ tasks: 3, nextTaskIds: [] });
  });

  it("is all or nothing: an unknown ref is VALIDATION naming it, a cycle DEPENDENCY_CYCLE with its refs, a stranger's id 404", async () => {
    const g = await signedIn();
    const stranger = await signedIn();
    const goal = await newGoal(g);
    const theirs = await newTask(stranger.api);
    const post = (tasks: unknown[]) =>
      g.call("POST", "/goals/{id}/tasks", { params: { id: goal.id }, body: { tasks } });

    const fields = invalid(await post([item("a"), item("b", ["a", "nope"])]), "tasks.1.after");
    expect(fields["tasks.1.after"]?.join(" ")).toContain("nope");
    const cycle = refused(
      await post([item("a", ["c"]), item("b", ["a"]), item("c", ["b"]), item("d")]),
      409,
      "DEPENDENCY_CYCLE",
    );
    expect([...((cycle.details?.refs as string[]) ?? [])].sort()).toEqual(["a", "b", "c"]);
    refused(await post([item("a"), item("b", [theirs.id])]), 404, "NOT_FOUND");
    refused(await post([item("a"), item("b", [unknownId()])]), 404, "NOT_FOUND");
    invalid(await post([item("a"), item("a")]), "tasks.1.ref");
    expect(await db().task.count({ where: { memberId: g.member.id } })).toBe(0);
    expect(await db().taskDependency.count({ where: { memberId: g.member.id } })).toBe(0);
  });

  it("raced twice with one Idempotency-Key: one effect, both answered the same, the second replayed", async () => {
    const g = await signedIn();
    const goal = await newGoal(g);
    const body = { tasks: [item("a"), item("b", ["a"])] };
    const send = () =>
      g.call("POST", "/goals/{id}/tasks", {
        params: { id: goal.id },
        body,
        headers: { "Idempotency-Key": "accept-1" },
      });
    const answers = await Promise.all([send(), send()]);
    const [x, y] = answers.map((a) => ok(a, 201, AcceptedTasks)) as [AcceptedTasks, AcceptedTasks];
    expect(x).toEqual(y);
    expect(answers.map((a) => a.headers.get("Idempotent-Replayed")).sort()).toEqual(["true", null].sort());
    expect(await db().task.count({ where: { goalId: goal.id } })).toBe(2);
    // a third time, later: the same answer again; the same key for another body: 422
    expect(ok(await send(), 201, AcceptedTasks)).toEqual(x);
    const reused = await g.call("POST", "/goals/{id}/tasks", {
      params: { id: goal.id },
      body: { tasks: [item("other")] },
      headers: { "Idempotency-Key": "accept-1" },
    });
    refused(reused, 422, "IDEMPOTENCY_KEY_REUSED");
    expect(await db().task.count({ where: { goalId: goal.id } })).toBe(2);
  });
});

describe("races", () => {
  it("a goal deleted while tasks are put into it: each task is either unlinked or refused 404, never a 500", async () => {
    const g = await signedIn();
    for (let round = 0; round < 3; round++) {
      const goal = await newGoal(g);
      const [deleted, ...created] = await Promise.all([
        g.call("DELETE", "/goals/{id}", { params: { id: goal.id } }),
        g.api.post("/tasks", { body: { ...TASK_BODY, goalId: goal.id } }),
        g.api.post("/tasks", { body: { ...TASK_BODY, goalId: goal.id } }),
        g.call("POST", "/goals/{id}/tasks", {
          params: { id: goal.id },
          body: { tasks: [{ ref: "a", title: "t", difficulty: 1, importance: 1, deadline: "2099-01-01" }] },
        }),
      ]);
      expect(deleted?.status).toBe(204);
      for (const answer of created) {
        if (answer.status === 404) refused(answer, 404, "NOT_FOUND");
        else expect(answer.status, answer.text).toBe(201);
      }
      expect(await db().task.count({ where: { goalId: goal.id } })).toBe(0);
    }
  });
});

describe("DELETE /goals/{id}", () => {
  it("unlinks its tasks by default and emits goal.deleted", async () => {
    const g = await signedIn();
    const goal = await newGoal(g);
    const t = await newTask(g.api, { goalId: goal.id });
    refused(await g.call("DELETE", "/goals/{id}", { params: { id: goal.id }, query: { version: 9 } }), 409, "CONFLICT");
    const answer = await g.call("DELETE", "/goals/{id}", { params: { id: goal.id } });
    expect(answer.status).toBe(204);
    refused(await g.call("GET", "/goals/{id}", { params: { id: goal.id } }), 404, "NOT_FOUND");
    expect((await getTask(g.api, t.id)).goalId).toBeNull();
    expect((await eventsOf(g.member.id, "goal.")).at(-1)).toEqual({ type: "goal.deleted", goalId: goal.id });
  });

  it("deleteTasks=true deletes its open tasks and their not-started schedules, keeps completed ones; refused while one runs", async () => {
    const g = await signedIn();
    const goal = await newGoal(g);
    const open = await newTask(g.api, { goalId: goal.id });
    const running = await newTask(g.api, { goalId: goal.id });
    const completed = await newTask(g.api, { goalId: goal.id });
    const openSchedule = await newSchedule(g.api, { taskId: open.id });
    const runningSchedule = await newSchedule(g.api, { taskId: running.id });
    const doneSchedule = await newSchedule(g.api, { taskId: completed.id });
    await act(g.api, doneSchedule.id, "start");
    await act(g.api, doneSchedule.id, "complete");
    await act(g.api, runningSchedule.id, "start");

    const refusedAnswer = refused(
      await g.call("DELETE", "/goals/{id}", { params: { id: goal.id }, query: { deleteTasks: "true" } }),
      409,
      "ILLEGAL_TRANSITION",
    );
    expect(refusedAnswer.details?.state).toBe("IN_PROGRESS");
    expect((await readGoal(g, goal.id)).progress.tasks).toBe(3);
    expect((await getSchedule(g.api, openSchedule.id)).taskId).toBe(open.id);

    await act(g.api, runningSchedule.id, "pause");
    refused(
      await g.call("DELETE", "/goals/{id}", { params: { id: goal.id }, query: { deleteTasks: "true" } }),
      409,
      "ILLEGAL_TRANSITION",
    );
    await act(g.api, runningSchedule.id, "stop");
    expect(
      (await g.call("DELETE", "/goals/{id}", { params: { id: goal.id }, query: { deleteTasks: "true" } })).status,
    ).toBe(204);

    refused(await g.api.get("/tasks/{id}", { params: { id: open.id } }), 404, "NOT_FOUND");
    refused(await g.api.get("/tasks/{id}", { params: { id: running.id } }), 404, "NOT_FOUND");
    refused(await g.api.get("/schedules/{id}", { params: { id: openSchedule.id } }), 404, "NOT_FOUND");
    expect(await getTask(g.api, completed.id)).toMatchObject({
      completed: true,
      goalId: null,
      scheduleId: doneSchedule.id,
    });
    const types = (await outboxOf(g.member.id)).map((e) => e.type);
    expect(types.filter((t) => t === "schedule.deleted")).toHaveLength(2);
    expect(types.at(-1)).toBe("goal.deleted");
  });
});
