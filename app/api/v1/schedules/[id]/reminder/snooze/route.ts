// POST /schedules/{id}/reminder/snooze: the notification's "Snooze" action, with an optional Idempotency-Key.
// The snooze is written with its schedule.snoozed outbox event in one transaction, so it answers 200 whether or
// not the event engine can be reached; the relay (or the sweep, once the engine is back) re-arms the reminder.
import { IdParams } from "@/lib/contracts/common";
import { SnoozeAnswer, SnoozeInput } from "@/lib/contracts/reminder";
import { apiHandler } from "@/lib/http/api";
import { snoozeReminder } from "@/lib/services/reminders/snooze-reminder";

// the key is handled by apiHandler's idempotent: true: the snooze's transaction stores its answer under it
export const POST = apiHandler(
  { params: IdParams, body: SnoozeInput, output: SnoozeAnswer, idempotent: true },
  async ({ memberId, params, body }) => {
    const { snooze } = await snoozeReminder(memberId, params.id, body.minutes);
    return { scheduleId: snooze.scheduleId, until: snooze.until };
  },
);
