// /api/v1/tasks through the real route handlers: creation and its limits at their edges, lists and paging,
// edits with versions and dependency changes, deletes, complete/reopen, "schedule it", and other members' ids.
import { afterAll, describe, expect, it } from "vitest";
import { ScheduleView } from "@/lib/contracts/schedule";
import { TaskPage, TaskView } from "@/lib/contracts/task";
import {
  TASK_BODY,
  act,
  chars,
  forgetMembers,
  getSchedule,
  getTask,
  invalid,
  newSchedule,
  newTask,
  notAServerError,
  ok,
  refused,
  unknownId,
  type Client,
  signedIn,
} from "./client";

afterAll(forgetMembers);

async function listAll(api: Client, status = "open"): Promise<TaskView[]> {
  return ok(await api.get("/tasks", { query: { status, limit: 100 } }), 200, TaskPage).items;
}

describe("POST /tasks", () => {
  it("answers 201 with the task, and GET /tasks/{id} reads the same", async () => {
    const { api } = await signedIn();
    const answer = await api.post("/tasks", {
      body: {
        title: "  Write the report  ",
        deadline: "2099-03-01",
        importance: 9,
        difficulty: 21,
        expectedMinutes: 90,
      },
    });
    const task = ok(answer, 201, TaskView);
    expect(task).toMatchObject({
      title: "Write the report",
      description: "",
      deadline: "2099-03-01",
      importance: 9,
      difficulty: 21,
      expectedMinutes: 90,
      completed: false,
      previousTaskIds: [],
      nextTaskIds: [],
      scheduleId: null,
      version: 1,
    });
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await getTask(api, task.id)).toEqual(task);
  });

  it("links prerequisites and followers both ways", async () => {
    const { api } = await signedIn();
    const a = await newTask(api, { title: "a" });
    const c = await newTask(api, { title: "c" });
    const b = await newTask(api, { title: "b", previousTaskIds: [a.id], nextTaskIds: [c.id] });
    expect(b).toMatchObject({ previousTaskIds: [a.id], nextTaskIds: [c.id] });
    expect((await getTask(api, a.id)).nextTaskIds).toEqual([b.id]);
    expect((await getTask(api, c.id)).previousTaskIds).toEqual([b.id]);
  });

  // [what, body change, undefined for a success or the field a 400 must name]
  const edges: [string, Record<string, unknown>, string | undefined][] = [
    ["a title of 40 characters", { title: chars(40) }, undefined],
    ["a title of 40 emoji (one character each)", { title: chars(40, "🎧") }, undefined],
    ["a title of 41 characters", { title: chars(41) }, "title"],
    ["a title of 41 emoji", { title: chars(41, "🎧") }, "title"],
    ["a blank title", { title: "   " }, "title"],
    ["an empty title", { title: "" }, "title"],
    ["a title of 10,000 characters", { title: chars(10_000) }, "title"],
    ["a title with a null byte", { title: "a\u0000b" }, "title"],
    ["a title over two lines", { title: "a\nb" }, "title"],
    ["a number as title", { title: 42 }, "title"],
    ["a description of 500 characters", { description: chars(500) }, undefined],
    ["a description of 501 characters", { description: chars(501) }, "description"],
    ["a description of 10,000 characters", { description: chars(10_000) }, "description"],
    ["a description with emoji and line breaks", { description: "line 1 🎉\nline 2\r\n\tend" }, undefined],
    ["a description with a null byte", { description: "x\u0000" }, "description"],
    ["importance 0", { importance: 0 }, "importance"],
    ["importance 1", { importance: 1 }, undefined],
    ["importance 9", { importance: 9 }, undefined],
    ["importance 10", { importance: 10 }, "importance"],
    ["importance 5.5", { importance: 5.5 }, "importance"],
    ['importance "5"', { importance: "5" }, "importance"],
    ["difficulty 4", { difficulty: 4 }, "difficulty"],
    ["difficulty 1", { difficulty: 1 }, undefined],
    ["difficulty 21", { difficulty: 21 }, undefined],
    ["difficulty 34", { difficulty: 34 }, "difficulty"],
    ["expectedMinutes 0", { expectedMinutes: 0 }, "expectedMinutes"],
    ["expectedMinutes 1", { expectedMinutes: 1 }, undefined],
    ["expectedMinutes 1440", { expectedMinutes: 1440 }, undefined],
    ["expectedMinutes 1441", { expectedMinutes: 1441 }, "expectedMinutes"],
    ["expectedMinutes null", { expectedMinutes: null }, undefined],
    ["deadline 2026-02-30", { deadline: "2026-02-30" }, "deadline"],
    ["deadline 2028-02-29 (a leap day)", { deadline: "2028-02-29" }, undefined],
    ["deadline 2027-02-29", { deadline: "2027-02-29" }, "deadline"],
    ["deadline 2026-3-1", { deadline: "2026-3-1" }, "deadline"],
    ["a deadline with a time", { deadline: "2026-03-01T00:00:00Z" }, "deadline"],
    ["an unknown field", { colour: "red" }, "colour"],
    ["previousTaskIds naming a non-UUID", { previousTaskIds: ["nope"] }, "previousTaskIds.0"],
    ["previousTaskIds as a string", { previousTaskIds: "nope" }, "previousTaskIds"],
    ["51 previousTaskIds", { previousTaskIds: Array.from({ length: 51 }, () => unknownId()) }, "previousTaskIds"],
  ];

  it.each(edges)("%s", async (_what, change, field) => {
    const { api } = await signedIn();
    const answer = await api.post("/tasks", { body: { ...TASK_BODY, ...change } });
    if (field === undefined) {
      const task = ok(answer, 201, TaskView);
      for (const [key, value] of Object.entries(change)) {
        expect(task[key as keyof TaskView]).toEqual(value);
      }
    } else {
      invalid(answer, field);
      expect(await listAll(api)).toEqual([]);
    }
  });

  it("refuses a missing required field as 'is required'", async () => {
    const { api } = await signedIn();
    for (const field of ["title", "deadline", "importance", "difficulty"]) {
      const body: Record<string, unknown> = { ...TASK_BODY };
      delete body[field];
      expect(invalid(await api.post("/tasks", { body }), field)[field]).toContain("is required");
    }
    expect(await listAll(api)).toEqual([]);
  });

  it("names every refused field at once", async () => {
    const { api } = await signedIn();
    const answer = await api.post("/tasks", {
      body: { title: "", deadline: "2026-02-30", importance: 0, difficulty: 4, expectedMinutes: 1441, extra: true },
    });
    invalid(answer, "title", "deadline", "importance", "difficulty", "expectedMinutes", "extra");
  });

  it("refuses another member's task as a prerequisite (404) and creates nothing", async () => {
    const { api } = await signedIn();
    const other = await signedIn();
    const theirs = await newTask(other.api);
    refused(await api.post("/tasks", { body: { ...TASK_BODY, previousTaskIds: [theirs.id] } }), 404, "NOT_FOUND");
    refused(await api.post("/tasks", { body: { ...TASK_BODY, nextTaskIds: [unknownId()] } }), 404, "NOT_FOUND");
    expect(await listAll(api)).toEqual([]);
    expect(await getTask(other.api, theirs.id)).toEqual(theirs);
  });

  it("refuses edges that would close a cycle (409 DEPENDENCY_CYCLE) and creates nothing", async () => {
    const { api } = await signedIn();
    const a = await newTask(api, { title: "a" });
    const b = await newTask(api, { title: "b", previousTaskIds: [a.id] });
    const before = await Promise.all([a, b].map((t) => getTask(api, t.id)));
    // a → b, and the new task after b and before a: a → b → new → a
    const error = refused(
      await api.post("/tasks", { body: { ...TASK_BODY, previousTaskIds: [b.id], nextTaskIds: [a.id] } }),
      409,
      "DEPENDENCY_CYCLE",
    );
    expect(error.details?.taskIds).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await listAll(api)).map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    expect(await Promise.all([a, b].map((t) => getTask(api, t.id)))).toEqual(before);
  });
});

