// POST /schedules/{id}/reminder/snooze: the notification's "Snooze" action, with an optional Idempotency-Key.
// The snooze is an Inngest event (it changes no state, so it has no outbox row): when Inngest cannot be reached
// the answer says so. A repeat of the key sends the stored snooze again under the same event id, so a retry
// after that failure still arms it, and Inngest keeps one of the copies.
import { inngest, REMINDER_SNOOZED } from "@/inngest/client";
import { IdParams } from "@/lib/contracts/common";
import { SnoozeAnswer, SnoozeInput } from "@/lib/contracts/reminder";
import { DomainError } from "@/lib/domain/errors";
import { apiHandler, replayAware } from "@/lib/http/api";
import { snoozeReminder } from "@/lib/services/reminders/snooze-reminder";

export const POST = apiHandler(
  { params: IdParams, body: SnoozeInput, output: SnoozeAnswer },
  async ({ memberId, params, body, idempotencyKey, fingerprint, responseHeaders }) => {
    const idempotency = idempotencyKey ? { key: idempotencyKey, fingerprint } : undefined;
    const { snooze, eventId } = await replayAware(responseHeaders, snoozeReminder(memberId, params.id, body.minutes, { idempotency }));
    try {
      await inngest.send({ id: eventId, name: REMINDER_SNOOZED, data: snooze });
    } catch {
      throw new DomainError("UNAVAILABLE", "Reminders cannot be scheduled right now: try again in a moment.");
    }
    return { scheduleId: snooze.scheduleId, until: snooze.until };
  },
);
