// The player store with fake server actions: the optimistic change and its rollback on a refusal, the retry
// that replays the same idempotency key after a lost answer, the switch prompt, and which schedule the mini
// player shows (the running one, else the one most recently paused).
import { describe, expect, it } from "vitest";
import { createPlayerStore, type ActionResult, type PlayerActions } from "@/lib/client/player-store";
import type { ActionError } from "@/lib/actions/result";
import { allowedActions, nextState, type ScheduleAction, type ScheduleState } from "@/lib/domain/schedule-transitions";
import type { ScheduleView } from "@/lib/services/views";

const NOW = "2026-11-20T03:00:00.000Z";

function view(id: string, state: ScheduleState, extra: Partial<ScheduleView> = {}): ScheduleView {
  return {
    id,
    title: `schedule ${id}`,
    description: "",
    startAt: NOW,
    plannedMinutes: 30,
    type: "DEEP_WORK",
    state,
    taskId: null,
    elapsedSeconds: state === "NOT_STARTED" ? 0 : 60,
    sessionStartedAt: state === "IN_PROGRESS" ? "2026-11-20T02:59:00.000Z" : null,
    allowedActions: allowedActions(state),
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}

type TransitionCall = Parameters<PlayerActions["transition"]>[0];

/** a fake server: answers each call from `answer`, records the calls; `answer` may throw (a lost request) */
function fakeServer(answer: (call: TransitionCall, n: number) => Promise<ActionResult<ScheduleView>>) {
  const calls: TransitionCall[] = [];
  const actions: PlayerActions = {
    transition: (call) => {
      calls.push(call);
      return answer(call, calls.length);
    },
    reschedule: async () => ({ serverError: refusal("ILLEGAL_TRANSITION") }),
  };
  return { calls, actions };
}

/** the server's answer when it applies `action` to `before` */
const applied = (before: ScheduleView, action: ScheduleAction): ActionResult<ScheduleView> => {
  const state = nextState(before.state, action)!;
  return {
    data: {
      ...before,
      state,
      allowedActions: allowedActions(state),
      sessionStartedAt: null,
      version: before.version + 1,
    },
  };
};

function refusal(code: string, details: Record<string, unknown> = {}): ActionError {
  return { code, message: code, fieldErrors: {}, details };
}

/** a promise and the function that settles it, to hold the server's answer back */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the player store", () => {
  it("shows the change at once, then the server's answer", async () => {
    const running = view("a", "IN_PROGRESS");
    const answer = deferred<ActionResult<ScheduleView>>();
    const { actions } = fakeServer(() => answer.promise);
    const store = createPlayerStore(actions);
    store.getState().hydrate({ serverNow: NOW, schedules: [running], current: running });

    const done = store.getState().transition("a", "pause");
    expect(store.getState().schedules.a?.state).toBe("PAUSED");
    expect(store.getState().pending.a).toBe(true);
    // a second click while the first is on its way does nothing
    expect(await store.getState().transition("a", "pause")).toBe(false);

    answer.resolve(applied(running, "pause"));
    expect(await done).toBe(true);
    expect(store.getState().schedules.a).toMatchObject({ state: "PAUSED", version: 2 });
    expect(store.getState().pending).toEqual({});
  });

  it("puts the previous state back when the server refuses, and says why", async () => {
    const running = view("a", "IN_PROGRESS");
    const { actions } = fakeServer(async () => ({
      serverError: refusal("ILLEGAL_TRANSITION", { state: "COMPLETED" }),
    }));
    const store = createPlayerStore(actions);
    store.getState().hydrate({ serverNow: NOW, schedules: [running], current: running });

    expect(await store.getState().transition("a", "pause")).toBe(false);
    expect(store.getState().schedules.a).toMatchObject({
      state: "IN_PROGRESS",
      version: 1,
      sessionStartedAt: running.sessionStartedAt,
    });
    expect(store.getState().currentId).toBe("a");
    expect(store.getState().pending).toEqual({});
    expect(store.getState().notice).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      scheduleId: "a",
      details: { state: "COMPLETED" },
    });
  });

  it("retries a lost request once with the same idempotency key, so the server can replay its first answer", async () => {
    const paused = view("a", "PAUSED");
    const { calls, actions } = fakeServer(async (_call, n) => {
      if (n === 1) throw new TypeError("Failed to fetch");
      return applied(paused, "resume");
    });
    const store = createPlayerStore(actions);
    store.getState().hydrate({ serverNow: NOW, schedules: [paused], current: paused });

    expect(await store.getState().transition("a", "resume")).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.getState().schedules.a?.state).toBe("IN_PROGRESS");
  });

  it("makes a new key for each click, and gives up after the retry with a network notice", async () => {
    const paused = view("a", "PAUSED");
    const { calls, actions } = fakeServer(async () => {
      throw new TypeError("Failed to fetch");
    });
    const store = createPlayerStore(actions);
    store.getState().hydrate({ serverNow: NOW, schedules: [paused], current: paused });

    expect(await store.getState().transition("a", "resume")).toBe(false);
    expect(await store.getState().transition("a", "resume")).toBe(false);
    expect(calls).toHaveLength(4);
    expect(calls[0]?.idempotencyKey).toBe(calls[1]?.idempotencyKey);
    expect(calls[2]?.idempotencyKey).not.toBe(calls[0]?.idempotencyKey);
    expect(store.getState().schedules.a?.state).toBe("PAUSED");
    expect(store.getState().notice?.code).toBe("NETWORK");
  });

  it("asks to switch when another schedule runs, and a switch pauses that one in the same step", async () => {
    const running = view("a", "IN_PROGRESS");
    const waiting = view("b", "NOT_STARTED");
    const { calls, actions } = fakeServer(async (call) =>
      call.switch
        ? applied(waiting, "start")
        : { serverError: refusal("ANOTHER_SCHEDULE_ACTIVE", { activeScheduleId: "a" }) },
    );
    const store = createPlayerStore(actions);
    store.getState().hydrate({ serverNow: NOW, schedules: [running, waiting], current: running });

    expect(await store.getState().transition("b", "start")).toBe(false);
    expect(store.getState().switchPrompt).toEqual({ scheduleId: "b", action: "start", runningId: "a" });
    expect(store.getState().schedules.b?.state).toBe("NOT_STARTED");
    expect(store.getState().currentId).toBe("a");

    const switching = store.getState().transition("b", "start", { switch: true });
    expect(store.getState().schedules.a?.state).toBe("PAUSED");
    expect(store.getState().currentId).toBe("b");
    expect(await switching).toBe(true);
    expect(calls.map((c) => c.switch)).toEqual([false, true]);
    expect(store.getState().switchPrompt).toBeNull();
  });
});

