import "server-only";
// Delete a schedule: allowed when NOT_STARTED or COMPLETED. Deleting a completed schedule takes its time back
// out of the statistics (its sessions go with it, and the projection must equal a recomputation from sessions).
// With deleteTask, the linked task goes too (its dependency edges with it).
import { conflict, illegalTransition } from "@/lib/domain/errors";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { newEvent, publish } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { assertId, inTransaction, lockMember, type Tx } from "../transaction";
import { closedSessions, lockSchedule, type LockedSchedule } from "./locks";

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
    throw illegalTransition(schedule.state, allowedActions(schedule.state), "Stop or complete the schedule before deleting it.");
  }
  const statistics =
    schedule.state === "COMPLETED" && schedule.completedOn
      ? { type: schedule.type, completedOn: schedule.completedOn, sessions: await closedSessions(tx, schedule.id) }
      : undefined;
  await tx.schedule.delete({ where: { id: schedule.id } });
  return publish(tx, [
    newEvent("schedule.deleted", { memberId: schedule.memberId, scheduleId: schedule.id }, now, statistics ? { statistics } : undefined),
  ]);
}
