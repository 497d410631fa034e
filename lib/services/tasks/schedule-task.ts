import "server-only";
// "Schedule it": a schedule linked to the task, titled and described like it.
import type { ScheduleType } from "@/lib/domain/limits";
import { notFound } from "@/lib/domain/errors";
import type { PublishedEvent } from "../events/publish";
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
  let events: PublishedEvent[] = [];
  // the transaction answers the view alone (under an Idempotency-Key it is what a repeat gets back)
  const schedule = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const task = await tx.task.findFirst({
      where: { id: taskId, memberId },
      select: { title: true, description: true },
    });
    if (!task) throw notFound("Task");
    const created = await insertSchedule(tx, memberId, { ...task, ...input, taskId }, now);
    events = created.events;
    return created.schedule;
  });
  relayAfterCommit(events);
  return schedule;
}
