// The player's transition service against the real database: every cell of the table, time accounting,
// switch, prerequisites, linked tasks, refusals that write nothing, and idempotency keys.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  SCHEDULE_ACTIONS,
  TRANSITIONS,
  type ScheduleAction,
  type ScheduleState,
} from "@/lib/domain/schedule-transitions";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { getSchedule } from "@/lib/services/schedules/read-schedules";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { createTask } from "@/lib/services/tasks/create-task";
import { completeTask } from "@/lib/services/tasks/complete-task";
import { weekStatistics } from "@/lib/services/statistics/week-statistics";
import { at, createTestMember, outboxOf, refusal } from "../support/fixtures";

const T0 = at("2026-11-20T01:00:00.000Z"); // 10:00 in Seoul
const plus = (seconds: number, from = T0) => new Date(from.getTime() + seconds * 1000);

async function newSchedule(memberId: string, extra: { taskId?: string } = {}) {
  return createSchedule(memberId, { title: "Write the intro", startAt: T0, type: "DEEP_WORK", ...extra }, T0);
}

/** a path of actions from NOT_STARTED to each state */
const PATH_TO: Record<ScheduleState, ScheduleAction[]> = {
  NOT_STARTED: [],
  IN_PROGRESS: ["start"],
  PAUSED: ["start", "pause"],
  COMPLETED: ["start", "complete"],
};

describe("the transition table, cell by cell", () => {
  for (const [from, path] of Object.entries(PATH_TO) as [ScheduleState, ScheduleAction[]][]) {
    for (const action of SCHEDULE_ACTIONS) {
      const expected = TRANSITIONS[from][action];
      it(`${from} --${action}--> ${expected ?? "refused"}`, async () => {
        const member = await createTestMember();
        const s = await newSchedule(member.id);
        let t = 0;
        for (const step of path) await transitionSchedule(member.id, s.id, step, { now: plus((t += 10)) });
        const before = await getSchedule(member.id, s.id, plus(t));
        const eventsBefore = (await outboxOf(member.id)).length;

        if (expected) {
          const { schedule } = await transitionSchedule(member.id, s.id, action, { now: plus(t + 10) });
          expect(schedule.state).toBe(expected);
          expect(schedule.version).toBe(before.version + 1);
          const events = await outboxOf(member.id);
          expect(events.at(-1)?.type).toBe(
            `schedule.${{ start: "started", pause: "paused", resume: "resumed", complete: "completed", stop: "stopped", reset: "reset" }[action]}`,
          );
          if (expected === "NOT_STARTED") expect(schedule.elapsedSeconds).toBe(0);
        } else {
          const e = await refusal(transitionSchedule(member.id, s.id, action, { now: plus(t + 10) }));
          expect(e.code).toBe("ILLEGAL_TRANSITION");
          expect(e.details).toEqual({ state: from, allowedActions: Object.keys(TRANSITIONS[from]) });
          // nothing written
          expect(await getSchedule(member.id, s.id, plus(t))).toEqual(before);
          expect((await outboxOf(member.id)).length).toBe(eventsBefore);
        }
      });
    }
  }
});

