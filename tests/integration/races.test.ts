// Concurrency is part of correctness: two tabs, a double click or a retried request leave exactly one effect.
// Each test fires its requests together (on PostgreSQL they run on separate connections at once) and asserts
// exactly one winner and a consistent database afterwards.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { getSchedule } from "@/lib/services/schedules/read-schedules";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { createTask } from "@/lib/services/tasks/create-task";
import { updateTask } from "@/lib/services/tasks/update-task";
import { createTestMember, outboxOf } from "../support/fixtures";

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => (r.reason as { code?: string }).code ?? String(r.reason));

async function schedule(memberId: string) {
  return createSchedule(memberId, { title: "race", startAt: new Date(), type: "QUICK_TASK" });
}

describe("races", () => {
  it("10 concurrent starts of one schedule: exactly one succeeds", async () => {
    const member = await createTestMember();
    const s = await schedule(member.id);
    const results = await settle(Array.from({ length: 10 }, () => transitionSchedule(member.id, s.id, "start")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(codes(results)).toEqual(Array(9).fill("ILLEGAL_TRANSITION"));
    expect(await db().workSession.count({ where: { scheduleId: s.id } })).toBe(1);
    expect((await getSchedule(member.id, s.id)).version).toBe(2);
    expect((await outboxOf(member.id)).filter((e) => e.type === "schedule.started")).toHaveLength(1);
  });

  it("two schedules of one member started at once: exactly one is running", async () => {
    const member = await createTestMember();
    const schedules = await Promise.all(Array.from({ length: 5 }, () => schedule(member.id)));
    const results = await settle(schedules.map((s) => transitionSchedule(member.id, s.id, "start")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(codes(results)).toEqual(Array(4).fill("ANOTHER_SCHEDULE_ACTIVE"));
    expect(await db().schedule.count({ where: { memberId: member.id, state: "IN_PROGRESS" } })).toBe(1);
    expect(await db().workSession.count({ where: { memberId: member.id, endedAt: null } })).toBe(1);
  });

  it("concurrent switches still leave exactly one running schedule and one open session", async () => {
    const member = await createTestMember();
    const schedules = await Promise.all(Array.from({ length: 6 }, () => schedule(member.id)));
    const results = await settle(schedules.map((s) => transitionSchedule(member.id, s.id, "start", { switch: true })));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await db().schedule.count({ where: { memberId: member.id, state: "IN_PROGRESS" } })).toBe(1);
    expect(await db().schedule.count({ where: { memberId: member.id, state: "PAUSED" } })).toBe(5);
    expect(await db().workSession.count({ where: { memberId: member.id, endedAt: null } })).toBe(1);
  });

  it("the same idempotency key 10 times at once: one effect, ten equal answers", async () => {
    const member = await createTestMember();
    const s = await schedule(member.id);
    const idempotency = { key: "double-click", fingerprint: `start ${s.id}` };
    const results = await settle(
      Array.from({ length: 10 }, () => transitionSchedule(member.id, s.id, "start", { idempotency })),
    );
    const answers = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    expect(answers.every((a) => a !== null)).toBe(true);
    expect(answers.filter((a) => a!.replayed === false)).toHaveLength(1);
    for (const a of answers) expect(a!.schedule).toEqual(answers[0]!.schedule);
    expect(await db().workSession.count({ where: { scheduleId: s.id } })).toBe(1);
    expect((await getSchedule(member.id, s.id)).version).toBe(2);
  });

  it("two dependency changes that would together close a cycle: exactly one is applied", async () => {
    const member = await createTestMember();
    const task = (title: string) =>
      createTask(member.id, { title, deadline: "2026-12-01", importance: 5, difficulty: 1 });
    const [a, b] = [await task("a"), await task("b")];
    const results = await settle([
      updateTask(member.id, b.id, { addPreviousTaskIds: [a.id] }),
      updateTask(member.id, a.id, { addPreviousTaskIds: [b.id] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(codes(results)).toEqual(["DEPENDENCY_CYCLE"]);
    expect(await db().taskDependency.count({ where: { memberId: member.id } })).toBe(1);
  });
});
