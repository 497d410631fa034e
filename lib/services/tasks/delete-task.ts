import "server-only";
// Delete a task. Its dependency edges go with it (the database cascades). A linked schedule is deleted too or
// only unlinked, as the caller chooses; a schedule that is running or paused blocks the delete.
import { conflict, illegalTransition, notFound } from "@/lib/domain/errors";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { relayAfterCommit } from "../outbox/relay";
import { lockSchedule } from "../schedules/locks";
import { removeSchedule } from "../schedules/delete-schedule";
import { assertId, inTransaction, lockMember } from "../transaction";

export async function deleteTask(
  memberId: string,
  taskId: string,
  options: { deleteSchedule?: boolean; version?: number } = {},
  now = new Date(),
): Promise<void> {
  assertId(taskId, "Task");
  const events = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const task = await tx.task.findFirst({
      where: { id: taskId, memberId },
      select: { version: true, schedule: { select: { id: true } } },
    });
    if (!task) throw notFound("Task");
    if (options.version !== undefined && options.version !== task.version) throw conflict();
    let published: Awaited<ReturnType<typeof removeSchedule>> = [];
    if (task.schedule) {
      const schedule = await lockSchedule(tx, memberId, task.schedule.id);
      if (schedule.state === "IN_PROGRESS" || schedule.state === "PAUSED") {
        throw illegalTransition(
          schedule.state,
          allowedActions(schedule.state),
          "Stop or complete the task's schedule before deleting the task.",
        );
      }
      if (options.deleteSchedule) published = await removeSchedule(tx, schedule, now);
      else await tx.schedule.update({ where: { id: schedule.id }, data: { taskId: null, version: { increment: 1 } } });
    }
    await tx.task.delete({ where: { id: taskId } });
    return published;
  });
  relayAfterCommit(events);
}
