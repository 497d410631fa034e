// The reminder of one schedule: armed when it is created, rescheduled, stopped, reset or snoozed; sleeps
// until start − lead time in steps of at most 6 days; cancelled by start, reschedule or delete of the SAME
// schedule (an unscoped cancel would cancel every member's reminders). At the moment it re-reads the schedule
// and sends only if it still exists, is NOT_STARTED and starts when planned.
import { sleepSteps } from "@/lib/domain/reminders";
import { deliverReminder, planReminder } from "@/lib/services/reminders/reminder";
import { inngest } from "../client";
import { scheduleCreated, scheduleRescheduled, scheduleReset, scheduleSnoozed, scheduleStopped } from "../events";

/** the outbox event of a snooze: its instant is the schedule's snoozedUntil (events carry only ids) */
export const REMINDER_SNOOZED = scheduleSnoozed.name;

const sameSchedule = "async.data.scheduleId == event.data.scheduleId";
// a rescheduled event both arms a new reminder and cancels the old one; it must not cancel the run it started
const laterEvent = `${sameSchedule} && async.id != event.id`;

export const scheduleReminder = inngest.createFunction(
  {
    id: "schedule-reminder",
    triggers: [scheduleCreated, scheduleRescheduled, scheduleStopped, scheduleReset, scheduleSnoozed],
    cancelOn: [
      { event: "schedule.started", if: sameSchedule },
      { event: "schedule.rescheduled", if: laterEvent },
      { event: "schedule.deleted", if: sameSchedule },
    ],
  },
  async ({ event, step }) => {
    const { scheduleId } = event.data;
    const plan = await step.run("plan", () => planReminder(scheduleId, { snoozed: event.name === REMINDER_SNOOZED }));
    if (!plan) return { reminded: false, reason: "nothing to remind" };

    const plannedAt = new Date(await step.run("planned-at", () => new Date().toISOString()));
    const wakeUps = sleepSteps(plannedAt, new Date(plan.remindAt));
    for (const [i, wakeUp] of wakeUps.entries()) {
      await step.sleepUntil(`sleep-${i}`, wakeUp);
      if (i < wakeUps.length - 1) {
        // between long sleeps: stop early when the schedule no longer needs this reminder
        const still = await step.run(`recheck-${i}`, () => planReminder(scheduleId));
        if (!still || still.startAt !== plan.startAt) return { reminded: false, reason: "changed while waiting" };
      }
    }

    const delivery = await step.run("send", async () => {
      const result = await deliverReminder(plan);
      // a transient failure on some device: throw so Inngest retries; the service worker shows a key once
      if (result.sent && result.retryable > 0) throw new Error(`${result.retryable} device(s) to retry`);
      return result;
    });
    return { reminded: delivery.sent, delivery };
  },
);