describe("GET /tasks", () => {
  it("pages through the open tasks by deadline with limit and nextCursor", async () => {
    const { api } = await signedIn();
    const made = [];
    for (const deadline of ["2099-01-03", "2099-01-01", "2099-01-02"]) made.push(await newTask(api, { deadline }));
    const seen: TaskView[] = [];
    let cursor: string | undefined;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const page = ok(await api.get("/tasks", { query: { limit: 1, cursor } }), 200, TaskPage);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen.map((t) => t.deadline)).toEqual(["2099-01-01", "2099-01-02", "2099-01-03"]);
    expect(new Set(seen.map((t) => t.id))).toEqual(new Set(made.map((t) => t.id)));
  });

  it("answers 20 items by default, and limit 100 at most", async () => {
    const { api } = await signedIn();
    for (let i = 0; i < 21; i++) await newTask(api, { title: `t${i}` });
    const first = ok(await api.get("/tasks"), 200, TaskPage);
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const rest = ok(await api.get("/tasks", { query: { cursor: first.nextCursor ?? undefined } }), 200, TaskPage);
    expect(rest).toMatchObject({ items: [expect.anything()], nextCursor: null });
    expect(ok(await api.get("/tasks", { query: { limit: 100 } }), 200, TaskPage).items).toHaveLength(21);
    expect(ok(await api.get("/tasks", { query: { limit: 1 } }), 200, TaskPage).items).toHaveLength(1);
  });

  it.each([
    ["limit 0", { limit: "0" }, "limit"],
    ["limit 101", { limit: "101" }, "limit"],
    ["limit 1.5", { limit: "1.5" }, "limit"],
    ["limit abc", { limit: "abc" }, "limit"],
    ["limit given twice", { limit: ["1", "2"] }, "limit"],
    ["an unknown status", { status: "done" }, "status"],
    ["a cursor with spaces", { cursor: "not a cursor" }, "cursor"],
    ["a cursor this list did not give", { cursor: "abc" }, "cursor"],
    ["a cursor of 513 characters", { cursor: chars(513) }, "cursor"],
  ])("refuses %s (400 naming the field)", async (_what, query, field) => {
    const { api } = await signedIn();
    invalid(await api.get("/tasks", { query }), field);
  });

  it("lists completed and archived tasks apart", async () => {
    const { api } = await signedIn();
    const open = await newTask(api, { title: "open" });
    const done = await newTask(api, { title: "done" });
    const late = await newTask(api, { title: "late", deadline: "2020-01-01" });
    ok(await api.post("/tasks/{id}/complete", { params: { id: done.id } }), 200, TaskView);
    // overdue stays open (soonest deadline first) and out of the archive (issue 20.3)
    expect((await listAll(api, "open")).map((t) => t.id)).toEqual([late.id, open.id]);
    expect((await listAll(api, "completed")).map((t) => t.id)).toEqual([done.id]);
    expect((await listAll(api, "archived")).map((t) => t.id)).toEqual([done.id]);
  });

  it("ignores an unknown query parameter", async () => {
    const { api } = await signedIn();
    await newTask(api);
    expect(ok(await api.get("/tasks", { query: { _: "123" } }), 200, TaskPage).items).toHaveLength(1);
  });
});

