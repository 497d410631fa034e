// Task rules against the real database: dependencies (atomic, acyclic, own tasks only), completion kept in step
// with the linked schedule, deletes, and the three lists with cursor paging.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { getSchedule } from "@/lib/services/schedules/read-schedules";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { weekStatistics } from "@/lib/services/statistics/week-statistics";
import { completeTask, reopenTask } from "@/lib/services/tasks/complete-task";
import { createTask, type NewTask } from "@/lib/services/tasks/create-task";
import { deleteTask } from "@/lib/services/tasks/delete-task";
import { getTask, listTasks } from "@/lib/services/tasks/read-tasks";
import { scheduleTask } from "@/lib/services/tasks/schedule-task";
import { updateTask } from "@/lib/services/tasks/update-task";
import { at, createTestMember, outboxOf, refusal } from "../support/fixtures";

const NOW = at("2026-11-20T03:00:00.000Z");
const task = (memberId: string, extra: Partial<NewTask> = {}) =>
  createTask(memberId, { title: "task", deadline: "2026-12-01", importance: 5, difficulty: 3, ...extra });

describe("dependencies", () => {
  it("are created with the task and listed both ways", async () => {
    const m = await createTestMember();
    const a = await task(m.id, { title: "a" });
    const c = await task(m.id, { title: "c" });
    const b = await task(m.id, { title: "b", previousTaskIds: [a.id], nextTaskIds: [c.id] });
    expect(b).toMatchObject({ previousTaskIds: [a.id], nextTaskIds: [c.id] });
    expect((await getTask(m.id, a.id)).nextTaskIds).toEqual([b.id]);
    expect((await getTask(m.id, c.id)).previousTaskIds).toEqual([b.id]);
  });

  it("refuse a change that would close a cycle, as a whole, naming the cycle", async () => {
    const m = await createTestMember();
    const a = await task(m.id);
    const b = await task(m.id, { previousTaskIds: [a.id] });
    const c = await task(m.id, { previousTaskIds: [b.id] });
    const x = await task(m.id);
    const before = await getTask(m.id, a.id);
    // adds a harmless edge (x before a) and a closing one (c before a): nothing at all is applied
    const e = await refusal(updateTask(m.id, a.id, { addPreviousTaskIds: [x.id, c.id], title: "renamed" }));
    expect(e.code).toBe("DEPENDENCY_CYCLE");
    expect(new Set(e.details.taskIds as string[])).toEqual(new Set([a.id, b.id, c.id]));
    expect(await getTask(m.id, a.id)).toEqual(before);
  });

  it("treat adding an existing edge and removing a missing one as no change; refuse a self edge", async () => {
    const m = await createTestMember();
    const a = await task(m.id);
    const b = await task(m.id, { previousTaskIds: [a.id] });
    const c = await task(m.id);
    const same = await updateTask(m.id, b.id, { addPreviousTaskIds: [a.id], removePreviousTaskIds: [c.id] });
    expect(same.previousTaskIds).toEqual([a.id]);
    expect(await refusal(updateTask(m.id, b.id, { addPreviousTaskIds: [b.id] }))).toMatchObject({
      code: "VALIDATION",
      details: { fieldErrors: { addPreviousTaskIds: ["must not name the task itself"] } },
    });
    const removed = await updateTask(m.id, b.id, { removePreviousTaskIds: [a.id] });
    expect(removed.previousTaskIds).toEqual([]);
  });

  it("must name the member's own tasks: another member's id is NOT_FOUND", async () => {
    const m = await createTestMember();
    const other = await createTestMember();
    const theirs = await task(other.id);
    expect((await refusal(task(m.id, { previousTaskIds: [theirs.id] }))).code).toBe("NOT_FOUND");
    expect(await db().task.count({ where: { memberId: m.id } })).toBe(0); // the task itself was not created either
    const mine = await task(m.id);
    expect((await refusal(updateTask(m.id, mine.id, { addPreviousTaskIds: [theirs.id] }))).code).toBe("NOT_FOUND");
    expect((await refusal(getTask(other.id, mine.id))).code).toBe("NOT_FOUND");
  });

  it("go away with a deleted task", async () => {
    const m = await createTestMember();
    const a = await task(m.id);
    const b = await task(m.id, { previousTaskIds: [a.id] });
    await deleteTask(m.id, a.id);
    expect((await getTask(m.id, b.id)).previousTaskIds).toEqual([]);
  });
});