describe("which schedule the mini player shows", () => {
  const store = () =>
    createPlayerStore(fakeServer(async (call) => applied(view(call.id, "IN_PROGRESS"), "pause")).actions);

  it("is the one the server named, until something changes", () => {
    const s = store();
    const paused = view("p", "PAUSED");
    s.getState().hydrate({ serverNow: NOW, schedules: [view("x", "NOT_STARTED")], current: paused });
    expect(s.getState().currentId).toBe("p");
    // a page that does not say (current undefined) keeps it; one that says "none" clears it
    s.getState().hydrate({ serverNow: NOW, schedules: [] });
    expect(s.getState().currentId).toBe("p");
    s.getState().hydrate({ serverNow: NOW, current: null });
    expect(s.getState().currentId).toBeNull();
  });

  it("stays on a schedule just paused, and moves to one that starts", async () => {
    const answers: Record<string, ScheduleView> = {};
    const { actions } = fakeServer(async (call) => ({ data: answers[`${call.id} ${call.action}`]! }));
    const s = createPlayerStore(actions);
    const a = view("a", "IN_PROGRESS");
    const b = view("b", "NOT_STARTED");
    s.getState().hydrate({ serverNow: NOW, schedules: [a, b], current: a });

    answers["a pause"] = applied(a, "pause").data!;
    await s.getState().transition("a", "pause");
    expect(s.getState().currentId).toBe("a");

    answers["b start"] = applied(b, "start").data!;
    await s.getState().transition("b", "start");
    expect(s.getState().currentId).toBe("b");
  });

  it("leaves the choice to the server when the shown one stops and nothing runs", async () => {
    const s = store();
    const paused = view("p", "PAUSED");
    const other = view("q", "PAUSED");
    s.getState().hydrate({ serverNow: NOW, schedules: [paused, other], current: paused });
    const stopping = s.getState().transition("p", "stop");
    // which other paused schedule is the most recent only the server knows; the refresh brings it
    expect(s.getState().currentId).toBeNull();
    await stopping;
  });

  it("is not undone by an older render of the page", () => {
    const s = store();
    s.getState().hydrate({
      serverNow: NOW,
      schedules: [view("a", "PAUSED", { version: 3 })],
      current: view("a", "PAUSED", { version: 3 }),
    });
    s.getState().hydrate({ serverNow: NOW, schedules: [view("a", "IN_PROGRESS", { version: 2 })] });
    expect(s.getState().schedules.a).toMatchObject({ state: "PAUSED", version: 3 });
  });
});
