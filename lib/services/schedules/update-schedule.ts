import "server-only";
// Edit a schedule's title, description, type or start time: only while NOT_STARTED. A new start time emits
// schedule.rescheduled (the reminder is re-armed). A stale `version` is CONFLICT.
import { conflict, illegalTransition } from "@/lib/domain/errors";
import type { ScheduleType } from "@/lib/domain/limits";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { newEvent, publish, type PublishedEvent } from "../events/publish";
import { relayAfterCommit } from "../outbox/relay";
import { assertId, inTransaction, lockMember } from "../transaction";
import { VIEW_SESSIONS, scheduleView, type ScheduleView } from "../views";
import { lockSchedule } from "./locks";

export type UpdateScheduleInput = {
  title?: string;
  description?: string;
  startAt?: Date;
  type?: ScheduleType;
  plannedMinutes?: number;
  version?: number;
};

export async function updateSchedule(
  memberId: string,
  scheduleId: string,
  input: UpdateScheduleInput,
  now = new Date(),
): Promise<ScheduleView> {
  assertId(scheduleId, "Schedule");
  const { schedule, events } = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const current = await lockSchedule(tx, memberId, scheduleId);
    if (input.version !== undefined && input.version !== current.version) throw conflict();
    if (current.state !== "NOT_STARTED") {
      throw illegalTransition(
        current.state,
        allowedActions(current.state),
        "A schedule can be edited only before it starts.",
      );
    }
    const rescheduled = input.startAt !== undefined && input.startAt.getTime() !== current.startAt.getTime();
    const updated = await tx.schedule.update({
      where: { id: scheduleId },
      data: {
        title: input.title,
        description: input.description,
        startAt: input.startAt,
        type: input.type,
        plannedMinutes: input.plannedMinutes,
        version: { increment: 1 },
      },
      include: { sessions: VIEW_SESSIONS },
    });
    const toPublish: PublishedEvent[] = rescheduled
      ? [newEvent("schedule.rescheduled", { memberId, scheduleId }, now)]
      : [];
    return { schedule: scheduleView(updated, now), events: await publish(tx, toPublish) };
  });
  relayAfterCommit(events);
  return schedule;
}
