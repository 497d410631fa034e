// POST /api/v1/schedules/{id}/{action} through the real route handler: domain.md's transition table cell by
// cell, elapsed time, switch, the order of refusals, bodies, Idempotency-Key (replay, reuse, concurrency),
// and other members' ids.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ScheduleView } from "@/lib/contracts/schedule";
import { TaskView } from "@/lib/contracts/task";
import { outboxOf } from "../../support/fixtures";
import {
  act,
  chars,
  forgetMembers,
  getSchedule,
  getTask,
  invalid,
  newSchedule,
  newTask,
  ok,
  refused,
  unknownId,
  type Answer,
  type CallOptions,
  type Client,
  signedIn,
} from "./client";

afterAll(forgetMembers);

const transition = (api: Client, id: string, action: string, options: CallOptions = {}) =>
  api.post("/schedules/{id}/{action}", { ...options, params: { id, action } });

const REPLAYED = "Idempotent-Replayed";
const key = (k: string) => ({ headers: { "Idempotency-Key": k } });

/** freezes `new Date()` (only Date: timers and I/O run as usual) */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
  return {
    at: (isoLater: string) => vi.setSystemTime(new Date(isoLater)),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

type State = "NOT_STARTED" | "IN_PROGRESS" | "PAUSED" | "COMPLETED";
const ACTIONS = ["start", "pause", "resume", "complete", "stop", "reset"] as const;

// domain.md's table, written out again here on purpose (not imported from the code under test)
const TABLE: Record<State, Partial<Record<(typeof ACTIONS)[number], State>>> = {
  NOT_STARTED: { start: "IN_PROGRESS", complete: "COMPLETED" },
  IN_PROGRESS: { pause: "PAUSED", complete: "COMPLETED", stop: "NOT_STARTED" },
  PAUSED: { resume: "IN_PROGRESS", complete: "COMPLETED", stop: "NOT_STARTED" },
  COMPLETED: { reset: "NOT_STARTED" },
};
const PATH_TO: Record<State, string[]> = {
  NOT_STARTED: [],
  IN_PROGRESS: ["start"],
  PAUSED: ["start", "pause"],
  COMPLETED: ["complete"],
};

async function scheduleIn(api: Client, state: State): Promise<ScheduleView> {
  let s = await newSchedule(api);
  for (const action of PATH_TO[state]) s = await act(api, s.id, action);
  expect(s.state).toBe(state);
  return s;
}

describe("the transition table", () => {
  const cells = (Object.keys(TABLE) as State[]).flatMap((from) =>
    ACTIONS.map((action) => [from, action, TABLE[from][action] ?? null] as const),
  );

  it.each(cells)("%s + %s → %s", async (from, action, to) => {
    const { api } = await signedIn();
    const s = await scheduleIn(api, from);
    const answer = await transition(api, s.id, action);
    if (to === null) {
      const error = refused(answer, 409, "ILLEGAL_TRANSITION");
      expect(error.details).toMatchObject({ state: from, allowedActions: ACTIONS.filter((a) => TABLE[from][a]) });
      const after = await getSchedule(api, s.id);
      expect({ ...after, elapsedSeconds: 0 }).toEqual({ ...s, elapsedSeconds: 0 });
    } else {
      const next = ok(answer, 200, ScheduleView);
      expect(next).toMatchObject({
        id: s.id,
        state: to,
        version: s.version + 1,
        allowedActions: ACTIONS.filter((a) => TABLE[to][a]),
      });
      expect(next.sessionStartedAt === null).toBe(to !== "IN_PROGRESS");
      expect((await getSchedule(api, s.id)).state).toBe(to);
    }
  });
});

describe("elapsed time", () => {
  it("counts whole seconds of closed sessions plus the open one; stop and reset discard them", async () => {
    const clock = clockAt("2026-11-18T01:00:00.000Z");
    const { api } = await signedIn();
    const s = await newSchedule(api);
    const started = await act(api, s.id, "start");
    expect(started).toMatchObject({ elapsedSeconds: 0, sessionStartedAt: "2026-11-18T01:00:00.000Z" });
    clock.at("2026-11-18T01:00:05.900Z");
    expect(await getSchedule(api, s.id)).toMatchObject({
      elapsedSeconds: 5,
      sessionStartedAt: "2026-11-18T01:00:00.000Z",
    });
    clock.at("2026-11-18T01:00:07.500Z");
    expect(await act(api, s.id, "pause")).toMatchObject({ state: "PAUSED", elapsedSeconds: 7, sessionStartedAt: null });
    clock.at("2026-11-18T01:00:10.000Z");
    await act(api, s.id, "resume");
    clock.at("2026-11-18T01:00:12.999Z");
    expect((await getSchedule(api, s.id)).elapsedSeconds).toBe(9);
    clock.at("2026-11-18T01:00:13.400Z");
    expect(await act(api, s.id, "complete")).toMatchObject({
      state: "COMPLETED",
      elapsedSeconds: 10,
      sessionStartedAt: null,
    });
    expect(await act(api, s.id, "reset")).toMatchObject({ state: "NOT_STARTED", elapsedSeconds: 0 });

    await act(api, s.id, "start");
    clock.at("2026-11-18T01:01:00.000Z");
    expect((await getSchedule(api, s.id)).elapsedSeconds).toBe(46); // 01:00:13.400 → 01:01:00
    expect(await act(api, s.id, "stop")).toMatchObject({
      state: "NOT_STARTED",
      elapsedSeconds: 0,
      sessionStartedAt: null,
    });
  });
});

describe("one running schedule, and switch", () => {
  it("refuses a second start with 409 ANOTHER_SCHEDULE_ACTIVE naming the running one; switch pauses it instead", async () => {
    const { api } = await signedIn();
    const a = await act(api, (await newSchedule(api, { title: "a" })).id, "start");
    const b = await newSchedule(api, { title: "b" });
    const error = refused(await transition(api, b.id, "start"), 409, "ANOTHER_SCHEDULE_ACTIVE");
    expect(error.details).toMatchObject({ activeScheduleId: a.id });
    expect(await getSchedule(api, b.id)).toEqual(b);
    expect((await getSchedule(api, a.id)).version).toBe(a.version);

    const switched = ok(await transition(api, b.id, "start", { body: { switch: true } }), 200, ScheduleView);
    expect(switched).toMatchObject({ state: "IN_PROGRESS", version: 2 });
    expect(await getSchedule(api, a.id)).toMatchObject({
      state: "PAUSED",
      version: a.version + 1,
      sessionStartedAt: null,
    });

    // resume of the paused one: refused, then switched back
    expect(refused(await transition(api, a.id, "resume"), 409, "ANOTHER_SCHEDULE_ACTIVE").details).toMatchObject({
      activeScheduleId: b.id,
    });
    ok(await transition(api, a.id, "resume", { body: { switch: true } }), 200, ScheduleView);
    expect((await getSchedule(api, b.id)).state).toBe("PAUSED");
    expect((await getSchedule(api, a.id)).state).toBe("IN_PROGRESS");
  });

  it("checks the table first: starting the running schedule is ILLEGAL_TRANSITION, with or without switch", async () => {
    const { api } = await signedIn();
    const a = await act(api, (await newSchedule(api)).id, "start");
    for (const body of [undefined, { switch: true }]) {
      expect(refused(await transition(api, a.id, "start", { body }), 409, "ILLEGAL_TRANSITION").details).toMatchObject({
        state: "IN_PROGRESS",
        allowedActions: ["pause", "complete", "stop"],
      });
    }
    expect((await getSchedule(api, a.id)).version).toBe(a.version);
  });

  it("ignores switch where it does not matter", async () => {
    const { api } = await signedIn();
    const paused = await act(api, (await act(api, (await newSchedule(api, { title: "p" })).id, "start")).id, "pause");
    const running = await act(api, (await newSchedule(api, { title: "r" })).id, "start");
    const fresh = await newSchedule(api, { title: "f" });

    // complete and stop of another schedule while one runs: switch true changes nothing about the running one
    expect((await act(api, paused.id, "complete", { body: { switch: true } })).state).toBe("COMPLETED");
    expect(await act(api, paused.id, "reset", { body: { switch: true } })).toMatchObject({ state: "NOT_STARTED" });
    expect(await act(api, fresh.id, "complete", { body: { switch: false } })).toMatchObject({ state: "COMPLETED" });
    const stillRunning = await getSchedule(api, running.id);
    expect(stillRunning).toMatchObject({ state: "IN_PROGRESS", version: running.version });
    expect(await act(api, running.id, "pause", { body: { switch: true } })).toMatchObject({
      state: "PAUSED",
      version: running.version + 1,
    });
    // with nothing running, start with switch simply starts
    expect(await act(api, paused.id, "start", { body: { switch: true } })).toMatchObject({ state: "IN_PROGRESS" });
    expect((await getSchedule(api, running.id)).state).toBe("PAUSED");
  });
});

describe("prerequisites and the order of refusals", () => {
  it("ILLEGAL_TRANSITION, then PREREQUISITES_OPEN, then ANOTHER_SCHEDULE_ACTIVE", async () => {
    const { api } = await signedIn();
    const first = await newTask(api, { title: "first" });
    const task = await newTask(api, { title: "then", previousTaskIds: [first.id] });
    const linked = await newSchedule(api, { taskId: task.id });
    const running = await act(api, (await newSchedule(api, { title: "running" })).id, "start");

    expect(refused(await transition(api, linked.id, "pause"), 409, "ILLEGAL_TRANSITION").details).toMatchObject({
      state: "NOT_STARTED",
    });
    for (const action of ["start", "complete"]) {
      expect(refused(await transition(api, linked.id, action), 409, "PREREQUISITES_OPEN").details).toEqual({
        taskIds: [first.id],
      });
    }
    expect(
      refused(await transition(api, linked.id, "start", { body: { switch: true } }), 409, "PREREQUISITES_OPEN").details,
    ).toEqual({
      taskIds: [first.id],
    });
    expect(await getSchedule(api, linked.id)).toEqual(linked);
    expect((await getSchedule(api, running.id)).state).toBe("IN_PROGRESS");

    ok(await api.post("/tasks/{id}/complete", { params: { id: first.id } }), 200, TaskView);
    expect(refused(await transition(api, linked.id, "start"), 409, "ANOTHER_SCHEDULE_ACTIVE").details).toEqual({
      activeScheduleId: running.id,
    });
    expect((await act(api, linked.id, "start", { body: { switch: true } })).state).toBe("IN_PROGRESS");
  });

  it("completing a linked schedule completes its task; reset reopens it", async () => {
    const { api } = await signedIn();
    const task = await newTask(api);
    const s = await newSchedule(api, { taskId: task.id });
    await act(api, s.id, "start");
    await act(api, s.id, "complete");
    expect(await getTask(api, task.id)).toMatchObject({ completed: true, version: task.version + 1 });
    await act(api, s.id, "reset");
    expect((await getTask(api, task.id)).completed).toBe(false);
  });
});

describe("bodies and path", () => {
  it.each([
    ["no body", {}],
    ["an empty body", { raw: "" }],
    ["white space", { raw: " \n" }],
    ["{}", { body: {} }],
    ['{"switch":false}', { body: { switch: false } }],
    ["{} as application/merge-patch+json", { raw: "{}", headers: { "content-type": "application/merge-patch+json" } }],
  ] as [string, CallOptions][])("accepts %s", async (_what, options) => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    expect((await act(api, s.id, "start", options)).state).toBe("IN_PROGRESS");
  });

  it.each([
    ['{"switch":"yes"}', { body: { switch: "yes" } }, "switch"],
    ['{"switch":1}', { body: { switch: 1 } }, "switch"],
    ['{"switch":null}', { body: { switch: null } }, "switch"],
    ["an unknown field", { body: { force: true } }, "force"],
    ["a JSON array", { raw: "[]" }, "_"],
    ["a JSON string", { raw: '"start"' }, "_"],
    ["a JSON number", { raw: "1" }, "_"],
    ["null", { raw: "null" }, "_"],
    ["malformed JSON", { raw: "{switch:true" }, "_"],
    ["text/plain", { raw: "{}", headers: { "content-type": "text/plain" } }, "Content-Type"],
  ] as [string, CallOptions, string][])("refuses %s (400) and changes nothing", async (_what, options, field) => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    invalid(await transition(api, s.id, "start", options), field);
    expect(await getSchedule(api, s.id)).toEqual(s);
  });

  it.each(["jump", "START", "Start ", "", "start/../reset", "constructor", "__proto__"])(
    "refuses the action %j (400 naming action)",
    async (action) => {
      const { api } = await signedIn();
      const s = await newSchedule(api);
      invalid(await transition(api, s.id, action), "action");
      expect(await getSchedule(api, s.id)).toEqual(s);
    },
  );
});

