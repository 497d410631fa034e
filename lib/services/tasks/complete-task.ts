import "server-only";
// Completing and reopening a task, kept in step with its schedule (domain.md):
// - completing a task whose schedule is NOT_STARTED completes that schedule too (0 s); while the schedule
//   runs or is paused the task cannot be completed directly (ILLEGAL_TRANSITION: finish the schedule);
// - reopening a task whose schedule is COMPLETED resets that schedule (its statistics are reversed);
// - completing a completed task or reopening an open one changes nothing and emits nothing.
import { illegalTransition, notFound } from "@/lib/domain/errors";
import type { DomainEvent } from "@/lib/domain/events";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { newEvent, publish, type PublishedEvent } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { lockSchedule } from "../schedules/locks";
import { applyAction, assertPrerequisitesDone } from "../schedules/transition-schedule";
import { assertId, inTransaction, lockMember, type Tx } from "../transaction";
import { TASK_VIEW_INCLUDE, taskView, type TaskView } from "../views";

export function completeTask(memberId: string, taskId: string, now = new Date()): Promise<TaskView> {
  return changeCompletion(memberId, taskId, true, now);
}

export function reopenTask(memberId: string, taskId: string, now = new Date()): Promise<TaskView> {
  return changeCompletion(memberId, taskId, false, now);
}

async function changeCompletion(memberId: string, taskId: string, complete: boolean, now: Date): Promise<TaskView> {
  assertId(taskId, "Task");
  let committed: DomainEvent[] = [];
  const view = await inTransaction(async (tx) => {
    const member = await lockMember(tx, memberId);
    const task = await tx.task.findFirst({
      where: { id: taskId, memberId },
      select: { completedAt: true, schedule: { select: { id: true } } },
    });
    if (!task) throw notFound("Task");
    const events: PublishedEvent[] = [];
    if ((task.completedAt !== null) !== complete) {
      if (complete) await assertPrerequisitesDone(tx, taskId);
      const schedule = task.schedule ? await lockSchedule(tx, memberId, task.schedule.id) : null;
      if (schedule && (schedule.state === "IN_PROGRESS" || schedule.state === "PAUSED")) {
        if (complete) {
          throw illegalTransition(
            schedule.state,
            allowedActions(schedule.state),
            "Finish the task's schedule to complete the task.",
          );
        }
      }
      if (schedule && complete && schedule.state === "NOT_STARTED") {
        // completing the schedule completes the task as well (and emits task.completed)
        events.push(...(await applyAction(tx, member.timezone, schedule, "complete", "COMPLETED", now)));
      } else if (schedule && !complete && schedule.state === "COMPLETED") {
        // resetting the schedule reopens the task as well (and emits task.reopened)
        events.push(...(await applyAction(tx, member.timezone, schedule, "reset", "NOT_STARTED", now)));
      } else {
        events.push(...(await setCompletion(tx, memberId, taskId, complete, now)));
      }
    }
    committed = await publish(tx, events);
    return taskView(await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: TASK_VIEW_INCLUDE }));
  });
  relayAfterCommit(committed);
  return view;
}

async function setCompletion(
  tx: Tx,
  memberId: string,
  taskId: string,
  complete: boolean,
  now: Date,
): Promise<PublishedEvent[]> {
  await tx.task.update({
    where: { id: taskId },
    data: { completedAt: complete ? now : null, version: { increment: 1 } },
  });
  return [newEvent(complete ? "task.completed" : "task.reopened", { memberId, taskId }, now)];
}
