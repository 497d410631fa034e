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
import { localDate, splitAtLocalMidnight, wholeSeconds, type DaySession } from "@/lib/domain/time";
import { Prisma } from "@/lib/db/generated/client";
import { newEvent, publishInStatement, type PublishedEvent } from "../events/publish";
import { idempotent, type IdempotencyRequest } from "../idempotency";
import { relayAfterCommit } from "../outbox/relay";
import { uuidv7 } from "../uuid7";
import { assertId, inTransaction, type Tx } from "../transaction";
import type { StatisticsFacts } from "../statistics/projection";
import { fromDateString, scheduleView, type ScheduleView } from "../views";
import {
  closeOpenSession,
  closedSessions,
  lockMemberAndSchedule,
  lockSchedule,
  readAfterLocks,
  type LockedSchedule,
  type StoredSession,
} from "./locks";

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
  // statement 1: the locks (member, then schedule)
  const { timezone, schedule } = await lockMemberAndSchedule(tx, memberId, scheduleId);

  const target = nextState(schedule.state, action);
  if (!target) throw illegalTransition(schedule.state, allowedActions(schedule.state));
  // statement 2: everything the rules and the change need, read under those locks
  const facts = await readAfterLocks(tx, memberId, scheduleId, schedule.taskId);
  if (schedule.taskId && NEEDS_PREREQUISITES.has(action) && facts.openPrerequisites.length > 0) {
    throw prerequisitesOpen(facts.openPrerequisites);
  }

  const events: PublishedEvent[] = [];
  if (RUNNING_ACTIONS.includes(action) && facts.running) {
    if (!switchRunning) throw anotherScheduleActive(facts.running);
    const other = await lockSchedule(tx, memberId, facts.running);
    events.push(...(await applyAction(tx, timezone, other, "pause", "PAUSED", now)));
  }

  const plan = planAction(schedule, facts.sessions, action, timezone, now);
  events.push(scheduleEvent(schedule, action, plan, now));
  events.push(...(await followLinkedTask(tx, schedule, action, now)));
  // statement 3: the sessions, the schedule, the outbox rows and the statistics, in one
  const { statements, events: published } = publishInStatement(events);
  const updated = await writeTransition(tx, schedule, target, plan, statements, now);
  const row = { ...schedule, ...updated, sessions: plan.sessionsAfter };
  return { schedule: scheduleView(row, now), events: published };
}

/**
 * One statement for every write of a transition (each a data-modifying CTE): the session changes, the schedule row,
 * and what publishing its events writes. Its parts touch different rows, so their order within it does not matter.
 */
