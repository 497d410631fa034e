-- The instant of a schedule's latest reminder snooze: the schedule.snoozed outbox event carries only ids.
ALTER TABLE "schedules" ADD COLUMN "snoozedUntil" TIMESTAMPTZ(3);

-- When a reminder was last accepted by a device's push service (the reminder status in settings).
ALTER TABLE "push_subscriptions" ADD COLUMN "lastSentAt" TIMESTAMPTZ(3);
