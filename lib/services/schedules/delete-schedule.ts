import "server-only";
// Delete a schedule: allowed when NOT_STARTED or COMPLETED. Tidying the calendar never erases history: a
// COMPLETED schedule is only marked deleted (deletedAt): it leaves the calendar and every read, but keeps its
// sessions, so the time it recorded stays in the statistics (the projection still equals a recomputation from
// sessions) and is still attributed to its task through formerTaskId. Its task link is released, so the task can be
// scheduled again. A NOT_STARTED schedule has recorded nothing and is removed. Only stop and reset take time back.
// With deleteTask, the linked task goes too (its dependency edges with it).
import { conflict, illegalTransition } from "@/lib/domain/errors";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { newEvent, publish } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { assertId, inTransaction, lockMember, type Tx } from "../transaction";
import { lockSchedule, type LockedSchedule } from "./locks";

export async function deleteSchedule(
  memberId: string,
  scheduleId: string,
  options: { deleteTask?: boolean; version?: number } = {},
  now = new Date(),
): Promise<void> {
  assertId(scheduleId, "Schedule");
  const events = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const schedule = await lockSchedule(tx, memberId, scheduleId);
    if (options.version !== undefined && options.version !== schedule.version) throw conflict();
    const published = await removeSchedule(tx, schedule, now);
    if (options.deleteTask && schedule.taskId) await tx.task.delete({ where: { id: schedule.taskId } });
    return published;
  });
  relayAfterCommit(events);
}

/** delete a locked schedule that may be deleted (shared with deleting its task) */
export async function removeSchedule(tx: Tx, schedule: LockedSchedule, now: Date) {
  if (schedule.state !== "NOT_STARTED" && schedule.state !== "COMPLETED") {
    throw illegalTransition(
      schedule.state,
      allowedActions(schedule.state),
      "Stop or complete the schedule before deleting it.",
    );
  }
  if (schedule.state === "COMPLETED") {
    await tx.schedule.update({
      where: { id: schedule.id },
      data: { deletedAt: now, taskId: null, formerTaskId: schedule.taskId },
    });
  } else {
    await tx.schedule.delete({ where: { id: schedule.id } });
  }
  // no statistics facts: the projection keeps what the completion added
  return publish(tx, [newEvent("schedule.deleted", { memberId: schedule.memberId, scheduleId: schedule.id }, now)]);
}
