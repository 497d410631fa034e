import "server-only";
// Reminders: when to remind of a schedule, and the check made at that moment (domain.md "Reminders and push").
// The Inngest function (inngest/functions/schedule-reminder.ts) only sleeps and calls these.
import { reminderTime, reminderTtlSeconds } from "@/lib/domain/reminders";
import { db } from "@/lib/db/client";
import { reminderKey, reminderUrl, snoozedReminderKey, type ReminderPayload } from "@/lib/push/payload";
import { sendReminder } from "../push/send-reminder";

export type ReminderPlan = {
  scheduleId: string;
  memberId: string;
  startAt: string;
  remindAt: string;
  /** set for a snoozed reminder: its push gets a key of its own, so the device alerts again */
  snoozedUntil?: string;
};

/**
 * The reminder armed by a schedule event: at start − the member's lead time, or, for schedule.snoozed
 * (`snoozed`), at the schedule's snoozedUntil (at once when that has passed while the event engine was down).
 * Null when there is nothing to remind of: the schedule is gone, has started, or its start has passed.
 */
export async function planReminder(
  scheduleId: string,
  options: { snoozed?: boolean; now?: Date } = {},
): Promise<ReminderPlan | null> {
  const now = options.now ?? new Date();
  const schedule = await db().schedule.findUnique({
    where: { id: scheduleId },
    select: {
      memberId: true,
      state: true,
      startAt: true,
      deletedAt: true,
      snoozedUntil: true,
      member: { select: { reminderLeadMinutes: true } },
    },
  });
  if (!schedule || schedule.deletedAt || schedule.state !== "NOT_STARTED") return null;
  const snoozedUntil = options.snoozed ? schedule.snoozedUntil : null;
  if (options.snoozed && !snoozedUntil) return null;
  const remindAt = snoozedUntil ?? reminderTime(schedule.startAt, schedule.member.reminderLeadMinutes, now);
  if (!remindAt) return null;
  return {
    scheduleId,
    memberId: schedule.memberId,
    startAt: schedule.startAt.toISOString(),
    remindAt: remindAt.toISOString(),
    ...(snoozedUntil ? { snoozedUntil: snoozedUntil.toISOString() } : {}),
  };
}

export type DeliveryResult =
  | { sent: true; delivered: number; removed: number; retryable: number }
  | { sent: false; reason: "gone" | "started" | "rescheduled" | "snoozed again" };

/** at the reminder's moment: send only if the schedule still exists, is NOT_STARTED and starts when planned */
export async function deliverReminder(plan: ReminderPlan, now = new Date()): Promise<DeliveryResult> {
  const schedule = await db().schedule.findUnique({
    where: { id: plan.scheduleId },
    select: { memberId: true, state: true, startAt: true, title: true, deletedAt: true, snoozedUntil: true },
  });
  if (!schedule || schedule.deletedAt || schedule.memberId !== plan.memberId) return { sent: false, reason: "gone" };
  if (schedule.state !== "NOT_STARTED") return { sent: false, reason: "started" };
  if (schedule.startAt.toISOString() !== plan.startAt) return { sent: false, reason: "rescheduled" };
  // a later snooze has its own reminder: this one is superseded
  if (plan.snoozedUntil && schedule.snoozedUntil?.toISOString() !== plan.snoozedUntil) {
    return { sent: false, reason: "snoozed again" };
  }
  const payload: ReminderPayload = {
    kind: "reminder",
    key: plan.snoozedUntil
      ? snoozedReminderKey(plan.scheduleId, schedule.startAt, new Date(plan.snoozedUntil))
      : reminderKey(plan.scheduleId, schedule.startAt),
    scheduleId: plan.scheduleId,
    title: schedule.title,
    startAt: plan.startAt,
    url: reminderUrl(plan.scheduleId),
  };
  const result = await sendReminder(plan.memberId, payload, { ttlSeconds: reminderTtlSeconds(schedule.startAt, now) });
  return { sent: true, ...result };
}
