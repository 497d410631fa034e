// /api/v1/schedules through the real route handlers: creation and its limits, day and range lists in the
// member's time zone, edits (only before start, with versions), deletes, the reminder snooze, other members' ids.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { SnoozeAnswer } from "@/lib/contracts/reminder";
import { ScheduleList, ScheduleView } from "@/lib/contracts/schedule";
import { TaskView } from "@/lib/contracts/task";
import {
  SCHEDULE_BODY,
  act,
  chars,
  client,
  forgetMembers,
  getSchedule,
  getTask,
  invalid,
  newSchedule,
  newTask,
  notAServerError,
  ok,
  refused,
  testMember,
  unknownId,
  type Client,
} from "./client";

afterAll(forgetMembers);

async function signedIn(timezone?: string) {
  const member = await testMember(timezone ? { timezone } : {});
  return { member, api: client(member) };
}

async function day(api: Client, date: string): Promise<ScheduleView[]> {
  return ok(await api.get("/schedules", { query: { date } }), 200, ScheduleList).items;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /schedules", () => {
  it("answers 201 with a NOT_STARTED schedule, and GET /schedules/{id} reads the same", async () => {
    const { api } = await signedIn();
    const answer = await api.post("/schedules", {
      body: { title: " Deep dive ", description: "notes", startAt: "2026-11-20T09:30:00+09:00", type: "DEEP_WORK" },
    });
    const s = ok(answer, 201, ScheduleView);
    expect(s).toMatchObject({
      title: "Deep dive",
      description: "notes",
      startAt: "2026-11-20T00:30:00.000Z",
      type: "DEEP_WORK",
      state: "NOT_STARTED",
      taskId: null,
      elapsedSeconds: 0,
      sessionStartedAt: null,
      allowedActions: ["start", "complete"],
      version: 1,
    });
    expect(await getSchedule(api, s.id)).toEqual(s);
  });

  it("links a task; a second schedule for the task is 409 DUPLICATE naming taskId", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    const s = await newSchedule(api, { taskId: task.id });
    expect(s.taskId).toBe(task.id);
    expect((await getTask(api, task.id)).scheduleId).toBe(s.id);
    const error = refused(
      await api.post("/schedules", { body: { ...SCHEDULE_BODY, taskId: task.id } }),
      409,
      "DUPLICATE",
    );
    expect(Object.keys(error.details?.fieldErrors ?? {})).toEqual(["taskId"]);
    refused(
      await api.post("/tasks/{id}/schedule", {
        params: { id: task.id },
        body: { startAt: SCHEDULE_BODY.startAt, type: "QUICK_TASK" },
      }),
      409,
      "DUPLICATE",
    );
    expect(
      ok(await api.get("/schedules", { query: { date: "2026-11-20" } }), 200, ScheduleList).items.map((x) => x.id),
    ).toEqual([s.id]);
  });

  it("refuses a task that names nothing (404)", async () => {
    const { api } = await signedIn();
    refused(await api.post("/schedules", { body: { ...SCHEDULE_BODY, taskId: unknownId() } }), 404, "NOT_FOUND");
    expect(await day(api, "2026-11-20")).toEqual([]);
  });

  const edges: [string, Record<string, unknown>, string | undefined][] = [
    ["a title of 40 characters", { title: chars(40) }, undefined],
    ["a title of 40 emoji", { title: chars(40, "🚀") }, undefined],
    ["a title of 41 characters", { title: chars(41) }, "title"],
    ["a blank title", { title: "  " }, "title"],
    ["a title of 10,000 characters", { title: chars(10_000) }, "title"],
    ["a title with a null byte", { title: "\u0000" }, "title"],
    ["a description of 500 characters", { description: chars(500) }, undefined],
    ["a description of 501 characters", { description: chars(501) }, "description"],
    ["startAt with Z", { startAt: "2026-11-20T00:00:00Z" }, undefined],
    ["startAt with fractions and an offset", { startAt: "2026-11-20T09:00:00.250-05:00" }, undefined],
    ["startAt without an offset", { startAt: "2026-11-20T09:00:00" }, "startAt"],
    ["startAt on 2026-02-30", { startAt: "2026-02-30T09:00:00Z" }, "startAt"],
    ["startAt as a date only", { startAt: "2026-11-20" }, "startAt"],
    ["startAt as epoch milliseconds", { startAt: 1_790_000_000_000 }, "startAt"],
    ["an unknown type", { type: "SLEEP" }, "type"],
    ["a lower-case type", { type: "deep_work" }, "type"],
    ["a taskId that is not a UUID", { taskId: "task-1" }, "taskId"],
    ["taskId null", { taskId: null }, undefined],
    ["an unknown field", { state: "COMPLETED" }, "state"],
    [
      "an unknown field named like a prototype",
      JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>,
      "__proto__",
    ],
  ];

  it.each(edges)("%s", async (_what, change, field) => {
    const { api } = await signedIn();
    const body: Record<string, unknown> = { ...SCHEDULE_BODY };
    for (const key of Object.keys(change)) Object.defineProperty(body, key, { value: change[key], enumerable: true });
    const answer = await api.post("/schedules", { body });
    if (field === undefined) {
      const s = ok(answer, 201, ScheduleView);
      if ("title" in change) expect(s.title).toBe(change.title);
      if ("description" in change) expect(s.description).toBe(change.description);
      if ("startAt" in change) expect(Date.parse(s.startAt)).toBe(Date.parse(change.startAt as string));
    } else {
      invalid(answer, field);
      expect(await day(api, "2026-11-20")).toEqual([]);
    }
  });

  it("refuses missing fields as 'is required'", async () => {
    const { api } = await signedIn();
    for (const field of ["title", "startAt", "type"]) {
      const body: Record<string, unknown> = { ...SCHEDULE_BODY };
      delete body[field];
      expect(invalid(await api.post("/schedules", { body }), field)[field]).toContain("is required");
    }
  });
});

