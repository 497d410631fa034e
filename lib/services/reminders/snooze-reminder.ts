import "server-only";
// "Snooze": remind again 10 minutes (or an hour) from now, while the schedule has still not started.
// With an Idempotency-Key (the notification's Snooze sends one per reminder it shows) the first answer is
// stored and every repeat gets it again, so a double tap or a retry snoozes once: the same `until`, and the
// same event id, which the workflow engine keeps only once.
import { illegalTransition, notFound } from "@/lib/domain/errors";
import type { SnoozeMinutes } from "@/lib/domain/reminders";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { idempotent, type IdempotencyRequest } from "../idempotency";
import { assertId, inTransaction, lockMember } from "../transaction";

export type Snooze = { scheduleId: string; memberId: string; until: string };

export type SnoozeRequest = { idempotency?: IdempotencyRequest; now?: Date };

export type SnoozeAnswer = {
  snooze: Snooze;
  /** the id to send the snooze event under: one snooze, one id, however often it is answered */
  eventId: string;
  replayed: boolean;
};

export async function snoozeReminder(
  memberId: string,
  scheduleId: string,
  minutes: SnoozeMinutes,
  request: SnoozeRequest = {},
): Promise<SnoozeAnswer> {
  assertId(scheduleId, "Schedule");
  const now = request.now ?? new Date();
  const outcome = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    return idempotent(tx, memberId, request.idempotency, async (): Promise<Snooze> => {
      const schedule = await tx.schedule.findFirst({
        where: { id: scheduleId, memberId, deletedAt: null },
        select: { state: true },
      });
      if (!schedule) throw notFound("Schedule");
      if (schedule.state !== "NOT_STARTED") {
        throw illegalTransition(
          schedule.state,
          allowedActions(schedule.state),
          "Only a schedule that has not started can be snoozed.",
        );
      }
      return { scheduleId, memberId, until: new Date(now.getTime() + minutes * 60_000).toISOString() };
    });
  });
  if (!outcome.ok) {
    outcome.error.replayed = outcome.replayed;
    throw outcome.error;
  }
  const snooze = outcome.value;
  return { snooze, eventId: `reminder-snoozed:${snooze.scheduleId}:${snooze.until}`, replayed: outcome.replayed };
}
