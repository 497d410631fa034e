// The domain events Inngest functions are triggered by, typed and checked: each carries the outbox's ids-only
// payload (docs/asyncapi.yaml), parsed by its zod schema when a run starts, so a function reads `event.data`
// without a cast and a malformed event fails before any step instead of being guessed at.
import { eventType } from "inngest";
import * as z from "zod";
import type { EventType } from "@/lib/domain/events";

const Uuid = z.guid();

/** what every domain event carries: the member, and the ids of what it is about */
export const EventPayload = z.object({
  memberId: Uuid,
  scheduleId: Uuid.optional(),
  taskId: Uuid.optional(),
  goalId: Uuid.optional(),
});

/** an event about one schedule: its id is required */
export const SchedulePayload = EventPayload.extend({ scheduleId: Uuid });

const scheduleEvent = <T extends EventType & `schedule.${string}`>(name: T) =>
  eventType(name, { schema: SchedulePayload });

export const scheduleCreated = scheduleEvent("schedule.created");
export const scheduleRescheduled = scheduleEvent("schedule.rescheduled");
export const scheduleStopped = scheduleEvent("schedule.stopped");
export const scheduleReset = scheduleEvent("schedule.reset");
/** its reminder was snoozed: the instant is the schedule's snoozedUntil */
export const scheduleSnoozed = scheduleEvent("schedule.snoozed");