describe("GET /schedules", () => {
  it("?date= lists the schedules starting on that day in the member's time zone, by startAt", async () => {
    const seoul = await signedIn("Asia/Seoul");
    const la = await signedIn("America/Los_Angeles");
    for (const { api } of [seoul, la]) {
      await newSchedule(api, { title: "14:59Z", startAt: "2026-11-20T14:59:00Z" });
      await newSchedule(api, { title: "15:00Z", startAt: "2026-11-20T15:00:00Z" });
      await newSchedule(api, { title: "19th 15:00Z", startAt: "2026-11-19T15:00:00Z" });
    }
    // Seoul is UTC+9: 15:00Z is midnight of the next day there
    expect((await day(seoul.api, "2026-11-20")).map((s) => s.title)).toEqual(["19th 15:00Z", "14:59Z"]);
    expect((await day(seoul.api, "2026-11-21")).map((s) => s.title)).toEqual(["15:00Z"]);
    // Los Angeles is UTC-8 in November: all of the 20th's UTC afternoon is its morning of the 20th
    expect((await day(la.api, "2026-11-20")).map((s) => s.title)).toEqual(["14:59Z", "15:00Z"]);
    expect((await day(la.api, "2026-11-19")).map((s) => s.title)).toEqual(["19th 15:00Z"]);
  });

  it("lists only the member's own schedules", async () => {
    const mine = await signedIn();
    const theirs = await signedIn();
    const s = await newSchedule(mine.api);
    await newSchedule(theirs.api);
    expect((await day(mine.api, "2026-11-20")).map((x) => x.id)).toEqual([s.id]);
  });

  it("?from=&to= includes both days, up to 42 days", async () => {
    const { api } = await signedIn("UTC");
    const first = await newSchedule(api, { title: "first", startAt: "2026-11-01T00:00:00Z" });
    const last = await newSchedule(api, { title: "last", startAt: "2026-12-12T23:59:59Z" });
    await newSchedule(api, { title: "after", startAt: "2026-12-13T00:00:00Z" });
    const range = ok(
      await api.get("/schedules", { query: { from: "2026-11-01", to: "2026-12-12" } }),
      200,
      ScheduleList,
    );
    expect(range.items.map((s) => s.id)).toEqual([first.id, last.id]);
    const oneDay = ok(
      await api.get("/schedules", { query: { from: "2026-11-01", to: "2026-11-01" } }),
      200,
      ScheduleList,
    );
    expect(oneDay.items.map((s) => s.id)).toEqual([first.id]);
  });

  it.each([
    ["a range of 43 days", { from: "2026-11-01", to: "2026-12-13" }, "to"],
    ["from after to", { from: "2026-11-02", to: "2026-11-01" }, "to"],
    ["from without to", { from: "2026-11-01" }, "to"],
    ["to without from", { to: "2026-11-01" }, "from"],
    ["both date and from", { date: "2026-11-01", from: "2026-11-01", to: "2026-11-02" }, "_"],
    ["both date and to", { date: "2026-11-01", to: "2026-11-02" }, "_"],
    ["neither date nor a range", {}, "_"],
    ["date 2026-02-30", { date: "2026-02-30" }, "date"],
    ["date given twice", { date: ["2026-11-01", "2026-11-02"] }, "date"],
    ["a date with a time", { date: "2026-11-01T00:00:00Z" }, "date"],
    ["from 2026-02-30", { from: "2026-02-30", to: "2026-03-01" }, "from"],
    ["to of 10,000 characters", { from: "2026-02-01", to: chars(10_000) }, "to"],
  ])("refuses %s (400 naming the field)", async (_what, query, field) => {
    const { api } = await signedIn();
    const reasons = invalid(await api.get("/schedules", { query }), field)[field] ?? [];
    // a refusal about the query as a whole says which fields it is about
    if (field === "_") expect(reasons.join(" ")).toMatch(/date/);
  });

  it("ignores an unknown query parameter", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    expect(
      ok(await api.get("/schedules", { query: { date: "2026-11-20", cacheBuster: "1" } }), 200, ScheduleList).items.map(
        (x) => x.id,
      ),
    ).toEqual([s.id]);
  });
});

