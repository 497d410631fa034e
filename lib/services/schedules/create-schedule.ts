import "server-only";
// Create a schedule, optionally linked to one of the member's tasks (at most one schedule per task).
import { duplicate, notFound, validationError } from "@/lib/domain/errors";
import type { ScheduleType } from "@/lib/domain/limits";
import { estimator, plannedMinutesFor } from "@/lib/domain/goals/estimates";
import { memberEstimator } from "../goals/estimates";
import { newEvent, publish, type PublishedEvent } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { assertId, inTransaction, lockMember, type Tx } from "../transaction";
import { VIEW_SESSIONS, scheduleView, type ScheduleView } from "../views";

export type NewSchedule = {
  title: string;
  description?: string;
  startAt: Date;
  type: ScheduleType;
  taskId?: string | null;
  /** absent: the linked task's expected minutes, else its estimate, else 30 (planning.md) */
  plannedMinutes?: number;
};

export async function createSchedule(memberId: string, input: NewSchedule, now = new Date()): Promise<ScheduleView> {
  let events: PublishedEvent[] = [];
  // the transaction answers the view alone (under an Idempotency-Key it is what a repeat gets back)
  const schedule = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const created = await insertSchedule(tx, memberId, input, now);
    events = created.events;
    return created.schedule;
  });
  relayAfterCommit(events);
  return schedule;
}

/** the insert itself, shared with "schedule this task"; the caller holds the member lock */
export async function insertSchedule(tx: Tx, memberId: string, input: NewSchedule, now: Date) {
  const task = input.taskId ? await assertLinkable(tx, memberId, input.taskId) : null;
  // the member's history is read only when the task has no expected minutes to go by
  const estimate =
    task && task.expectedMinutes === null && input.plannedMinutes === undefined
      ? await memberEstimator(tx, memberId)
      : estimator([]);
  const plannedMinutes = plannedMinutesFor(input.plannedMinutes, task, estimate);
  const created = await tx.schedule.create({
    data: {
      memberId,
      title: input.title,
      description: input.description ?? "",
      startAt: input.startAt,
      plannedMinutes,
      type: input.type,
      taskId: input.taskId ?? null,
      stateChangedAt: now,
    },
    include: { sessions: VIEW_SESSIONS },
  });
  const events = await publish(tx, [newEvent("schedule.created", { memberId, scheduleId: created.id }, now)]);
  return { schedule: scheduleView(created, now), events };
}

async function assertLinkable(
  tx: Tx,
  memberId: string,
  taskId: string,
): Promise<{ difficulty: number; expectedMinutes: number | null }> {
  assertId(taskId, "Task");
  const task = await tx.task.findFirst({
    where: { id: taskId, memberId },
    select: { completedAt: true, difficulty: true, expectedMinutes: true, schedule: { select: { id: true } } },
  });
  if (!task) throw notFound("Task");
  if (task.schedule) throw duplicate("taskId", "This task already has a schedule.");
  // a completed task has nothing left to run; its schedule would start out of step with it
  if (task.completedAt) throw validationError({ taskId: ["is completed: reopen it before scheduling it"] });
  return task;
}