describe("time accounting", () => {
  it("records whole seconds per session and counts completed time in the statistics", async () => {
    const member = await createTestMember();
    const s = await newSchedule(member.id);
    await transitionSchedule(member.id, s.id, "start", { now: T0 });
    const running = await getSchedule(member.id, s.id, plus(42.9));
    expect(running.elapsedSeconds).toBe(42);
    expect(running.sessionStartedAt).toBe(T0.toISOString());
    await transitionSchedule(member.id, s.id, "pause", { now: plus(90.5) });
    await transitionSchedule(member.id, s.id, "resume", { now: plus(100) });
    const { schedule } = await transitionSchedule(member.id, s.id, "complete", { now: plus(130.2) });
    expect(schedule.elapsedSeconds).toBe(90 + 30);
    expect(schedule.sessionStartedAt).toBeNull();

    const week = await weekStatistics(member.id, "2026-11-20");
    expect(week.totalSeconds).toBe(120);
    expect(week.byType).toEqual({ DEEP_WORK: 120, QUICK_TASK: 0, ADMIN_TASK: 0 });
    expect(week.completedCount).toBe(1);
    expect(week.days.find((d) => d.date === "2026-11-20")).toMatchObject({
      seconds: 120,
      completedCount: 1,
      goalSeconds: 240 * 60,
    });
  });

  it("splits a session at the member's local midnight and counts each part on its day", async () => {
    const member = await createTestMember({ timezone: "Asia/Seoul" });
    const s = await newSchedule(member.id);
    const beforeMidnight = at("2026-11-20T14:50:00.000Z"); // 23:50 in Seoul
    await transitionSchedule(member.id, s.id, "start", { now: beforeMidnight });
    await transitionSchedule(member.id, s.id, "complete", { now: plus(20 * 60, beforeMidnight) }); // 00:10 next day
    const sessions = await db().workSession.findMany({ where: { scheduleId: s.id }, orderBy: { startedAt: "asc" } });
    expect(
      sessions.map((x) => [x.day?.toISOString().slice(0, 10), x.startedAt.toISOString(), x.endedAt?.toISOString()]),
    ).toEqual([
      ["2026-11-20", "2026-11-20T14:50:00.000Z", "2026-11-20T15:00:00.000Z"],
      ["2026-11-21", "2026-11-20T15:00:00.000Z", "2026-11-20T15:10:00.000Z"],
    ]);
    const week = await weekStatistics(member.id, "2026-11-20");
    expect(week.days.find((d) => d.date === "2026-11-20")?.seconds).toBe(600);
    expect(week.days.find((d) => d.date === "2026-11-21")).toMatchObject({ seconds: 600, completedCount: 1 });
    expect(week.totalSeconds).toBe((await getSchedule(member.id, s.id)).elapsedSeconds);
  });

  it("stop discards the sessions; reset takes back exactly what completion added", async () => {
    const member = await createTestMember();
    const s = await newSchedule(member.id);
    await transitionSchedule(member.id, s.id, "start", { now: T0 });
    const stopped = await transitionSchedule(member.id, s.id, "stop", { now: plus(300) });
    expect(stopped.schedule).toMatchObject({ state: "NOT_STARTED", elapsedSeconds: 0, sessionStartedAt: null });
    expect(await db().workSession.count({ where: { scheduleId: s.id } })).toBe(0);

    await transitionSchedule(member.id, s.id, "start", { now: plus(400) });
    await transitionSchedule(member.id, s.id, "complete", { now: plus(460) });
    expect((await weekStatistics(member.id, "2026-11-20")).totalSeconds).toBe(60);
    const reset = await transitionSchedule(member.id, s.id, "reset", { now: plus(500) });
    expect(reset.schedule).toMatchObject({ state: "NOT_STARTED", elapsedSeconds: 0 });
    const week = await weekStatistics(member.id, "2026-11-20");
    expect(week.totalSeconds).toBe(0);
    expect(week.completedCount).toBe(0);
  });

  it("completing a schedule that never ran counts one completion and 0 s", async () => {
    const member = await createTestMember();
    const s = await newSchedule(member.id);
    const { schedule } = await transitionSchedule(member.id, s.id, "complete", { now: T0 });
    expect(schedule.elapsedSeconds).toBe(0);
    const week = await weekStatistics(member.id, "2026-11-20");
    expect(week).toMatchObject({ totalSeconds: 0, completedCount: 1 });
  });
});

describe("one running schedule per member", () => {
  it("refuses a second start with the running one's id, and switch pauses it in the same transaction", async () => {
    const member = await createTestMember();
    const a = await newSchedule(member.id);
    const b = await newSchedule(member.id);
    await transitionSchedule(member.id, a.id, "start", { now: T0 });
    const e = await refusal(transitionSchedule(member.id, b.id, "start", { now: plus(10) }));
    expect(e).toMatchObject({ code: "ANOTHER_SCHEDULE_ACTIVE", details: { activeScheduleId: a.id } });
    expect((await getSchedule(member.id, b.id)).state).toBe("NOT_STARTED");

    const { schedule } = await transitionSchedule(member.id, b.id, "start", { switch: true, now: plus(60) });
    expect(schedule.state).toBe("IN_PROGRESS");
    const paused = await getSchedule(member.id, a.id, plus(1000));
    expect(paused).toMatchObject({ state: "PAUSED", elapsedSeconds: 60, version: 3 });
    expect((await outboxOf(member.id)).slice(-2).map((x) => x.type)).toEqual(["schedule.paused", "schedule.started"]);

    // resuming the paused one is refused the same way, and switch works for resume too
    expect(await refusal(transitionSchedule(member.id, a.id, "resume", { now: plus(70) }))).toMatchObject({
      code: "ANOTHER_SCHEDULE_ACTIVE",
      details: { activeScheduleId: b.id },
    });
    await transitionSchedule(member.id, a.id, "resume", { switch: true, now: plus(80) });
    expect((await getSchedule(member.id, b.id)).state).toBe("PAUSED");
  });

  it("checks the table before the running one, and ignores switch elsewhere", async () => {
    const member = await createTestMember();
    const a = await newSchedule(member.id);
    await transitionSchedule(member.id, a.id, "start", { now: T0 });
    expect((await refusal(transitionSchedule(member.id, a.id, "start", { switch: true, now: plus(1) }))).code).toBe(
      "ILLEGAL_TRANSITION",
    );
    const { schedule } = await transitionSchedule(member.id, a.id, "pause", { switch: true, now: plus(2) });
    expect(schedule.state).toBe("PAUSED");
  });
});