describe("Idempotency-Key", () => {
  it("a repeat answers the first answer again with Idempotent-Replayed: true, and has one effect", async () => {
    const { api, member } = await signedIn();
    const s = await newSchedule(api);
    const first = await transition(api, s.id, "start", key("start-1"));
    const firstView = ok(first, 200, ScheduleView);
    expect(first.headers.get(REPLAYED)).toBeNull();
    for (let i = 0; i < 2; i++) {
      const again = await transition(api, s.id, "start", key("start-1"));
      expect(ok(again, 200, ScheduleView)).toEqual(firstView);
      expect(again.headers.get(REPLAYED)).toBe("true");
    }
    // no body and {} are the same request
    const withEmptyObject = await transition(api, s.id, "start", { ...key("start-1"), body: {} });
    expect(withEmptyObject.headers.get(REPLAYED)).toBe("true");
    expect(withEmptyObject.json).toEqual(first.json);

    expect((await getSchedule(api, s.id)).version).toBe(2);
    expect((await outboxOf(member.id)).filter((e) => e.type === "schedule.started")).toHaveLength(1);
  });

  it("the same key with another body, action or schedule is 422 IDEMPOTENCY_KEY_REUSED and changes nothing", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    const other = await newSchedule(api);
    ok(await transition(api, s.id, "start", key("k")), 200, ScheduleView);
    const before = [await getSchedule(api, s.id), await getSchedule(api, other.id)];
    const reuses: Answer[] = [
      await transition(api, s.id, "start", { ...key("k"), body: { switch: true } }),
      await transition(api, s.id, "pause", key("k")),
      await transition(api, other.id, "start", key("k")),
      await transition(api, other.id, "complete", key("k")),
    ];
    for (const answer of reuses) {
      const error = refused(answer, 422, "IDEMPOTENCY_KEY_REUSED");
      expect(Object.keys(error.details?.fieldErrors ?? {})).toEqual(["Idempotency-Key"]);
    }
    expect([await getSchedule(api, s.id), await getSchedule(api, other.id)]).toEqual(before);
  });

  it("a refusal is stored too: its repeat answers the same refusal, with the header, even when it would now succeed", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    const first = await transition(api, s.id, "pause", key("pause-early"));
    const error = refused(first, 409, "ILLEGAL_TRANSITION");
    expect(first.headers.get(REPLAYED)).toBeNull();
    await act(api, s.id, "start"); // pause would be allowed now
    const again = await transition(api, s.id, "pause", key("pause-early"));
    expect(refused(again, 409, "ILLEGAL_TRANSITION")).toEqual(error);
    expect(again.headers.get(REPLAYED)).toBe("true");
    expect((await getSchedule(api, s.id)).state).toBe("IN_PROGRESS");
  });

  it("10 concurrent starts with one key: one effect, ten identical answers, nine marked as replays", async () => {
    const { api, member } = await signedIn();
    const s = await newSchedule(api);
    const answers = await Promise.all(Array.from({ length: 10 }, () => transition(api, s.id, "start", key("burst"))));
    const views = answers.map((a) => ok(a, 200, ScheduleView));
    for (const view of views) expect(view).toEqual(views[0]);
    expect(answers.filter((a) => a.headers.get(REPLAYED) === "true")).toHaveLength(9);
    expect(await getSchedule(api, s.id)).toMatchObject({ state: "IN_PROGRESS", version: 2 });
    expect((await outboxOf(member.id)).filter((e) => e.type === "schedule.started")).toHaveLength(1);
  });

  it("two concurrent starts without a key: one success and one refusal", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    const answers = await Promise.all([transition(api, s.id, "start"), transition(api, s.id, "start")]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409) as Answer;
    expect(refused(loser, 409, "ILLEGAL_TRANSITION").details).toMatchObject({ state: "IN_PROGRESS" });
    expect((await getSchedule(api, s.id)).version).toBe(2);
  });

  it("keys are scoped to the member", async () => {
    const one = await signedIn();
    const two = await signedIn();
    const s1 = await newSchedule(one.api);
    const s2 = await newSchedule(two.api);
    ok(await transition(one.api, s1.id, "start", key("shared")), 200, ScheduleView);
    const theirs = await transition(two.api, s2.id, "start", key("shared"));
    expect(ok(theirs, 200, ScheduleView).id).toBe(s2.id);
    expect(theirs.headers.get(REPLAYED)).toBeNull();
  });

  it.each([
    ["255 characters", chars(255), true],
    ["printable ASCII with spaces and symbols", "a b~!@#$%^&*()_+{}|:<>?", true],
    ["256 characters", chars(256), false],
    ["a non-ASCII character", "clé", false],
    ["a DEL character", "a\u007Fb", false],
    ["an empty value", "", false],
  ])("a key of %s is %s", async (_what, value, accepted) => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    const answer = await transition(api, s.id, "start", key(value));
    if (accepted) {
      expect(ok(answer, 200, ScheduleView).state).toBe("IN_PROGRESS");
    } else {
      invalid(answer, "Idempotency-Key");
      expect(await getSchedule(api, s.id)).toEqual(s);
    }
  });
});