describe("PATCH /tasks/{id}", () => {
  it("changes fields, counts the version, and clears expectedMinutes with null", async () => {
    const { api } = await signedIn();
    const task = await newTask(api, { expectedMinutes: 30 });
    const changed = ok(
      await api.patch("/tasks/{id}", {
        params: { id: task.id },
        body: { title: "renamed", expectedMinutes: null, version: 1 },
      }),
      200,
      TaskView,
    );
    expect(changed).toMatchObject({ title: "renamed", expectedMinutes: null, version: 2, importance: task.importance });
    expect(await getTask(api, task.id)).toEqual(changed);
  });

  it("refuses a stale version with 409 CONFLICT and changes nothing", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    ok(
      await api.patch("/tasks/{id}", { params: { id: task.id }, body: { title: "first", version: 1 } }),
      200,
      TaskView,
    );
    const before = await getTask(api, task.id);
    refused(
      await api.patch("/tasks/{id}", { params: { id: task.id }, body: { title: "second", version: 1 } }),
      409,
      "CONFLICT",
    );
    expect(await getTask(api, task.id)).toEqual(before);
  });

  it.each([
    ["a title of 41 characters", { title: chars(41) }, "title"],
    ["a blank title", { title: " \t " }, "title"],
    ["a description of 501 characters", { description: chars(501) }, "description"],
    ["importance 0", { importance: 0 }, "importance"],
    ["importance 10", { importance: 10 }, "importance"],
    ["difficulty 4", { difficulty: 4 }, "difficulty"],
    ["expectedMinutes 0", { expectedMinutes: 0 }, "expectedMinutes"],
    ["expectedMinutes 1441", { expectedMinutes: 1441 }, "expectedMinutes"],
    ["deadline 2026-02-30", { deadline: "2026-02-30" }, "deadline"],
    ["version 0", { version: 0 }, "version"],
    ['version "1"', { version: "1" }, "version"],
    ["an unknown field", { completed: true }, "completed"],
    ["previousTaskIds with addPreviousTaskIds", { previousTaskIds: [], addPreviousTaskIds: [] }, "previousTaskIds"],
  ])("refuses %s (400 naming the field) and changes nothing", async (_what, body, field) => {
    const { api } = await signedIn();
    const task = await newTask(api);
    invalid(await api.patch("/tasks/{id}", { params: { id: task.id }, body }), field);
    expect(await getTask(api, task.id)).toEqual(task);
  });

  it("accepts the edges of the limits", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    const body = { title: chars(40), description: chars(500), importance: 9, difficulty: 1, expectedMinutes: 1440 };
    expect(ok(await api.patch("/tasks/{id}", { params: { id: task.id }, body }), 200, TaskView)).toMatchObject(body);
  });

  it("refuses a self edge as VALIDATION, naming the field", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    invalid(
      await api.patch("/tasks/{id}", { params: { id: task.id }, body: { addPreviousTaskIds: [task.id] } }),
      "addPreviousTaskIds",
    );
    invalid(
      await api.patch("/tasks/{id}", { params: { id: task.id }, body: { nextTaskIds: [task.id] } }),
      "nextTaskIds",
    );
    expect(await getTask(api, task.id)).toEqual(task);
  });

  it("refuses a change that would close a cycle, as a whole (409 DEPENDENCY_CYCLE with the cycle)", async () => {
    const { api } = await signedIn();
    const a = await newTask(api, { title: "a" });
    const b = await newTask(api, { title: "b", previousTaskIds: [a.id] });
    const c = await newTask(api, { title: "c", previousTaskIds: [b.id] });
    const x = await newTask(api, { title: "x" });
    const before = await Promise.all([a, b, c, x].map((t) => getTask(api, t.id)));
    const error = refused(
      await api.patch("/tasks/{id}", {
        params: { id: a.id },
        body: { title: "renamed", addPreviousTaskIds: [x.id, c.id] },
      }),
      409,
      "DEPENDENCY_CYCLE",
    );
    expect(new Set(error.details?.taskIds)).toEqual(new Set([a.id, b.id, c.id]));
    expect(await Promise.all([a, b, c, x].map((t) => getTask(api, t.id)))).toEqual(before);
  });

  it("treats adding an existing edge and removing a missing one as no change (200)", async () => {
    const { api } = await signedIn();
    const a = await newTask(api, { title: "a" });
    const b = await newTask(api, { title: "b", previousTaskIds: [a.id] });
    const c = await newTask(api, { title: "c" });
    const [aBefore, cBefore] = [await getTask(api, a.id), await getTask(api, c.id)];
    const same = ok(
      await api.patch("/tasks/{id}", {
        params: { id: b.id },
        body: { addPreviousTaskIds: [a.id], removePreviousTaskIds: [c.id] },
      }),
      200,
      TaskView,
    );
    expect(same).toMatchObject({ previousTaskIds: [a.id], nextTaskIds: [] });
    expect(await getTask(api, a.id)).toEqual(aBefore);
    expect(await getTask(api, c.id)).toEqual(cBefore);
    // and the edges really are there to remove
    const removed = ok(
      await api.patch("/tasks/{id}", { params: { id: b.id }, body: { removePreviousTaskIds: [a.id] } }),
      200,
      TaskView,
    );
    expect(removed.previousTaskIds).toEqual([]);
    expect((await getTask(api, a.id)).nextTaskIds).toEqual([]);
  });

  it("refuses another member's task as a prerequisite (404) and changes nothing", async () => {
    const { api } = await signedIn();
    const other = await signedIn();
    const mine = await newTask(api);
    const theirs = await newTask(other.api);
    refused(
      await api.patch("/tasks/{id}", {
        params: { id: mine.id },
        body: { title: "x", addPreviousTaskIds: [theirs.id] },
      }),
      404,
      "NOT_FOUND",
    );
    expect(await getTask(api, mine.id)).toEqual(mine);
    expect(await getTask(other.api, theirs.id)).toEqual(theirs);
  });
});

