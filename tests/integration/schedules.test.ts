// Schedule edits, deletes and day lists against the real database.
import { describe, expect, it } from "vitest";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { deleteSchedule } from "@/lib/services/schedules/delete-schedule";
import { currentSchedule, getSchedule, listSchedules } from "@/lib/services/schedules/read-schedules";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { updateSchedule } from "@/lib/services/schedules/update-schedule";
import { weekStatistics } from "@/lib/services/statistics/week-statistics";
import { reopenTask } from "@/lib/services/tasks/complete-task";
import { createTask } from "@/lib/services/tasks/create-task";
import { getTask } from "@/lib/services/tasks/read-tasks";
import { scheduleTask } from "@/lib/services/tasks/schedule-task";
import { db } from "@/lib/db/client";
import { at, createTestMember, outboxOf, refusal } from "../support/fixtures";

const NOW = at("2026-11-20T03:00:00.000Z");
const make = (memberId: string, startAt = NOW, title = "s") =>
  createSchedule(memberId, { title, startAt, type: "QUICK_TASK" }, NOW);

describe("editing", () => {
  it("is allowed only while NOT_STARTED; a new start time emits schedule.rescheduled; versions count writes", async () => {
    const m = await createTestMember();
    const s = await make(m.id);
    const renamed = await updateSchedule(m.id, s.id, { title: "renamed", version: 1 });
    expect(renamed).toMatchObject({ title: "renamed", version: 2 });
    expect((await outboxOf(m.id)).map((e) => e.type)).toEqual(["schedule.created"]);
    await updateSchedule(m.id, s.id, { startAt: at("2026-11-21T03:00:00.000Z") });
    expect((await outboxOf(m.id)).map((e) => e.type)).toEqual(["schedule.created", "schedule.rescheduled"]);
    expect((await refusal(updateSchedule(m.id, s.id, { title: "stale", version: 2 }))).code).toBe("CONFLICT");

    await transitionSchedule(m.id, s.id, "start");
    expect(await refusal(updateSchedule(m.id, s.id, { title: "late" }))).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      details: { state: "IN_PROGRESS" },
    });
    expect((await getSchedule(m.id, s.id)).title).toBe("renamed");
  });
});

