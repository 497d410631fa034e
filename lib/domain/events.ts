// The domain events of domain.md. Each is written to the outbox in the transaction of the change it describes
// and carries only ids: consumers read the current state by id. `id` is the idempotency key end to end.
import type { ScheduleAction } from "./schedule-transitions";

export const EVENT_TYPES = [
  "member.created",
  "task.completed",
  "task.reopened",
  "schedule.created",
  "schedule.rescheduled",
  "schedule.started",
  "schedule.paused",
  "schedule.resumed",
  "schedule.completed",
  "schedule.stopped",
  "schedule.reset",
  /** its reminder was snoozed: the instant is the schedule's snoozedUntil (events carry only ids) */
  "schedule.snoozed",
  "schedule.deleted",
  "goal.created",
  "goal.updated",
  "goal.achieved",
  "goal.deleted",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type DomainEvent = {
  id: string;
  type: EventType;
  occurredAt: Date;
  memberId: string;
  scheduleId?: string;
  taskId?: string;
  goalId?: string;
};

/** the event a schedule transition emits */
export const TRANSITION_EVENT: Record<ScheduleAction, EventType> = {
  start: "schedule.started",
  pause: "schedule.paused",
  resume: "schedule.resumed",
  complete: "schedule.completed",
  stop: "schedule.stopped",
  reset: "schedule.reset",
};