describe("PATCH /schedules/{id}", () => {
  it("changes title, description, startAt and type while NOT_STARTED, one version per write", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    const body = {
      title: "renamed",
      description: "d",
      startAt: "2026-11-21T08:00:00+09:00",
      type: "ADMIN_TASK",
      version: 1,
    };
    const changed = ok(await api.patch("/schedules/{id}", { params: { id: s.id }, body }), 200, ScheduleView);
    expect(changed).toMatchObject({
      title: "renamed",
      description: "d",
      startAt: "2026-11-20T23:00:00.000Z",
      type: "ADMIN_TASK",
      version: 2,
    });
    expect(await getSchedule(api, s.id)).toEqual(changed);
  });

  it("refuses a stale version with 409 CONFLICT and changes nothing", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    ok(
      await api.patch("/schedules/{id}", { params: { id: s.id }, body: { title: "v2", version: 1 } }),
      200,
      ScheduleView,
    );
    const before = await getSchedule(api, s.id);
    refused(
      await api.patch("/schedules/{id}", { params: { id: s.id }, body: { title: "v3", version: 1 } }),
      409,
      "CONFLICT",
    );
    expect(await getSchedule(api, s.id)).toEqual(before);
  });

  it("refuses an edit once started (409 ILLEGAL_TRANSITION with state and allowedActions)", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    await act(api, s.id, "start");
    const error = refused(
      await api.patch("/schedules/{id}", { params: { id: s.id }, body: { title: "late" } }),
      409,
      "ILLEGAL_TRANSITION",
    );
    expect(error.details).toMatchObject({ state: "IN_PROGRESS", allowedActions: ["pause", "complete", "stop"] });
    await act(api, s.id, "complete");
    const done = refused(
      await api.patch("/schedules/{id}", { params: { id: s.id }, body: { title: "late" } }),
      409,
      "ILLEGAL_TRANSITION",
    );
    expect(done.details).toMatchObject({ state: "COMPLETED", allowedActions: ["reset"] });
    expect((await getSchedule(api, s.id)).title).toBe(SCHEDULE_BODY.title);
  });

  it.each([
    ["a title of 41 characters", { title: chars(41) }, "title"],
    ["a blank title", { title: "" }, "title"],
    ["a description of 501 characters", { description: chars(501) }, "description"],
    ["startAt without an offset", { startAt: "2026-11-21T08:00" }, "startAt"],
    ["an unknown type", { type: "NAP" }, "type"],
    ["version 0", { version: 0 }, "version"],
    ["version 2147483648", { version: 2_147_483_648 }, "version"],
    ["taskId (not editable)", { taskId: null }, "taskId"],
    ["state (not editable)", { state: "COMPLETED" }, "state"],
  ])("refuses %s (400 naming the field) and changes nothing", async (_what, body, field) => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    invalid(await api.patch("/schedules/{id}", { params: { id: s.id }, body }), field);
    expect(await getSchedule(api, s.id)).toEqual(s);
  });
});

