// POST /schedules/{id}/reminder/snooze: the notification's "Snooze" action, with an optional Idempotency-Key.
// The snooze is an Inngest event (it changes no state, so it has no outbox row): when Inngest cannot be reached
// the answer says so. A repeat of the key sends the stored snooze again under the same event id, so a retry
// after that failure still arms it, and Inngest keeps one of the copies.
import { inngest, REMINDER_SNOOZED } from "@/inngest/client";
import { IdParams } from "@/lib/contracts/common";
import { SnoozeAnswer, SnoozeInput } from "@/lib/contracts/reminder";
import { DomainError } from "@/lib/domain/errors";
import { apiHandler } from "@/lib/http/api";
import { snoozeReminder } from "@/lib/services/reminders/snooze-reminder";

// the key is handled by apiHandler's idempotent: true: the snooze's transaction stores its answer under it
export const POST = apiHandler(
  { params: IdParams, body: SnoozeInput, output: SnoozeAnswer, idempotent: true },
  async ({ memberId, params, body }) => {
    const { snooze, eventId } = await snoozeReminder(memberId, params.id, body.minutes);
    try {
      await inngest.send({ id: eventId, name: REMINDER_SNOOZED, data: snooze });
    } catch {
      throw new DomainError("UNAVAILABLE", "Reminders cannot be scheduled right now: try again in a moment.");
    }
    return { scheduleId: snooze.scheduleId, until: snooze.until };
  },
);
