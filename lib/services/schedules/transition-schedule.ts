import "server-only";
// transition(member, schedule, action, { switch, idempotencyKey }): the player's one use case.
// In one transaction: lock the member and the schedule, check the transition table, then the prerequisites,
// then "one running schedule per member" (api.md's order of refusals), write the schedule and its sessions,
// keep a linked task in step, and publish the events (outbox + statistics projection).
// A refusal writes nothing (except, with an idempotency key, the stored refusal itself).
import { anotherScheduleActive, illegalTransition, prerequisitesOpen } from "@/lib/domain/errors";
import { TRANSITION_EVENT, type DomainEvent } from "@/lib/domain/events";
import {
  RUNNING_ACTIONS,
  allowedActions,
  nextState,
  sessionEffect,
  type ScheduleAction,
  type ScheduleState,
} from "@/lib/domain/schedule-transitions";
import { localDate } from "@/lib/domain/time";
import { newEvent, publish, type PublishedEvent } from "../events/publish";
import { idempotent, type IdempotencyRequest } from "../idempotency";
import { relayAfterCommit } from "../outbox/relay";
import { assertId, inTransaction, lockMember, type Tx } from "../transaction";
import { VIEW_SESSIONS, fromDateString, scheduleView, type ScheduleView } from "../views";
import { closeOpenSession, closedSessions, lockSchedule, type LockedSchedule } from "./locks";

export type TransitionRequest = {
  /** for start/resume while another schedule runs: pause that one and start this one in the same transaction */
  switch?: boolean;
  idempotency?: IdempotencyRequest;
  /** the instant of the transition (tests); defaults to now */
  now?: Date;
};

export type TransitionAnswer = { schedule: ScheduleView; replayed: boolean };

/** actions that are refused while a prerequisite task of the linked task is open */
const NEEDS_PREREQUISITES: ReadonlySet<ScheduleAction> = new Set(["start", "resume", "complete"]);

export async function transitionSchedule(
  memberId: string,
  scheduleId: string,
  action: ScheduleAction,
  request: TransitionRequest = {},
): Promise<TransitionAnswer> {
  assertId(scheduleId, "Schedule");
  const now = request.now ?? new Date();
  const committed: DomainEvent[] = [];
  const run = async (tx: Tx): Promise<ScheduleView> => {
    committed.length = 0; // a retried transaction starts over
    const { schedule, events } = await applyTransition(tx, memberId, scheduleId, action, request.switch === true, now);
    committed.push(...events);
    return schedule;
  };
  const idempotency = request.idempotency;
  if (!idempotency) {
    // the transaction answers the view alone: under the HTTP request's Idempotency-Key (../idempotency.ts) it is
    // what is stored, and what a repeat gets back
    const schedule = await inTransaction(run);
    relayAfterCommit(committed);
    return { schedule, replayed: false };
  }
  const outcome = await inTransaction((tx) => idempotent(tx, memberId, idempotency, () => run(tx)));
  relayAfterCommit(committed);
  if (!outcome.ok) {
    outcome.error.replayed = outcome.replayed;
    throw outcome.error;
  }
  return { schedule: outcome.value, replayed: outcome.replayed };
}

async function applyTransition(
  tx: Tx,
  memberId: string,
  scheduleId: string,
  action: ScheduleAction,
  switchRunning: boolean,
  now: Date,
): Promise<{ schedule: ScheduleView; events: DomainEvent[] }> {
  const member = await lockMember(tx, memberId);
  const schedule = await lockSchedule(tx, memberId, scheduleId);

  const target = nextState(schedule.state, action);
  if (!target) throw illegalTransition(schedule.state, allowedActions(schedule.state));
  if (schedule.taskId && NEEDS_PREREQUISITES.has(action)) await assertPrerequisitesDone(tx, schedule.taskId);

  const events: PublishedEvent[] = [];
  if (RUNNING_ACTIONS.includes(action)) {
    const running = await tx.schedule.findFirst({
      where: { memberId, state: "IN_PROGRESS", id: { not: scheduleId } },
      select: { id: true },
    });
    if (running) {
      if (!switchRunning) throw anotherScheduleActive(running.id);
      const other = await lockSchedule(tx, memberId, running.id);
      events.push(...(await applyAction(tx, member.timezone, other, "pause", "PAUSED", now)));
    }
  }
  events.push(...(await applyAction(tx, member.timezone, schedule, action, target, now)));

  const published = await publish(tx, events);
  const row = await tx.schedule.findUniqueOrThrow({ where: { id: scheduleId }, include: { sessions: VIEW_SESSIONS } });
  return { schedule: scheduleView(row, now), events: published };
}

/** write one allowed action: sessions, the schedule row, a linked task; returns the events to publish */
export async function applyAction(
  tx: Tx,
  timeZone: string,
  schedule: LockedSchedule,
  action: ScheduleAction,
  target: ScheduleState,
  now: Date,
): Promise<PublishedEvent[]> {
  const subject = { memberId: schedule.memberId, scheduleId: schedule.id };
  const effect = sessionEffect(action);
  if (effect.closesOpenSession) await closeOpenSession(tx, schedule.id, timeZone, now);
  if (effect.opensSession) await tx.workSession.create({ data: { ...subject, startedAt: now } });

  // completion adds the closed sessions to the statistics; reset takes back exactly what completion added
  let statistics;
  if (action === "complete") {
    statistics = {
      type: schedule.type,
      completedOn: localDate(now, timeZone),
      sessions: await closedSessions(tx, schedule.id),
    };
  } else if (action === "reset" && schedule.completedOn) {
    statistics = {
      type: schedule.type,
      completedOn: schedule.completedOn,
      sessions: await closedSessions(tx, schedule.id),
    };
  }
  if (effect.discardsSessions) await tx.workSession.deleteMany({ where: { scheduleId: schedule.id } });

  const completed = target === "COMPLETED";
  await tx.schedule.update({
    where: { id: schedule.id },
    data: {
      state: target,
      version: { increment: 1 },
      stateChangedAt: now,
      completedAt: completed ? now : null,
      completedOn: completed ? fromDateString(statistics!.completedOn) : null,
    },
  });
  const events = [newEvent(TRANSITION_EVENT[action], subject, now, statistics ? { statistics } : undefined)];

  // a linked task follows its schedule: completing the schedule completes it, reset reopens it
  if (schedule.taskId && (action === "complete" || action === "reset")) {
    const completing = action === "complete";
    const changed = await tx.task.updateMany({
      where: { id: schedule.taskId, completedAt: completing ? null : { not: null } },
      data: { completedAt: completing ? now : null, version: { increment: 1 } },
    });
    if (changed.count > 0) {
      events.push(
        newEvent(
          completing ? "task.completed" : "task.reopened",
          { memberId: schedule.memberId, taskId: schedule.taskId },
          now,
        ),
      );
    }
  }
  return events;
}

/** PREREQUISITES_OPEN with the open ones when any task that must come before `taskId` is still open */
export async function assertPrerequisitesDone(tx: Tx, taskId: string): Promise<void> {
  const open = await tx.taskDependency.findMany({
    where: { nextTaskId: taskId, previous: { completedAt: null } },
    select: { previousTaskId: true },
    orderBy: { createdAt: "asc" },
  });
  if (open.length > 0) throw prerequisitesOpen(open.map((e) => e.previousTaskId));
}