describe("DELETE /tasks/{id}", () => {
  it("answers 204 with no body; the task and its edges are gone", async () => {
    const { api } = await signedIn();
    const a = await newTask(api);
    const b = await newTask(api, { previousTaskIds: [a.id] });
    const answer = await api.delete("/tasks/{id}", { params: { id: a.id } });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    refused(await api.get("/tasks/{id}", { params: { id: a.id } }), 404, "NOT_FOUND");
    expect((await getTask(api, b.id)).previousTaskIds).toEqual([]);
  });

  it("deleteSchedule=true deletes the linked schedule; false (the default) only unlinks it", async () => {
    const { api } = await signedIn();
    const one = await newTask(api);
    const two = await newTask(api);
    const s1 = ok(
      await api.post("/tasks/{id}/schedule", {
        params: { id: one.id },
        body: { startAt: "2026-11-20T09:00:00Z", type: "QUICK_TASK" },
      }),
      201,
      ScheduleView,
    );
    const s2 = ok(
      await api.post("/tasks/{id}/schedule", {
        params: { id: two.id },
        body: { startAt: "2026-11-20T10:00:00Z", type: "QUICK_TASK" },
      }),
      201,
      ScheduleView,
    );
    expect(
      (await api.delete("/tasks/{id}", { params: { id: one.id }, query: { deleteSchedule: "true" } })).status,
    ).toBe(204);
    refused(await api.get("/schedules/{id}", { params: { id: s1.id } }), 404, "NOT_FOUND");
    expect((await api.delete("/tasks/{id}", { params: { id: two.id } })).status).toBe(204);
    expect(await getSchedule(api, s2.id)).toMatchObject({ taskId: null, version: s2.version + 1 });
  });

  it("refuses while the linked schedule runs or is paused (409 ILLEGAL_TRANSITION) and keeps both", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    const s = await newSchedule(api, { taskId: task.id });
    await act(api, s.id, "start");
    const error = refused(
      await api.delete("/tasks/{id}", { params: { id: task.id }, query: { deleteSchedule: "true" } }),
      409,
      "ILLEGAL_TRANSITION",
    );
    expect(error.details).toMatchObject({ state: "IN_PROGRESS", allowedActions: ["pause", "complete", "stop"] });
    await act(api, s.id, "pause");
    refused(await api.delete("/tasks/{id}", { params: { id: task.id } }), 409, "ILLEGAL_TRANSITION");
    expect((await getTask(api, task.id)).scheduleId).toBe(s.id);
    expect((await getSchedule(api, s.id)).state).toBe("PAUSED");
  });

  it("refuses a stale version (409 CONFLICT) and a bad flag (400) and keeps the task", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    ok(await api.patch("/tasks/{id}", { params: { id: task.id }, body: { title: "v2" } }), 200, TaskView);
    refused(await api.delete("/tasks/{id}", { params: { id: task.id }, query: { version: "1" } }), 409, "CONFLICT");
    invalid(
      await api.delete("/tasks/{id}", { params: { id: task.id }, query: { deleteSchedule: "yes" } }),
      "deleteSchedule",
    );
    invalid(await api.delete("/tasks/{id}", { params: { id: task.id }, query: { version: "0" } }), "version");
    expect((await getTask(api, task.id)).title).toBe("v2");
    expect((await api.delete("/tasks/{id}", { params: { id: task.id }, query: { version: "2" } })).status).toBe(204);
  });
});