describe("another member's schedule ids", () => {
  it("answer 404 NOT_FOUND for every action, with or without a key, and the owner's schedules are unchanged", async () => {
    clockAt("2026-11-18T01:00:00.000Z");
    const owner = await signedIn();
    const intruder = await signedIn();
    const fresh = await scheduleIn(owner.api, "NOT_STARTED");
    const paused = await scheduleIn(owner.api, "PAUSED");
    const completed = await scheduleIn(owner.api, "COMPLETED");
    const running = await scheduleIn(owner.api, "IN_PROGRESS");
    const all = [fresh, paused, completed, running];
    const before = await Promise.all(all.map((s) => getSchedule(owner.api, s.id)));

    // each action aimed at a schedule whose state would allow it for its owner
    const attempts: [ScheduleView, string][] = [
      [fresh, "start"],
      [fresh, "complete"],
      [running, "pause"],
      [running, "stop"],
      [running, "complete"],
      [paused, "resume"],
      [paused, "stop"],
      [completed, "reset"],
    ];
    for (const [s, action] of attempts) {
      refused(await transition(intruder.api, s.id, action), 404, "NOT_FOUND");
      refused(
        await transition(intruder.api, s.id, action, { body: { switch: true }, ...key(`${s.id}:${action}`) }),
        404,
        "NOT_FOUND",
      );
    }
    expect(await Promise.all(all.map((s) => getSchedule(owner.api, s.id)))).toEqual(before);
  });

  it("an id that names nothing is 404 for every action", async () => {
    const { api } = await signedIn();
    for (const action of ACTIONS) refused(await transition(api, unknownId(), action), 404, "NOT_FOUND");
  });
});