describe("DELETE /schedules/{id}", () => {
  it("answers 204 with no body when NOT_STARTED or COMPLETED", async () => {
    const { api } = await signedIn();
    const fresh = await newSchedule(api);
    const done = await newSchedule(api);
    await act(api, done.id, "complete");
    for (const s of [fresh, done]) {
      const answer = await api.delete("/schedules/{id}", { params: { id: s.id } });
      expect(answer.status).toBe(204);
      expect(answer.text).toBe("");
      refused(await api.get("/schedules/{id}", { params: { id: s.id } }), 404, "NOT_FOUND");
    }
  });

  it("refuses while IN_PROGRESS or PAUSED (409 ILLEGAL_TRANSITION) and keeps it", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    await act(api, s.id, "start");
    expect(
      refused(await api.delete("/schedules/{id}", { params: { id: s.id } }), 409, "ILLEGAL_TRANSITION").details,
    ).toMatchObject({
      state: "IN_PROGRESS",
    });
    await act(api, s.id, "pause");
    expect(
      refused(await api.delete("/schedules/{id}", { params: { id: s.id } }), 409, "ILLEGAL_TRANSITION").details,
    ).toMatchObject({
      state: "PAUSED",
      allowedActions: ["resume", "complete", "stop"],
    });
    expect((await getSchedule(api, s.id)).state).toBe("PAUSED");
  });

  it("deleteTask=true deletes the linked task too; the default only unlinks it", async () => {
    const { api } = await signedIn();
    const t1 = await newTask(api);
    const t2 = await newTask(api);
    const s1 = await newSchedule(api, { taskId: t1.id });
    const s2 = await newSchedule(api, { taskId: t2.id });
    expect((await api.delete("/schedules/{id}", { params: { id: s1.id }, query: { deleteTask: "true" } })).status).toBe(
      204,
    );
    refused(await api.get("/tasks/{id}", { params: { id: t1.id } }), 404, "NOT_FOUND");
    expect(
      (await api.delete("/schedules/{id}", { params: { id: s2.id }, query: { deleteTask: "false" } })).status,
    ).toBe(204);
    expect(ok(await api.get("/tasks/{id}", { params: { id: t2.id } }), 200, TaskView).scheduleId).toBeNull();
  });

  it("refuses a stale version (409 CONFLICT) and bad query values (400) and keeps it", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    ok(await api.patch("/schedules/{id}", { params: { id: s.id }, body: { title: "v2" } }), 200, ScheduleView);
    refused(await api.delete("/schedules/{id}", { params: { id: s.id }, query: { version: "1" } }), 409, "CONFLICT");
    invalid(await api.delete("/schedules/{id}", { params: { id: s.id }, query: { deleteTask: "1" } }), "deleteTask");
    invalid(await api.delete("/schedules/{id}", { params: { id: s.id }, query: { version: "two" } }), "version");
    expect((await getSchedule(api, s.id)).version).toBe(2);
    expect((await api.delete("/schedules/{id}", { params: { id: s.id }, query: { version: "2" } })).status).toBe(204);
  });
});

