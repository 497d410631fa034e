import "server-only";
// Reading a schedule under its row lock, and the session bookkeeping every transition shares.
import { notFound } from "@/lib/domain/errors";
import type { ScheduleType } from "@/lib/domain/limits";
import type { ScheduleState } from "@/lib/domain/schedule-transitions";
import { splitAtLocalMidnight, wholeSeconds } from "@/lib/domain/time";
import type { Tx } from "../transaction";
import { fromDateString, toDateString } from "../views";

export type LockedSchedule = {
  id: string;
  memberId: string;
  taskId: string | null;
  type: ScheduleType;
  state: ScheduleState;
  startAt: Date;
  version: number;
  completedOn: string | null;
};

/**
 * the member's schedule, locked FOR UPDATE until the transaction ends; another member's id, and a deleted
 * schedule, are NOT_FOUND
 */
export async function lockSchedule(tx: Tx, memberId: string, scheduleId: string): Promise<LockedSchedule> {
  const rows = await tx.$queryRaw<(Omit<LockedSchedule, "completedOn"> & { completedOn: Date | string | null })[]>`
    SELECT id, "memberId", "taskId", type::text AS type, state::text AS state, "startAt", version, "completedOn"
    FROM schedules WHERE id = ${scheduleId}::uuid AND "memberId" = ${memberId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("Schedule");
  const completedOn =
    row.completedOn === null
      ? null
      : typeof row.completedOn === "string"
        ? row.completedOn.slice(0, 10)
        : toDateString(row.completedOn);
  return { ...row, completedOn };
}

/** close the schedule's open session at `now`, split at the member's local midnights (one row per local day) */
export async function closeOpenSession(tx: Tx, scheduleId: string, timeZone: string, now: Date): Promise<void> {
  const open = await tx.workSession.findFirst({ where: { scheduleId, endedAt: null } });
  if (!open) return;
  // a clock that stepped back must not make a negative session
  const endedAt = now < open.startedAt ? open.startedAt : now;
  const [first, ...rest] = splitAtLocalMidnight({ startedAt: open.startedAt, endedAt }, timeZone);
  if (!first) return;
  await tx.workSession.update({
    where: { id: open.id },
    data: { endedAt: first.endedAt, day: fromDateString(first.day) },
  });
  if (rest.length > 0) {
    await tx.workSession.createMany({
      data: rest.map((p) => ({
        memberId: open.memberId,
        scheduleId,
        startedAt: p.startedAt,
        endedAt: p.endedAt,
        day: fromDateString(p.day),
      })),
    });
  }
}

/** the schedule's closed sessions as the statistics count them: whole seconds on a local day */
export async function closedSessions(tx: Tx, scheduleId: string): Promise<{ day: string; seconds: number }[]> {
  const sessions = await tx.workSession.findMany({
    where: { scheduleId, endedAt: { not: null } },
    select: { startedAt: true, endedAt: true, day: true },
    orderBy: { startedAt: "asc" },
  });
  return sessions.map((s) => ({
    day: toDateString(s.day!),
    seconds: wholeSeconds({ startedAt: s.startedAt, endedAt: s.endedAt! }),
  }));
}

/** the locked schedule with what its view shows besides its sessions */
export type LockedScheduleRow = LockedSchedule & {
  title: string;
  description: string;
  plannedMinutes: number;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * One statement for `lockMember` then `lockSchedule`: the member's row (FOR NO KEY UPDATE) and then, through the
 * LATERAL join on it, the schedule's (FOR UPDATE), so the member is always locked first, as every writer does.
 * Locked rows are read as they are once the locks are held (READ COMMITTED re-reads a row it waited for), so this
 * is what the two statements read; anything else must be read by a later statement (`readAfterLocks`).
 */
export async function lockMemberAndSchedule(
  tx: Tx,
  memberId: string,
  scheduleId: string,
): Promise<{ timezone: string; schedule: LockedScheduleRow }> {
  const rows = await tx.$queryRaw<
    ({ timezone: string; found: boolean } & Omit<LockedScheduleRow, "completedOn"> & {
        completedOn: Date | string | null;
      })[]
  >`
    SELECT m.timezone, s.id IS NOT NULL AS found, s.id, s."memberId", s."taskId", s.type, s.state, s."startAt",
           s.version, s."completedOn", s.title, s.description, s."plannedMinutes", s."createdAt", s."updatedAt"
    FROM (SELECT id, timezone FROM members WHERE id = ${memberId}::uuid FOR NO KEY UPDATE) m
    LEFT JOIN LATERAL (
      SELECT id, "memberId", "taskId", type::text AS type, state::text AS state, "startAt", version, "completedOn",
             title, description, "plannedMinutes", "createdAt", "updatedAt"
      FROM schedules
      WHERE id = ${scheduleId}::uuid AND "memberId" = m.id AND "deletedAt" IS NULL
      FOR UPDATE
    ) s ON true`;
  const row = rows[0];
  if (!row) throw notFound("Member");
  const { timezone, found, completedOn, ...schedule } = row;
  if (!found) throw notFound("Schedule");
  return { timezone, schedule: { ...schedule, completedOn: dateOnly(completedOn) } };
}

/** a stored session of the schedule being changed */
export type StoredSession = { id: string; startedAt: Date; endedAt: Date | null; day: string | null };

/**
 * What a transition reads once its locks are held, in one statement (a fresh snapshot, so it sees every change
 * committed by the writer it waited for): another running schedule of the member, the schedule's sessions, and the
 * open prerequisite tasks of its linked task (oldest dependency first).
 */
export async function readAfterLocks(
  tx: Tx,
  memberId: string,
  scheduleId: string,
  taskId: string | null,
): Promise<{ running: string | null; sessions: StoredSession[]; openPrerequisites: string[] }> {
  const rows = await tx.$queryRaw<
    {
      running: string | null;
      sessions: { id: string; startedAt: string; endedAt: string | null; day: string | null }[];
      prerequisites: string[];
    }[]
  >`
    SELECT
      (SELECT id FROM schedules
       WHERE "memberId" = ${memberId}::uuid AND state = 'IN_PROGRESS' AND id <> ${scheduleId}::uuid LIMIT 1) AS running,
      coalesce((SELECT json_agg(json_build_object('id', w.id, 'startedAt', w."startedAt", 'endedAt', w."endedAt",
                                                  'day', to_char(w.day, 'YYYY-MM-DD')) ORDER BY w."startedAt", w.id)
                FROM work_sessions w WHERE w."scheduleId" = ${scheduleId}::uuid), '[]'::json) AS sessions,
      coalesce((SELECT json_agg(d."previousTaskId" ORDER BY d."createdAt")
                FROM task_dependencies d JOIN tasks t ON t.id = d."previousTaskId"
                WHERE d."nextTaskId" = ${taskId}::uuid AND t."completedAt" IS NULL), '[]'::json) AS prerequisites`;
  const row = rows[0]!;
  return {
    running: row.running,
    sessions: row.sessions.map((s) => ({
      id: s.id,
      startedAt: new Date(s.startedAt),
      endedAt: s.endedAt === null ? null : new Date(s.endedAt),
      day: s.day,
    })),
    openPrerequisites: row.prerequisites,
  };
}

function dateOnly(d: Date | string | null): string | null {
  return d === null ? null : typeof d === "string" ? d.slice(0, 10) : toDateString(d);
}