describe("deleting", () => {
  it("is refused while running or paused; a completed schedule leaves the calendar but keeps its recorded time", async () => {
    const m = await createTestMember();
    const s = await make(m.id);
    await transitionSchedule(m.id, s.id, "start", { now: NOW });
    expect((await refusal(deleteSchedule(m.id, s.id))).code).toBe("ILLEGAL_TRANSITION");
    await transitionSchedule(m.id, s.id, "pause", { now: new Date(NOW.getTime() + 5000) });
    expect((await refusal(deleteSchedule(m.id, s.id))).code).toBe("ILLEGAL_TRANSITION");
    await transitionSchedule(m.id, s.id, "complete", { now: new Date(NOW.getTime() + 6000) });
    expect((await weekStatistics(m.id, "2026-11-20")).totalSeconds).toBe(5);
    await deleteSchedule(m.id, s.id, {}, NOW);
    // tidying the calendar never erases history: only stop and reset take recorded time back
    expect(await weekStatistics(m.id, "2026-11-20")).toMatchObject({ totalSeconds: 5, completedCount: 1 });
    expect((await outboxOf(m.id)).at(-1)?.type).toBe("schedule.deleted");
    expect((await refusal(getSchedule(m.id, s.id))).code).toBe("NOT_FOUND");
    expect(await listSchedules(m.id, { from: "2026-11-20", to: "2026-11-20" })).toEqual([]);
    // gone for every write too, and a second delete is NOT_FOUND
    expect((await refusal(transitionSchedule(m.id, s.id, "reset"))).code).toBe("NOT_FOUND");
    expect((await refusal(updateSchedule(m.id, s.id, { title: "x" }))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteSchedule(m.id, s.id))).code).toBe("NOT_FOUND");
    expect(await db().workSession.count({ where: { scheduleId: s.id } })).toBe(1);
  });

  it("a deleted completed schedule releases its task, which can be scheduled again; its time stays with the task", async () => {
    const m = await createTestMember();
    const task = await createTask(m.id, { title: "t", deadline: "2026-12-31", importance: 5, difficulty: 3 });
    const s = await createSchedule(m.id, { title: "t", startAt: NOW, type: "DEEP_WORK", taskId: task.id }, NOW);
    await transitionSchedule(m.id, s.id, "start", { now: NOW });
    await transitionSchedule(m.id, s.id, "complete", { now: new Date(NOW.getTime() + 7000) });
    await deleteSchedule(m.id, s.id, {}, NOW);
    expect((await getTask(m.id, task.id)).scheduleId).toBeNull();
    expect(
      await db().schedule.findUnique({
        where: { id: s.id },
        select: { taskId: true, formerTaskId: true, state: true },
      }),
    ).toEqual({
      taskId: null,
      formerTaskId: task.id,
      state: "COMPLETED",
    });
    await reopenTask(m.id, task.id);
    const again = await scheduleTask(m.id, task.id, { startAt: NOW, type: "DEEP_WORK" }, NOW);
    expect((await getTask(m.id, task.id)).scheduleId).toBe(again.id);
    expect((await weekStatistics(m.id, "2026-11-20")).totalSeconds).toBe(7);
  });

  it("a NOT_STARTED schedule, which recorded nothing, is removed", async () => {
    const m = await createTestMember();
    const s = await make(m.id);
    await deleteSchedule(m.id, s.id, {}, NOW);
    expect(await db().schedule.count({ where: { id: s.id } })).toBe(0);
  });

  it("another member's schedule is NOT_FOUND and stays", async () => {
    const m = await createTestMember();
    const other = await createTestMember();
    const s = await make(m.id);
    expect((await refusal(deleteSchedule(other.id, s.id))).code).toBe("NOT_FOUND");
    expect((await refusal(updateSchedule(other.id, s.id, { title: "x" }))).code).toBe("NOT_FOUND");
    expect((await getSchedule(m.id, s.id)).title).toBe("s");
  });
});

describe("day lists", () => {
  it("list the schedules whose start falls on the member's local date, by start time", async () => {
    const m = await createTestMember({ timezone: "Asia/Seoul" });
    await make(m.id, at("2026-11-20T14:59:00.000Z"), "late on the 20th"); // 23:59 in Seoul
    await make(m.id, at("2026-11-20T15:00:00.000Z"), "midnight of the 21st");
    await make(m.id, at("2026-11-19T15:00:00.000Z"), "first thing on the 20th");
    const day = await listSchedules(m.id, { from: "2026-11-20", to: "2026-11-20" });
    expect(day.map((s) => s.title)).toEqual(["first thing on the 20th", "late on the 20th"]);
    const both = await listSchedules(m.id, { from: "2026-11-20", to: "2026-11-21" });
    expect(both).toHaveLength(3);
  });

  it("refuse a range over 42 days or backwards", async () => {
    const m = await createTestMember();
    expect((await listSchedules(m.id, { from: "2026-11-01", to: "2026-12-12" })).length).toBe(0);
    expect((await refusal(listSchedules(m.id, { from: "2026-11-01", to: "2026-12-13" }))).code).toBe("VALIDATION");
    expect((await refusal(listSchedules(m.id, { from: "2026-11-02", to: "2026-11-01" }))).code).toBe("VALIDATION");
  });

  it("the mini player shows the running schedule, else the most recently paused one", async () => {
    const m = await createTestMember();
    expect(await currentSchedule(m.id)).toBeNull();
    const a = await make(m.id);
    const b = await make(m.id);
    await transitionSchedule(m.id, a.id, "start", { now: NOW });
    await transitionSchedule(m.id, b.id, "start", { switch: true, now: new Date(NOW.getTime() + 1000) });
    expect((await currentSchedule(m.id))?.id).toBe(b.id);
    await transitionSchedule(m.id, b.id, "pause", { now: new Date(NOW.getTime() + 2000) });
    expect((await currentSchedule(m.id))?.id).toBe(b.id);
  });
});
