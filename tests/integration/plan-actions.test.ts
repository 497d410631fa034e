// The server actions of "Plan my week" (app/(app)/plan/actions.ts) on a real database, with the session stubbed to
// a test member: the proposal names its tasks (the member's only), a goal's plan holds that goal's tasks only,
// another member's goal is NOT_FOUND, two accepts raced under one key create the schedules once and answer the
// same, a second accept with a new key is a CONFLICT naming each block, and a key reused for other blocks is refused.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { localDate, addDays } from "@/lib/domain/time";
import { createGoal } from "@/lib/services/goals/create-goal";
import { client, forgetMembers, newTask, testMember } from "./api/client";

const session = vi.hoisted(() => ({ memberId: null as string | null }));
vi.mock("@/lib/auth/current-member", () => ({ currentMemberId: async () => session.memberId }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { acceptPlanAction, proposePlanAction } = await import("@/app/(app)/plan/actions");

afterAll(forgetMembers);

const ZONE = "Asia/Seoul";
const ALL_DAY = Object.fromEntries(
  ["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, [{ start: "00:00", end: "24:00" }]]),
);

async function member() {
  const m = await testMember({ timezone: ZONE });
  await db().member.update({ where: { id: m.id }, data: { workingHours: ALL_DAY, bufferMinutes: 0 } });
  return { member: m, api: client(m) };
}

const week = () => {
  const from = localDate(new Date(), ZONE);
  return { from, to: addDays(from, 6) };
};

const schedulesOf = (memberId: string) => db().schedule.count({ where: { memberId } });

beforeEach(() => {
  session.memberId = null;
});

describe("plan actions", () => {
  it("refuse a signed-out caller, and do nothing", async () => {
    const answer = await proposePlanAction(week());
    expect(answer.serverError?.code).toBe("UNAUTHORIZED");
  });

  it("propose with the title and deadline of each task; a goal's plan holds its tasks only; another member's goal is NOT_FOUND", async () => {
    const m = await member();
    const other = await member();
    const goal = await createGoal(m.member.id, { title: "blog", description: "", targetDate: null });
    const otherGoal = await createGoal(other.member.id, { title: "theirs", description: "", targetDate: null });
    const a = await newTask(m.api, { title: "a", expectedMinutes: 30, goalId: goal.id });
    const b = await newTask(m.api, { title: "b", expectedMinutes: 30 });
    await newTask(other.api, { title: "not mine", expectedMinutes: 30 });
    session.memberId = m.member.id;

    const all = (await proposePlanAction(week())).data!;
    expect(all.placements.map((p) => p.taskId).sort()).toEqual([a.id, b.id].sort());
    expect(
      all.tasks
        .map((t) => ({ id: t.id, title: t.title, deadline: t.deadline }))
        .sort((x, y) => x.title.localeCompare(y.title)),
    ).toEqual([
      { id: a.id, title: "a", deadline: "2099-12-31" },
      { id: b.id, title: "b", deadline: "2099-12-31" },
    ]);

    // the capacity line: a new 60-minute task lands clear of every proposed block
    expect(all.newTask.minutes).toBe(60);
    const landing = new Date(all.newTask.startAt!).getTime();
    for (const p of all.placements) {
      const start = new Date(p.startAt).getTime();
      expect(landing + 60 * 60_000 <= start || start + p.plannedMinutes * 60_000 <= landing).toBe(true);
    }
    expect(landing).toBeGreaterThanOrEqual(Date.now() - 60_000);

    const ofGoal = (await proposePlanAction({ ...week(), goalId: goal.id })).data!;
    expect(ofGoal.placements.map((p) => p.taskId)).toEqual([a.id]);
    expect(ofGoal.tasks.map((t) => t.id)).toEqual([a.id]);

    const theirs = await proposePlanAction({ ...week(), goalId: otherGoal.id });
    expect(theirs.serverError?.code).toBe("NOT_FOUND");
  });

  it("accept raced twice under one key: the schedules exist once and both get the same answer; a new key is CONFLICT", async () => {
    const m = await member();
    const a = await newTask(m.api, { title: "a", expectedMinutes: 60 });
    const b = await newTask(m.api, { title: "b", expectedMinutes: 30 });
    session.memberId = m.member.id;
    const plan = (await proposePlanAction(week())).data!;
    expect(plan.placements).toHaveLength(2);

    const placements = plan.placements.map(({ taskId, startAt, plannedMinutes, type }) => ({
      taskId,
      startAt,
      plannedMinutes,
      type,
    }));
    const send = (idempotencyKey: string) => acceptPlanAction({ placements, idempotencyKey });
    const [x, y] = await Promise.all([send("sheet-1"), send("sheet-1")]);
    expect(x.serverError).toBeUndefined();
    expect(x.data).toEqual(y.data);
    expect(x.data!.schedules.map((s) => s.taskId).sort()).toEqual([a.id, b.id].sort());
    expect(await schedulesOf(m.member.id)).toBe(2);

    // the same blocks again under a new key (another proposal's): refused whole, each block named
    const again = await send("sheet-2");
    expect(again.serverError?.code).toBe("CONFLICT");
    expect(again.serverError?.details.placements).toEqual(
      placements.map((p) => ({ taskId: p.taskId, reason: "TASK_SCHEDULED" })),
    );
    expect(await schedulesOf(m.member.id)).toBe(2);
  });

  it("refuse a key reused for other blocks (a drop after a send makes a new key in the sheet)", async () => {
    const m = await member();
    await newTask(m.api, { title: "a", expectedMinutes: 30 });
    await newTask(m.api, { title: "b", expectedMinutes: 30 });
    session.memberId = m.member.id;
    const plan = (await proposePlanAction(week())).data!;
    const [first, second] = plan.placements;
    expect((await acceptPlanAction({ placements: [first!], idempotencyKey: "k" })).data?.schedules).toHaveLength(1);
    const reused = await acceptPlanAction({ placements: [second!], idempotencyKey: "k" });
    expect(reused.serverError?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await schedulesOf(m.member.id)).toBe(1);
  });
});
