// POST /schedules/{id}/reminder/snooze: the notification's "Snooze" action. The snooze is an Inngest event
// (it changes no state, so it has no outbox row): when Inngest cannot be reached the answer says so.
import { inngest, REMINDER_SNOOZED } from "@/inngest/client";
import { IdParams } from "@/lib/contracts/common";
import { SnoozeAnswer, SnoozeInput } from "@/lib/contracts/reminder";
import { DomainError } from "@/lib/domain/errors";
import { apiHandler } from "@/lib/http/api";
import { snoozeReminder } from "@/lib/services/reminders/snooze-reminder";

// a repeated snooze re-arms the same reminder: the service worker's key is accepted, nothing is stored for it
export const POST = apiHandler({ params: IdParams, body: SnoozeInput, output: SnoozeAnswer, idempotent: "repeatable" }, async ({ memberId, params, body }) => {
  const snooze = await snoozeReminder(memberId, params.id, body.minutes);
  try {
    await inngest.send({ name: REMINDER_SNOOZED, data: snooze });
  } catch {
    throw new DomainError("UNAVAILABLE", "Reminders cannot be scheduled right now: try again in a moment.");
  }
  return { scheduleId: snooze.scheduleId, until: snooze.until };
});