describe("POST /tasks/{id}/complete and /reopen", () => {
  it("complete and reopen answer the task; repeating either changes nothing", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    const done = ok(await api.post("/tasks/{id}/complete", { params: { id: task.id } }), 200, TaskView);
    expect(done).toMatchObject({ completed: true, version: 2 });
    const again = ok(await api.post("/tasks/{id}/complete", { params: { id: task.id }, body: {} }), 200, TaskView);
    expect(again).toEqual(done);
    const reopened = ok(await api.post("/tasks/{id}/reopen", { params: { id: task.id } }), 200, TaskView);
    expect(reopened).toMatchObject({ completed: false, version: 3 });
    expect(ok(await api.post("/tasks/{id}/reopen", { params: { id: task.id }, body: {} }), 200, TaskView)).toEqual(
      reopened,
    );
    expect(await getTask(api, task.id)).toEqual(reopened);
  });

  it("accept no body or {}, and refuse any other body (400)", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    invalid(
      await api.post("/tasks/{id}/complete", { params: { id: task.id }, body: { completed: true } }),
      "completed",
    );
    invalid(await api.post("/tasks/{id}/reopen", { params: { id: task.id }, body: { force: 1 } }), "force");
    invalid(await api.post("/tasks/{id}/complete", { params: { id: task.id }, raw: "[]" }), "_");
    expect(await getTask(api, task.id)).toEqual(task);
    ok(await api.post("/tasks/{id}/complete", { params: { id: task.id }, raw: "" }), 200, TaskView);
  });

  it("refuse completing while a prerequisite is open (409 PREREQUISITES_OPEN with its id)", async () => {
    const { api } = await signedIn();
    const first = await newTask(api);
    const then = await newTask(api, { previousTaskIds: [first.id] });
    const error = refused(
      await api.post("/tasks/{id}/complete", { params: { id: then.id } }),
      409,
      "PREREQUISITES_OPEN",
    );
    expect(error.details?.taskIds).toEqual([first.id]);
    expect(await getTask(api, then.id)).toEqual(then);
    ok(await api.post("/tasks/{id}/complete", { params: { id: first.id } }), 200, TaskView);
    expect(ok(await api.post("/tasks/{id}/complete", { params: { id: then.id } }), 200, TaskView).completed).toBe(true);
  });

  it("keep the linked schedule in step: complete it from NOT_STARTED, refuse while it runs, reset it on reopen", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    const s = await newSchedule(api, { taskId: task.id });
    ok(await api.post("/tasks/{id}/complete", { params: { id: task.id } }), 200, TaskView);
    expect(await getSchedule(api, s.id)).toMatchObject({ state: "COMPLETED", elapsedSeconds: 0 });
    ok(await api.post("/tasks/{id}/reopen", { params: { id: task.id } }), 200, TaskView);
    expect((await getSchedule(api, s.id)).state).toBe("NOT_STARTED");

    await act(api, s.id, "start");
    const error = refused(
      await api.post("/tasks/{id}/complete", { params: { id: task.id } }),
      409,
      "ILLEGAL_TRANSITION",
    );
    expect(error.details).toMatchObject({ state: "IN_PROGRESS" });
    expect((await getTask(api, task.id)).completed).toBe(false);
  });
});