describe("linked tasks and prerequisites", () => {
  it("refuses to start or complete while a prerequisite is open, listing it; table first", async () => {
    const member = await createTestMember();
    const before = await createTask(member.id, {
      title: "Research",
      deadline: "2026-12-01",
      importance: 5,
      difficulty: 3,
    });
    const task = await createTask(member.id, {
      title: "Write",
      deadline: "2026-12-02",
      importance: 5,
      difficulty: 5,
      previousTaskIds: [before.id],
    });
    const s = await newSchedule(member.id, { taskId: task.id });
    for (const action of ["start", "complete"] as const) {
      expect(await refusal(transitionSchedule(member.id, s.id, action, { now: T0 }))).toMatchObject({
        code: "PREREQUISITES_OPEN",
        details: { taskIds: [before.id] },
      });
    }
    expect(await refusal(transitionSchedule(member.id, s.id, "pause", { now: T0 }))).toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });

    await completeTask(member.id, before.id, T0);
    await transitionSchedule(member.id, s.id, "start", { now: T0 });
  });

  it("completing the schedule completes the task; reset reopens it", async () => {
    const member = await createTestMember();
    const task = await createTask(member.id, { title: "Write", deadline: "2026-12-02", importance: 5, difficulty: 5 });
    const s = await newSchedule(member.id, { taskId: task.id });
    await transitionSchedule(member.id, s.id, "start", { now: T0 });
    await transitionSchedule(member.id, s.id, "complete", { now: plus(30) });
    expect((await db().task.findUniqueOrThrow({ where: { id: task.id } })).completedAt).not.toBeNull();
    await transitionSchedule(member.id, s.id, "reset", { now: plus(40) });
    expect((await db().task.findUniqueOrThrow({ where: { id: task.id } })).completedAt).toBeNull();
    expect((await outboxOf(member.id)).map((e) => e.type)).toEqual([
      "schedule.created",
      "schedule.started",
      "schedule.completed",
      "task.completed",
      "schedule.reset",
      "task.reopened",
    ]);
  });
});

describe("isolation", () => {
  it("answers NOT_FOUND for another member's schedule and for an id that is not one, and writes nothing", async () => {
    const owner = await createTestMember();
    const other = await createTestMember();
    const s = await newSchedule(owner.id);
    expect((await refusal(transitionSchedule(other.id, s.id, "start"))).code).toBe("NOT_FOUND");
    expect((await refusal(transitionSchedule(other.id, "not-a-uuid", "start"))).code).toBe("NOT_FOUND");
    expect((await getSchedule(owner.id, s.id)).state).toBe("NOT_STARTED");
  });
});

describe("idempotency keys", () => {
  it("a repeat returns the first answer and changes nothing", async () => {
    const member = await createTestMember();
    const s = await newSchedule(member.id);
    const idempotency = { key: "click-1", fingerprint: "start:" + s.id };
    const first = await transitionSchedule(member.id, s.id, "start", { idempotency, now: T0 });
    const again = await transitionSchedule(member.id, s.id, "start", { idempotency, now: plus(50) });
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.schedule).toEqual(first.schedule);
    expect(await db().workSession.count({ where: { scheduleId: s.id } })).toBe(1);
    expect((await getSchedule(member.id, s.id)).version).toBe(2);
  });

  it("a stored refusal is replayed too, and the same key for another request is IDEMPOTENCY_KEY_REUSED", async () => {
    const member = await createTestMember();
    const s = await newSchedule(member.id);
    const idempotency = { key: "k-2", fingerprint: "pause:" + s.id };
    const first = await refusal(transitionSchedule(member.id, s.id, "pause", { idempotency }));
    expect(first).toMatchObject({ code: "ILLEGAL_TRANSITION", replayed: false });
    await transitionSchedule(member.id, s.id, "start", { now: T0 });
    // the schedule could be paused now, but the key's first answer was a refusal: it stays the answer
    const again = await refusal(transitionSchedule(member.id, s.id, "pause", { idempotency }));
    expect(again).toMatchObject({ code: "ILLEGAL_TRANSITION", replayed: true, details: first.details });
    expect((await getSchedule(member.id, s.id)).state).toBe("IN_PROGRESS");

    const reused = await refusal(
      transitionSchedule(member.id, s.id, "complete", { idempotency: { key: "k-2", fingerprint: "other" } }),
    );
    expect(reused.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await getSchedule(member.id, s.id)).state).toBe("IN_PROGRESS");
  });

  it("keys are scoped to the member", async () => {
    const a = await createTestMember();
    const b = await createTestMember();
    const sa = await newSchedule(a.id);
    const sb = await newSchedule(b.id);
    await transitionSchedule(a.id, sa.id, "start", { idempotency: { key: "same", fingerprint: "x" } });
    const { replayed } = await transitionSchedule(b.id, sb.id, "start", {
      idempotency: { key: "same", fingerprint: "x" },
    });
    expect(replayed).toBe(false);
  });
});