describe("completion", () => {
  it("is refused while a prerequisite is open; completing twice changes nothing and emits nothing", async () => {
    const m = await createTestMember();
    const a = await task(m.id);
    const b = await task(m.id, { previousTaskIds: [a.id] });
    expect(await refusal(completeTask(m.id, b.id, NOW))).toMatchObject({
      code: "PREREQUISITES_OPEN",
      details: { taskIds: [a.id] },
    });
    await completeTask(m.id, a.id, NOW);
    const done = await completeTask(m.id, b.id, NOW);
    expect(done.completed).toBe(true);
    const events = (await outboxOf(m.id)).length;
    const again = await completeTask(m.id, b.id, NOW);
    expect(again).toEqual(done);
    expect((await outboxOf(m.id)).length).toBe(events);
    expect((await reopenTask(m.id, a.id, NOW)).completed).toBe(false);
    expect((await outboxOf(m.id)).map((e) => e.type)).toEqual(["task.completed", "task.completed", "task.reopened"]);
  });

  it("completes a NOT_STARTED linked schedule with 0 s; refuses while it runs; reopening resets a completed one", async () => {
    const m = await createTestMember();
    const t = await task(m.id);
    const s = await scheduleTask(m.id, t.id, { startAt: NOW, type: "ADMIN_TASK" }, NOW);
    expect(s).toMatchObject({ taskId: t.id, title: "task", state: "NOT_STARTED" });
    await completeTask(m.id, t.id, NOW);
    expect(await getSchedule(m.id, s.id)).toMatchObject({ state: "COMPLETED", elapsedSeconds: 0, version: 2 });
    expect((await weekStatistics(m.id, "2026-11-20")).completedCount).toBe(1);

    const reopened = await reopenTask(m.id, t.id, NOW);
    expect(reopened.completed).toBe(false);
    expect((await getSchedule(m.id, s.id)).state).toBe("NOT_STARTED");
    expect((await weekStatistics(m.id, "2026-11-20")).completedCount).toBe(0);

    await transitionSchedule(m.id, s.id, "start", { now: NOW });
    expect(await refusal(completeTask(m.id, t.id, NOW))).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      details: { state: "IN_PROGRESS", allowedActions: ["pause", "complete", "stop"] },
    });
  });
});

describe("schedules of tasks", () => {
  it("at most one per task (DUPLICATE); a completed task cannot be scheduled", async () => {
    const m = await createTestMember();
    const t = await task(m.id);
    await scheduleTask(m.id, t.id, { startAt: NOW, type: "DEEP_WORK" });
    expect(
      (await refusal(createSchedule(m.id, { title: "again", startAt: NOW, type: "DEEP_WORK", taskId: t.id }))).code,
    ).toBe("DUPLICATE");
    const done = await task(m.id);
    await completeTask(m.id, done.id);
    expect((await refusal(scheduleTask(m.id, done.id, { startAt: NOW, type: "DEEP_WORK" }))).code).toBe("VALIDATION");
  });

  it("deleting the task unlinks or deletes its schedule, and a running schedule blocks the delete", async () => {
    const m = await createTestMember();
    const keep = await task(m.id);
    const s1 = await scheduleTask(m.id, keep.id, { startAt: NOW, type: "DEEP_WORK" });
    await deleteTask(m.id, keep.id, { deleteSchedule: false });
    expect(await getSchedule(m.id, s1.id)).toMatchObject({ taskId: null, version: 2 });

    const drop = await task(m.id);
    const s2 = await scheduleTask(m.id, drop.id, { startAt: NOW, type: "DEEP_WORK" });
    await transitionSchedule(m.id, s2.id, "start");
    expect((await refusal(deleteTask(m.id, drop.id, { deleteSchedule: true }))).code).toBe("ILLEGAL_TRANSITION");
    await transitionSchedule(m.id, s2.id, "stop");
    await deleteTask(m.id, drop.id, { deleteSchedule: true });
    expect((await refusal(getSchedule(m.id, s2.id))).code).toBe("NOT_FOUND");
  });

  it("a stale version is CONFLICT and changes nothing", async () => {
    const m = await createTestMember();
    const t = await task(m.id);
    await updateTask(m.id, t.id, { title: "one", version: 1 });
    expect((await refusal(updateTask(m.id, t.id, { title: "two", version: 1 }))).code).toBe("CONFLICT");
    expect((await getTask(m.id, t.id)).title).toBe("one");
  });
});

describe("lists", () => {
  it("page through open, completed and archived tasks with cursors, each item once", async () => {
    const m = await createTestMember({ timezone: "Asia/Seoul" });
    const open = [];
    for (let i = 0; i < 7; i++)
      open.push(await task(m.id, { title: `open ${i}`, deadline: `2026-12-0${(i % 3) + 1}` }));
    await task(m.id, { title: "past", deadline: "2026-11-01" });
    const done = await task(m.id, { title: "done", deadline: "2026-12-05" });
    await completeTask(m.id, done.id, NOW);

    const all = async (status: "open" | "completed" | "archived") => {
      const items: string[] = [];
      let cursor: string | undefined;
      for (let guard = 0; guard < 20; guard++) {
        const page = await listTasks(m.id, { status, cursor, limit: 3 });
        items.push(...page.items.map((t) => t.title));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return items;
    };
    const openTitles = await all("open");
    // an overdue task stays with the open ones (issue 20.3): it still has to be done, and can be scheduled
    expect(openTitles).toHaveLength(8);
    expect(new Set(openTitles)).toEqual(new Set([...open.map((t) => t.title), "past"]));
    expect(openTitles[0]).toBe("past");
    const deadlines = (await listTasks(m.id, { status: "open", limit: 100 })).items.map((t) => t.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(await all("completed")).toEqual(["done"]);
    // the archive holds the finished tasks only, never a task merely past its deadline
    expect(await all("archived")).toEqual(["done"]);
    expect((await refusal(listTasks(m.id, { status: "open", cursor: "garbage" }))).code).toBe("VALIDATION");
  });
});
