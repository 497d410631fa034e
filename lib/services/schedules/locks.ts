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
