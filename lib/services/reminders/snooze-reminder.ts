import "server-only";
// "Snooze": remind again 10 minutes (or an hour) from now, while the schedule has still not started.
import { illegalTransition, notFound } from "@/lib/domain/errors";
import type { SnoozeMinutes } from "@/lib/domain/reminders";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { db } from "@/lib/db/client";
import { assertId } from "../transaction";

export type Snooze = { scheduleId: string; memberId: string; until: string };

export async function snoozeReminder(memberId: string, scheduleId: string, minutes: SnoozeMinutes, now = new Date()): Promise<Snooze> {
  assertId(scheduleId, "Schedule");
  const schedule = await db().schedule.findFirst({ where: { id: scheduleId, memberId }, select: { state: true } });
  if (!schedule) throw notFound("Schedule");
  if (schedule.state !== "NOT_STARTED") {
    throw illegalTransition(schedule.state, allowedActions(schedule.state), "Only a schedule that has not started can be snoozed.");
  }
  return { scheduleId, memberId, until: new Date(now.getTime() + minutes * 60_000).toISOString() };
}