describe("POST /tasks/{id}/schedule", () => {
  it("answers 201 with a schedule titled like the task and linked to it; a second one is 409 DUPLICATE", async () => {
    const { api } = await signedIn();
    const task = await newTask(api, { title: "Read", description: "chapter 3" });
    const answer = await api.post("/tasks/{id}/schedule", {
      params: { id: task.id },
      body: { startAt: "2026-11-20T09:00:00+09:00", type: "DEEP_WORK" },
    });
    const s = ok(answer, 201, ScheduleView);
    expect(s).toMatchObject({
      title: "Read",
      description: "chapter 3",
      taskId: task.id,
      startAt: "2026-11-20T00:00:00.000Z",
      type: "DEEP_WORK",
      state: "NOT_STARTED",
      version: 1,
    });
    expect((await getTask(api, task.id)).scheduleId).toBe(s.id);
    const dup = refused(
      await api.post("/tasks/{id}/schedule", {
        params: { id: task.id },
        body: { startAt: "2026-11-21T09:00:00Z", type: "QUICK_TASK" },
      }),
      409,
      "DUPLICATE",
    );
    expect(dup.message.length).toBeGreaterThan(0);
    expect((await getTask(api, task.id)).scheduleId).toBe(s.id);
  });

  it.each([
    ["startAt without an offset", { startAt: "2026-11-20T09:00:00", type: "DEEP_WORK" }, "startAt"],
    ["startAt on 2026-02-30", { startAt: "2026-02-30T09:00:00Z", type: "DEEP_WORK" }, "startAt"],
    ["a date as startAt", { startAt: "2026-11-20", type: "DEEP_WORK" }, "startAt"],
    ["an unknown type", { startAt: "2026-11-20T09:00:00Z", type: "NAP" }, "type"],
    ["a missing type", { startAt: "2026-11-20T09:00:00Z" }, "type"],
    ["an unknown field", { startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK", title: "x" }, "title"],
  ])("refuses %s (400 naming the field) and creates nothing", async (_what, body, field) => {
    const { api } = await signedIn();
    const task = await newTask(api);
    invalid(await api.post("/tasks/{id}/schedule", { params: { id: task.id }, body }), field);
    expect((await getTask(api, task.id)).scheduleId).toBeNull();
  });
});

describe("another member's task ids", () => {
  it("answer 404 NOT_FOUND on every route, and the owner's task is unchanged", async () => {
    const owner = await signedIn();
    const intruder = await signedIn();
    const prerequisite = await newTask(owner.api, { title: "first" });
    const task = await newTask(owner.api, { title: "mine", previousTaskIds: [prerequisite.id] });
    const done = await newTask(owner.api, { title: "done" });
    ok(await owner.api.post("/tasks/{id}/complete", { params: { id: done.id } }), 200, TaskView);
    const before = await Promise.all([prerequisite, task, done].map((t) => getTask(owner.api, t.id)));

    const api = intruder.api;
    const id = task.id;
    refused(await api.get("/tasks/{id}", { params: { id } }), 404, "NOT_FOUND");
    refused(await api.patch("/tasks/{id}", { params: { id }, body: { title: "stolen" } }), 404, "NOT_FOUND");
    refused(await api.delete("/tasks/{id}", { params: { id }, query: { deleteSchedule: "true" } }), 404, "NOT_FOUND");
    refused(await api.post("/tasks/{id}/complete", { params: { id: prerequisite.id } }), 404, "NOT_FOUND");
    refused(await api.post("/tasks/{id}/reopen", { params: { id: done.id } }), 404, "NOT_FOUND");
    refused(
      await api.post("/tasks/{id}/schedule", {
        params: { id },
        body: { startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK" },
      }),
      404,
      "NOT_FOUND",
    );
    refused(
      await api.post("/schedules", {
        body: { title: "x", startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK", taskId: id },
      }),
      404,
      "NOT_FOUND",
    );

    expect(await Promise.all([prerequisite, task, done].map((t) => getTask(owner.api, t.id)))).toEqual(before);
    expect(await listAll(intruder.api)).toEqual([]);
  });

  it("an id that names nothing is 404 too", async () => {
    const { api } = await signedIn();
    const id = unknownId();
    refused(await api.get("/tasks/{id}", { params: { id } }), 404, "NOT_FOUND");
    refused(await api.patch("/tasks/{id}", { params: { id }, body: {} }), 404, "NOT_FOUND");
    refused(await api.delete("/tasks/{id}", { params: { id } }), 404, "NOT_FOUND");
    refused(await api.post("/tasks/{id}/complete", { params: { id } }), 404, "NOT_FOUND");
    refused(await api.post("/tasks/{id}/reopen", { params: { id } }), 404, "NOT_FOUND");
    refused(
      await api.post("/tasks/{id}/schedule", {
        params: { id },
        body: { startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK" },
      }),
      404,
      "NOT_FOUND",
    );
  });
});

describe("malformed task ids", () => {
  const malformed = [
    "not-a-uuid",
    "123",
    "../tasks",
    "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1",
    "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e\u0000",
    chars(10_000),
    "🎧",
  ];

  it.each(malformed.map((id) => [id.length > 40 ? `${id.length} characters` : JSON.stringify(id), id]))(
    "%s answers 400 VALIDATION naming id on every route (the contract's Id is a UUID)",
    async (_what, id) => {
      const { api } = await signedIn();
      invalid(await api.get("/tasks/{id}", { params: { id } }), "id");
      invalid(await api.patch("/tasks/{id}", { params: { id }, body: { title: "x" } }), "id");
      invalid(await api.delete("/tasks/{id}", { params: { id } }), "id");
      invalid(await api.post("/tasks/{id}/complete", { params: { id } }), "id");
      invalid(await api.post("/tasks/{id}/reopen", { params: { id } }), "id");
      invalid(
        await api.post("/tasks/{id}/schedule", {
          params: { id },
          body: { startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK" },
        }),
        "id",
      );
    },
  );

  it("the same UUID in capitals names the same task", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    expect(ok(await api.get("/tasks/{id}", { params: { id: task.id.toUpperCase() } }), 200, TaskView)).toEqual(task);
  });
});

// Requests that once showed app bugs (found by these tests, now fixed): each test states the right behaviour.
describe("requests that once showed bugs", () => {
  // Was a bug: a PATCH that only adds an existing edge (or removes a missing one) still writes the task: version
  // +1 and a new updatedAt. api.md: "answer 200 and change nothing". A client that PATCHes next with the
  // version it read gets 409 CONFLICT for a change that never happened.
  // PATCH /tasks/{b} {"addPreviousTaskIds":[a]} (a → b exists) → 200 {..., "version": 2, "updatedAt": <new>}
  it("adding an existing edge or removing a missing one changes nothing, not even the version", async () => {
    const { api } = await signedIn();
    const a = await newTask(api, { title: "a" });
    const b = await newTask(api, { title: "b", previousTaskIds: [a.id] });
    const c = await newTask(api, { title: "c" });
    const before = await getTask(api, b.id);
    const same = ok(
      await api.patch("/tasks/{id}", {
        params: { id: b.id },
        body: { addPreviousTaskIds: [a.id], removePreviousTaskIds: [c.id] },
      }),
      200,
      TaskView,
    );
    expect(same).toEqual(before);
    expect(await getTask(api, b.id)).toEqual(before);
  });

  // Was a bug: a deadline the contract accepts (LocalDate takes year 0000) that PostgreSQL cannot store answers
  // 500 INTERNAL instead of a 400 VALIDATION (or a 201).
  // POST /tasks {"title":"task","deadline":"0000-01-01","importance":5,"difficulty":3} → 500 {"error":{"code":"INTERNAL",...}}
  it("POST /tasks with deadline 0000-01-01 is not a server error", async () => {
    const { api } = await signedIn();
    notAServerError(await api.post("/tasks", { body: { ...TASK_BODY, deadline: "0000-01-01" } }));
  });

  // Was a bug: the same through PATCH. PATCH /tasks/{id} {"deadline":"0000-01-01"} → 500
  it("PATCH /tasks/{id} with deadline 0000-01-01 is not a server error", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    notAServerError(await api.patch("/tasks/{id}", { params: { id: task.id }, body: { deadline: "0000-01-01" } }));
  });

  // Was a bug: an instant the contract accepts (Instant takes year 0000) that PostgreSQL cannot store.
  // POST /tasks/{id}/schedule {"startAt":"0000-06-01T00:00:00Z","type":"DEEP_WORK"} → 500
  it("POST /tasks/{id}/schedule with startAt in year 0000 is not a server error", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    notAServerError(
      await api.post("/tasks/{id}/schedule", {
        params: { id: task.id },
        body: { startAt: "0000-06-01T00:00:00Z", type: "DEEP_WORK" },
      }),
    );
  });

  // Was a bug: GET /tasks decodes a cursor without checking that its id is a UUID or its instant storable, so a
  // forged cursor reaches the query. api.md: a cursor the list did not give is VALIDATION (cursor).
  // GET /tasks?cursor=base64url({"at":"1","id":"------------------------------------"}) → 500
  // GET /tasks?cursor=base64url({"at":"-271821-04-20T00:00:00Z","id":"00000000-0000-0000-0000-000000000000"}) → 500
  const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  it.each([
    ["an id of 36 dashes", forge({ at: "1", id: "-".repeat(36) })],
    [
      "an instant the database cannot hold",
      forge({ at: "-271821-04-20T00:00:00Z", id: "00000000-0000-0000-0000-000000000000" }),
    ],
  ])("GET /tasks with a forged cursor (%s) is 400 VALIDATION naming cursor", async (_what, cursor) => {
    const { api } = await signedIn();
    await newTask(api);
    invalid(await api.get("/tasks", { query: { cursor } }), "cursor");
  });
});
