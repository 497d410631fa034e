import "server-only";
// The statistics projection: a subscriber to schedule events that keeps daily_statistics in the transaction
// of the change. Only completed schedules count. Completion adds each closed session's whole seconds on the
// session's local day and one completion on the day it happened; reset subtracts exactly that, from the same
// stored sessions and day. Deleting a completed schedule changes nothing here: its sessions stay, and so does
// the time they recorded.
import { completionDeltas, negateDeltas, type StatDelta } from "@/lib/domain/statistics";
import type { ScheduleType } from "@/lib/domain/limits";
import type { DomainEvent } from "@/lib/domain/events";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "../transaction";

/** what the projection needs to know about a completion that is being added or taken back */
export type StatisticsFacts = {
  type: ScheduleType;
  completedOn: string;
  sessions: { day: string; seconds: number }[];
};

/** the part of a published event the projection reads (declared here: publish.ts imports this file, not the reverse) */
export type ProjectedEvent = Pick<DomainEvent, "type" | "memberId"> & { facts?: { statistics?: StatisticsFacts } };

export async function projectStatistics(tx: Tx, event: ProjectedEvent): Promise<void> {
  return applyDeltas(tx, event.memberId, eventDeltas(event));
}

/** what one event changes in the projection */
function eventDeltas(event: ProjectedEvent): StatDelta[] {
  const facts = event.facts?.statistics;
  if (!facts) return [];
  const added = completionDeltas(facts.type, facts.sessions, facts.completedOn);
  switch (event.type) {
    case "schedule.completed":
      return added;
    case "schedule.reset":
      return negateDeltas(added);
    default:
      return [];
  }
}

/**
 * The projection of `events` as parts of the caller's one write statement (data-modifying CTEs, see
 * publishInStatement): the same writes as projectStatistics, with the deltas summed per row first, since one
 * statement may change a row only once.
 */
export function statisticsStatements(events: readonly ProjectedEvent[]): Prisma.Sql[] {
  const rows = new Map<string, StatDelta & { memberId: string }>();
  for (const event of events) {
    for (const d of eventDeltas(event)) {
      const key = `${event.memberId} ${d.day} ${d.type}`;
      const row = rows.get(key);
      if (row) {
        row.seconds += d.seconds;
        row.completedCount += d.completedCount;
      } else rows.set(key, { ...d, memberId: event.memberId });
    }
  }
  const takenBack = [...rows.values()].filter((d) => d.seconds < 0 || d.completedCount < 0);
  const added = [...rows.values()].filter((d) => !(d.seconds < 0 || d.completedCount < 0));
  const values = (list: typeof added) =>
    Prisma.join(
      list.map(
        (d) =>
          Prisma.sql`(${d.memberId}::uuid, ${d.day}::date, ${d.type}::"ScheduleType", ${d.seconds}::int, ${d.completedCount}::int)`,
      ),
    );
  const statements: Prisma.Sql[] = [];
  if (added.length > 0) {
    statements.push(Prisma.sql`
      INSERT INTO daily_statistics ("memberId", day, type, seconds, "completedCount")
      VALUES ${values(added)}
      ON CONFLICT ("memberId", day, type) DO UPDATE
        SET seconds = daily_statistics.seconds + EXCLUDED.seconds,
            "completedCount" = daily_statistics."completedCount" + EXCLUDED."completedCount"`);
  }
  if (takenBack.length > 0) {
    // taking back: the rows exist (completion made them), and an INSERT of a negative row would fail the CHECK
    statements.push(Prisma.sql`
      UPDATE daily_statistics AS s
      SET seconds = s.seconds + v.seconds, "completedCount" = s."completedCount" + v.count
      FROM (VALUES ${values(takenBack)}) AS v("memberId", day, type, seconds, count)
      WHERE s."memberId" = v."memberId" AND s.day = v.day AND s.type = v.type`);
  }
  return statements;
}

async function applyDeltas(tx: Tx, memberId: string, deltas: readonly StatDelta[]): Promise<void> {
  for (const d of deltas) {
    if (d.seconds < 0 || d.completedCount < 0) {
      // taking back: the row exists (completion made it), and an INSERT of a negative row would fail the CHECK
      await tx.$executeRaw`
        UPDATE daily_statistics
        SET seconds = seconds + ${d.seconds}, "completedCount" = "completedCount" + ${d.completedCount}
        WHERE "memberId" = ${memberId}::uuid AND day = ${d.day}::date AND type = ${d.type}::"ScheduleType"`;
      continue;
    }
    await tx.$executeRaw`
      INSERT INTO daily_statistics ("memberId", day, type, seconds, "completedCount")
      VALUES (${memberId}::uuid, ${d.day}::date, ${d.type}::"ScheduleType", ${d.seconds}, ${d.completedCount})
      ON CONFLICT ("memberId", day, type) DO UPDATE
        SET seconds = daily_statistics.seconds + EXCLUDED.seconds,
            "completedCount" = daily_statistics."completedCount" + EXCLUDED."completedCount"`;
  }
}
