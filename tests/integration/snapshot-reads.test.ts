// Reads come from one snapshot: while a schedule is started and paused over and over, every read of it (by id, in
// the day list, as the mini player's track, through its task) shows a state and sessions from the same moment:
// IN_PROGRESS exactly when a session is open. The reads and the transitions run at once on separate connections.
import { describe, expect, it } from "vitest";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { currentSchedule, getSchedule, listSchedules } from "@/lib/services/schedules/read-schedules";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { createTask } from "@/lib/services/tasks/create-task";
import { getTask, listTasks } from "@/lib/services/tasks/read-tasks";
import { updateTask } from "@/lib/services/tasks/update-task";
import { localDate } from "@/lib/domain/time";
import type { ScheduleView } from "@/lib/services/views";
import { createTestMember } from "../support/fixtures";

const TRANSITIONS = 40;
const READERS = 6;

/** what a torn read looks like: the state of one moment with the sessions of another */
function torn(view: ScheduleView | null): string | null {
  if (!view) return null;
  const running = view.state === "IN_PROGRESS";
  const open = view.sessionStartedAt !== null;
  return running === open ? null : `${view.state} with sessionStartedAt ${view.sessionStartedAt}`;
}

describe("reads while transitioning", () => {
  it("never see an IN_PROGRESS schedule without its open session, or a paused one with an open session", async () => {
    const member = await createTestMember({ timezone: "UTC" });
    const task = await createTask(member.id, { title: "race", deadline: "2999-12-01", importance: 5, difficulty: 3 });
    const now = new Date();
    const s = await createSchedule(member.id, { title: "race", startAt: now, type: "QUICK_TASK", taskId: task.id });
    const day = localDate(now, "UTC");
    await transitionSchedule(member.id, s.id, "start");

    let done = false;
    const seen: string[] = [];
    let reads = 0;
    const writer = (async () => {
      try {
        for (let i = 0; i < TRANSITIONS; i++)
          await transitionSchedule(member.id, s.id, i % 2 === 0 ? "pause" : "resume");
      } finally {
        done = true;
      }
    })();
    const reader = async (which: number) => {
      while (!done) {
        const views: (ScheduleView | null)[] =
          which % 3 === 0
            ? [await getSchedule(member.id, s.id)]
            : which % 3 === 1
              ? await listSchedules(member.id, { from: day, to: day })
              : [await currentSchedule(member.id)];
        reads += 1;
        for (const v of views) {
          const problem = torn(v);
          if (problem) seen.push(problem);
        }
        if (which === 0) expect((await getTask(member.id, task.id)).scheduleId).toBe(s.id);
      }
    };
    await Promise.all([writer, ...Array.from({ length: READERS }, (_, i) => reader(i))]);
    expect(reads).toBeGreaterThan(TRANSITIONS);
    expect(seen).toEqual([]);
  });

  it("never see an edge on one of its tasks but not on the other in one list", async () => {
    const member = await createTestMember({ timezone: "UTC" });
    const fields = { deadline: "2999-12-01", importance: 5, difficulty: 3 as const };
    const a = await createTask(member.id, { title: "a", ...fields });
    const b = await createTask(member.id, { title: "b", ...fields });
    let done = false;
    const seen: string[] = [];
    const writer = (async () => {
      try {
        for (let i = 0; i < TRANSITIONS; i++) {
          await updateTask(
            member.id,
            b.id,
            i % 2 === 0 ? { addPreviousTaskIds: [a.id] } : { removePreviousTaskIds: [a.id] },
          );
        }
      } finally {
        done = true;
      }
    })();
    const reader = async () => {
      while (!done) {
        const { items } = await listTasks(member.id, { status: "open" });
        const [first, second] = [items.find((t) => t.id === a.id)!, items.find((t) => t.id === b.id)!];
        if (first.nextTaskIds.includes(b.id) !== second.previousTaskIds.includes(a.id)) {
          seen.push(`a → ${first.nextTaskIds.join(",")}; b ← ${second.previousTaskIds.join(",")}`);
        }
      }
    };
    await Promise.all([writer, ...Array.from({ length: READERS }, () => reader())]);
    expect(seen).toEqual([]);
  });
});
