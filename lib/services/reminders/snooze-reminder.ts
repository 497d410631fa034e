import "server-only";
// "Snooze": remind again 10 minutes (or an hour) from now, while the schedule has still not started.
// Like every other change, it is one transaction: the instant is kept on the schedule (snoozedUntil) and a
// schedule.snoozed event is written to the outbox beside it, then relayed after commit like the others. So a
// snooze answers 200 while the event engine is down, and its reminder is armed when the relay or the sweep
// reaches the engine again. With an Idempotency-Key (the notification's Snooze sends one per reminder it shows)
// the first answer is stored and every repeat gets it again: a double tap or a retry snoozes once, one event.
import type { DomainEvent } from "@/lib/domain/events";
import { illegalTransition } from "@/lib/domain/errors";
import type { SnoozeMinutes } from "@/lib/domain/reminders";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { newEvent, publish } from "../events/publish";
import { idempotent, type IdempotencyRequest } from "../idempotency";
import { relayAfterCommit } from "../outbox/relay";
import { lockSchedule } from "../schedules/locks";
import { assertId, inTransaction, lockMember, type Tx } from "../transaction";

export type Snooze = { scheduleId: string; memberId: string; until: string };

export type SnoozeRequest = { idempotency?: IdempotencyRequest; now?: Date };

export type SnoozeAnswer = { snooze: Snooze; replayed: boolean };

export async function snoozeReminder(
  memberId: string,
  scheduleId: string,
  minutes: SnoozeMinutes,
  request: SnoozeRequest = {},
): Promise<SnoozeAnswer> {
  assertId(scheduleId, "Schedule");
  const now = request.now ?? new Date();
  const committed: DomainEvent[] = [];
  const work = async (tx: Tx): Promise<Snooze> => {
    committed.length = 0; // a retried transaction starts over
    const schedule = await lockSchedule(tx, memberId, scheduleId);
    if (schedule.state !== "NOT_STARTED") {
      throw illegalTransition(
        schedule.state,
        allowedActions(schedule.state),
        "Only a schedule that has not started can be snoozed.",
      );
    }
    const until = new Date(now.getTime() + minutes * 60_000);
    // neither a new version nor a new updatedAt (which the client's update would set): a snooze changes nothing
    // the member edits or sees, so it must not turn their pending edit into a conflict
    await tx.$executeRaw`UPDATE schedules SET "snoozedUntil" = ${until} WHERE id = ${scheduleId}::uuid`;
    committed.push(...(await publish(tx, [newEvent("schedule.snoozed", { memberId, scheduleId }, now)])));
    return { scheduleId, memberId, until: until.toISOString() };
  };
  const outcome = await inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    return idempotent(tx, memberId, request.idempotency, () => work(tx));
  });
  relayAfterCommit(committed);
  if (!outcome.ok) {
    outcome.error.replayed = outcome.replayed;
    throw outcome.error;
  }
  return { snooze: outcome.value, replayed: outcome.replayed };
}