describe("POST /schedules/{id}/reminder/snooze", () => {
  const snoozeEvents = (scheduleId: string) =>
    db().outboxEvent.findMany({ where: { scheduleId, type: "schedule.snoozed" }, orderBy: { sequence: "asc" } });
  const snoozedUntil = async (scheduleId: string) =>
    (await db().schedule.findUniqueOrThrow({ where: { id: scheduleId } })).snoozedUntil?.toISOString();

  it("answers { scheduleId, until } 10 minutes from now by default (or 60), kept with a schedule.snoozed event", async () => {
    const { api, member } = await signedIn();
    const s = await newSchedule(api);
    for (const [i, [options, minutes]] of (
      [
        [{}, 10],
        [{ body: {} }, 10],
        [{ body: { minutes: 60 } }, 60],
      ] as const
    ).entries()) {
      const before = Date.now();
      const answer = ok(
        await api.post("/schedules/{id}/reminder/snooze", { params: { id: s.id }, ...options }),
        200,
        SnoozeAnswer,
      );
      const after = Date.now();
      expect(answer.scheduleId).toBe(s.id);
      const until = Date.parse(answer.until);
      expect(until).toBeGreaterThanOrEqual(before + minutes * 60_000);
      expect(until).toBeLessThanOrEqual(after + minutes * 60_000);
      expect(await snoozedUntil(s.id)).toBe(answer.until);
      const events = await snoozeEvents(s.id);
      expect(events).toHaveLength(i + 1);
      expect(events[i]).toMatchObject({ memberId: member.id, scheduleId: s.id, sentAt: null });
    }
    // the snooze is not an edit: the schedule's view and version are unchanged
    expect(await getSchedule(api, s.id)).toEqual(s);
  });

  it.each([
    ["minutes 5", { minutes: 5 }, "minutes"],
    ['minutes "10"', { minutes: "10" }, "minutes"],
    ["an unknown field", { hours: 1 }, "hours"],
  ])("refuses %s (400) without writing anything", async (_what, body, field) => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    invalid(await api.post("/schedules/{id}/reminder/snooze", { params: { id: s.id }, body }), field);
    expect(await snoozeEvents(s.id)).toHaveLength(0);
    expect(await snoozedUntil(s.id)).toBeUndefined();
  });

  it("refuses a schedule that has started (409 ILLEGAL_TRANSITION)", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    await act(api, s.id, "start");
    expect(
      refused(await api.post("/schedules/{id}/reminder/snooze", { params: { id: s.id } }), 409, "ILLEGAL_TRANSITION")
        .details,
    ).toMatchObject({
      state: "IN_PROGRESS",
    });
    expect(await snoozeEvents(s.id)).toHaveLength(0);
  });

  it("snoozes once per Idempotency-Key: a double tap or a retry gets the first answer and writes one event", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    const snooze = (key: string, body?: unknown) =>
      api.post("/schedules/{id}/reminder/snooze", {
        params: { id: s.id },
        headers: { "Idempotency-Key": key },
        ...(body ? { body } : {}),
      });

    // a double tap: both at once
    const [a, b] = await Promise.all([snooze("tap-1"), snooze("tap-1")]);
    const first = ok(a, 200, SnoozeAnswer);
    expect(ok(b, 200, SnoozeAnswer)).toEqual(first);
    expect([a.headers.get("Idempotent-Replayed"), b.headers.get("Idempotent-Replayed")].sort()).toEqual(
      ["true", null].sort(),
    );
    // later, again: still the first snooze
    await new Promise((r) => setTimeout(r, 5));
    const later = await snooze("tap-1");
    expect(ok(later, 200, SnoozeAnswer)).toEqual(first);
    expect(later.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await snoozeEvents(s.id)).toHaveLength(1);
    expect(await snoozedUntil(s.id)).toBe(first.until);

    // another key is another snooze; the same key with another body is refused
    expect(ok(await snooze("tap-2"), 200, SnoozeAnswer).until).not.toBe(first.until);
    refused(await snooze("tap-1", { minutes: 60 }), 422, "IDEMPOTENCY_KEY_REUSED");
    expect(await snoozeEvents(s.id)).toHaveLength(2);
  });
});

describe("another member's schedule ids", () => {
  it("answer 404 NOT_FOUND on GET, PATCH, DELETE and snooze, and the owner's schedule is unchanged", async () => {
    const owner = await signedIn();
    const intruder = await signedIn();
    const task = await newTask(owner.api);
    const s = await newSchedule(owner.api, { taskId: task.id });
    const params = { id: s.id };
    refused(await intruder.api.get("/schedules/{id}", { params }), 404, "NOT_FOUND");
    refused(await intruder.api.patch("/schedules/{id}", { params, body: { title: "stolen" } }), 404, "NOT_FOUND");
    refused(await intruder.api.delete("/schedules/{id}", { params, query: { deleteTask: "true" } }), 404, "NOT_FOUND");
    refused(await intruder.api.post("/schedules/{id}/reminder/snooze", { params }), 404, "NOT_FOUND");
    expect(await db().outboxEvent.count({ where: { scheduleId: s.id, type: "schedule.snoozed" } })).toBe(0);
    expect(await getSchedule(owner.api, s.id)).toEqual(s);
    expect((await getTask(owner.api, task.id)).scheduleId).toBe(s.id);
  });

  it("an id that names nothing is 404 too", async () => {
    const { api } = await signedIn();
    const params = { id: unknownId() };
    refused(await api.get("/schedules/{id}", { params }), 404, "NOT_FOUND");
    refused(await api.patch("/schedules/{id}", { params, body: { title: "x" } }), 404, "NOT_FOUND");
    refused(await api.delete("/schedules/{id}", { params }), 404, "NOT_FOUND");
    refused(await api.post("/schedules/{id}/reminder/snooze", { params }), 404, "NOT_FOUND");
  });
});

