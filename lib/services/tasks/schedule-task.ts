import "server-only";
// "Schedule it": a schedule linked to the task, titled and described like it.
import type { ScheduleType } from "@/lib/domain/limits";
import { notFound } from "@/lib/domain/errors";
import { relayAfterCommit } from "../outbox/relay";
import { insertSchedule } from "../schedules/create-schedule";
import { assertId, inTransaction, lockMember } from "../transaction";
import type { ScheduleView } from "../views";

export async function scheduleTask(
  memberId: string,
  taskId: string,
  input: { startAt: Date; type: ScheduleType; plannedMinutes?: number },
  now = new Date(),
): Promise<ScheduleView> {
  assertId(taskId, "Task");
  const { schedule, events } = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const task = await tx.task.findFirst({ where: { id: taskId, memberId }, select: { title: true, description: true } });
    if (!task) throw notFound("Task");
    return insertSchedule(tx, memberId, { ...task, ...input, taskId }, now);
  });
  relayAfterCommit(events);
  return schedule;
}