async function writeTransition(
  tx: Tx,
  schedule: LockedSchedule,
  target: ScheduleState,
  plan: ActionPlan,
  published: readonly Prisma.Sql[],
  now: Date,
): Promise<{ state: ScheduleState; version: number; updatedAt: Date }> {
  const parts: Prisma.Sql[] = [];
  const inserted: Prisma.Sql[] = [];
  const session = (startedAt: Date, endedAt: Date | null, day: string | null) =>
    Prisma.sql`(${uuidv7()}::uuid, ${schedule.memberId}::uuid, ${schedule.id}::uuid, ${startedAt}::timestamptz, ${endedAt}::timestamptz, ${day}::date)`;
  if (plan.close) {
    const { id, first, rest } = plan.close;
    parts.push(Prisma.sql`
      UPDATE work_sessions SET "endedAt" = ${first.endedAt}::timestamptz, day = ${first.day}::date WHERE id = ${id}::uuid`);
    for (const p of rest) inserted.push(session(p.startedAt, p.endedAt, p.day));
  }
  if (plan.opens) inserted.push(session(now, null, null));
  if (inserted.length > 0) {
    parts.push(Prisma.sql`
      INSERT INTO work_sessions (id, "memberId", "scheduleId", "startedAt", "endedAt", day) VALUES ${Prisma.join(inserted)}`);
  }
  if (plan.discards) parts.push(Prisma.sql`DELETE FROM work_sessions WHERE "scheduleId" = ${schedule.id}::uuid`);
  parts.push(...published);

  const completed = target === "COMPLETED";
  const ctes = parts.map((part, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${part})`);
  const rows = await tx.$queryRaw<{ state: ScheduleState; version: number; updatedAt: Date }[]>`
    WITH ${Prisma.join([
      ...ctes,
      Prisma.sql`s AS (
      UPDATE schedules
      SET state = ${target}::"ScheduleState", version = version + 1, "stateChangedAt" = ${now}::timestamptz,
          "completedAt" = ${completed ? now : null}::timestamptz,
          "completedOn" = ${completed ? plan.statistics!.completedOn : null}::date,
          "updatedAt" = ${new Date()}::timestamptz
      WHERE id = ${schedule.id}::uuid
      RETURNING state::text AS state, version, "updatedAt")`,
    ])}
    SELECT state, version, "updatedAt" FROM s`;
  return rows[0]!;
}

/** what one action does to a locked schedule and its stored sessions, worked out before anything is written */
type ActionPlan = {
  /** the open session closed at `now`: its first local day in place, the following days as new rows */
  close?: { id: string; first: DaySession; rest: DaySession[] };
  opens: boolean;
  discards: boolean;
  statistics?: StatisticsFacts;
  /** the sessions the schedule has afterwards (for its view) */
  sessionsAfter: { startedAt: Date; endedAt: Date | null }[];
};

function planAction(
  schedule: LockedSchedule,
  stored: readonly StoredSession[],
  action: ScheduleAction,
  timeZone: string,
  now: Date,
): ActionPlan {
  const effect = sessionEffect(action);
  let sessions: { startedAt: Date; endedAt: Date | null; day: string | null }[] = [...stored];
  let close: ActionPlan["close"];
  const open = stored.find((x) => x.endedAt === null);
  if (effect.closesOpenSession && open) {
    // a clock that stepped back must not make a negative session (as closeOpenSession)
    const endedAt = now < open.startedAt ? open.startedAt : now;
    const [first, ...rest] = splitAtLocalMidnight({ startedAt: open.startedAt, endedAt }, timeZone);
    if (first) {
      close = { id: open.id, first, rest };
      sessions = sessions.filter((x) => x !== open).concat(first, rest);
    }
  }
  if (effect.opensSession) sessions.push({ startedAt: now, endedAt: null, day: null });

  // completion adds the closed sessions to the statistics; reset takes back exactly what completion added
  const counted = () =>
    sessions
      .filter((x) => x.endedAt !== null)
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
      .map((x) => ({ day: x.day!, seconds: wholeSeconds({ startedAt: x.startedAt, endedAt: x.endedAt! }) }));
  let statistics: StatisticsFacts | undefined;
  if (action === "complete") {
    statistics = { type: schedule.type, completedOn: localDate(now, timeZone), sessions: counted() };
  } else if (action === "reset" && schedule.completedOn) {
    statistics = { type: schedule.type, completedOn: schedule.completedOn, sessions: counted() };
  }
  if (effect.discardsSessions) sessions = [];
  return {
    close,
    opens: effect.opensSession,
    discards: effect.discardsSessions,
    statistics,
    sessionsAfter: sessions.map((x) => ({ startedAt: x.startedAt, endedAt: x.endedAt })),
  };
}

function scheduleChange(target: ScheduleState, plan: Pick<ActionPlan, "statistics">, now: Date) {
  const completed = target === "COMPLETED";
  return {
    state: target,
    version: { increment: 1 },
    stateChangedAt: now,
    completedAt: completed ? now : null,
    completedOn: completed ? fromDateString(plan.statistics!.completedOn) : null,
  };
}

function scheduleEvent(
  schedule: LockedSchedule,
  action: ScheduleAction,
  plan: Pick<ActionPlan, "statistics">,
  now: Date,
): PublishedEvent {
  const subject = { memberId: schedule.memberId, scheduleId: schedule.id };
  return newEvent(
    TRANSITION_EVENT[action],
    subject,
    now,
    plan.statistics ? { statistics: plan.statistics } : undefined,
  );
}

/** a linked task follows its schedule: completing the schedule completes it, reset reopens it */
async function followLinkedTask(
  tx: Tx,
  schedule: LockedSchedule,
  action: ScheduleAction,
  now: Date,
): Promise<PublishedEvent[]> {
  if (!schedule.taskId || (action !== "complete" && action !== "reset")) return [];
  const completing = action === "complete";
  const changed = await tx.task.updateMany({
    where: { id: schedule.taskId, completedAt: completing ? null : { not: null } },
    data: { completedAt: completing ? now : null, version: { increment: 1 } },
  });
  if (changed.count === 0) return [];
  return [
    newEvent(
      completing ? "task.completed" : "task.reopened",
      { memberId: schedule.memberId, taskId: schedule.taskId },
      now,
    ),
  ];
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

  await tx.schedule.update({ where: { id: schedule.id }, data: scheduleChange(target, { statistics }, now) });
  const events = [scheduleEvent(schedule, action, { statistics }, now)];
  events.push(...(await followLinkedTask(tx, schedule, action, now)));
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