describe("malformed schedule ids", () => {
  it.each(["nope", "42", "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1eX", "'; DROP TABLE schedules; --", "🎧", chars(5_000)])(
    "%# answers 400 VALIDATION naming id on every route (the contract's Id is a UUID)",
    async (id) => {
      const { api } = await signedIn();
      invalid(await api.get("/schedules/{id}", { params: { id } }), "id");
      invalid(await api.patch("/schedules/{id}", { params: { id }, body: { title: "x" } }), "id");
      invalid(await api.delete("/schedules/{id}", { params: { id } }), "id");
      invalid(await api.post("/schedules/{id}/reminder/snooze", { params: { id } }), "id");
      for (const action of ["start", "pause", "resume", "complete", "stop", "reset"]) {
        invalid(await api.post("/schedules/{id}/{action}", { params: { id, action } }), "id");
      }
    },
  );
});

// Requests that once showed app bugs (found by these tests, now fixed): each test states the right behaviour.
describe("requests that once showed bugs", () => {
  // Was a bug: instants the contract accepts (Instant takes any year 0000–9999 with any offset) but PostgreSQL cannot
  // store answer 500 INTERNAL instead of 400 VALIDATION (or 201):
  // POST /schedules {"title":"s","startAt":"0000-01-01T00:00:00Z","type":"DEEP_WORK"} → 500
  // POST /schedules {... "startAt":"0001-01-01T00:00:00+09:00"} (year 0 in UTC) → 500
  // POST /schedules {... "startAt":"9999-12-31T23:59:59-14:00"} (year 10000 in UTC) → 500
  it.each(["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+09:00", "9999-12-31T23:59:59-14:00"])(
    "POST /schedules with startAt %s is not a server error",
    async (startAt) => {
      const { api } = await signedIn();
      notAServerError(await api.post("/schedules", { body: { ...SCHEDULE_BODY, startAt } }));
    },
  );

  // Was a bug: the same through PATCH. PATCH /schedules/{id} {"startAt":"0000-06-01T00:00:00Z"} → 500
  it("PATCH /schedules/{id} with startAt in year 0000 is not a server error", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    notAServerError(
      await api.patch("/schedules/{id}", { params: { id: s.id }, body: { startAt: "0000-06-01T00:00:00Z" } }),
    );
  });

  // Was a bug: a day the contract accepts whose local midnight is before year 1 in UTC reaches the query:
  // GET /schedules?date=0001-01-01 (member in Asia/Seoul) → 500; ?date=0000-01-01 → 500
  it.each(["0001-01-01", "0000-01-01"])("GET /schedules?date=%s is not a server error", async (date) => {
    const { api } = await signedIn("Asia/Seoul");
    notAServerError(await api.get("/schedules", { query: { date } }));
  });

  // Was a bug: near year 10000 the range check compares a 5-digit year as text, so a one-day list is refused with
  // an error about a field that was not even sent:
  // GET /schedules?date=9999-12-31 → 400 {"fieldErrors":{"to":["must be at most 42 days after from, both included"]}}
  // GET /schedules?from=9999-12-30&to=9999-12-30 → 400 {"fieldErrors":{"to":["must be at most 42 days from from, ..."]}}
  it.each([{ date: "9999-12-31" }, { from: "9999-12-30", to: "9999-12-30" }])(
    "GET /schedules?%o (one day near year 9999) is answered, or refused about what was asked",
    async (query) => {
      const { api } = await signedIn("UTC");
      const answer = await api.get("/schedules", { query });
      if (answer.status === 200) {
        ok(answer, 200, ScheduleList);
      } else {
        const fieldErrors = invalid(answer);
        expect(Object.keys(fieldErrors).every((field) => Object.hasOwn(query, field))).toBe(true);
        expect(JSON.stringify(fieldErrors)).not.toMatch(/42 days/);
      }
    },
  );
});
