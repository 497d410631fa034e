import "server-only";
// The statistics projection: a subscriber to schedule events that keeps daily_statistics in the transaction
// of the change. Only completed schedules count. Completion adds each closed session's whole seconds on the
// session's local day and one completion on the day it happened; reset subtracts exactly that, from the same
// stored sessions and day. Deleting a completed schedule changes nothing here: its sessions stay, and so does
// the time they recorded.
import { completionDeltas, negateDeltas, type StatDelta } from "@/lib/domain/statistics";
import type { ScheduleType } from "@/lib/domain/limits";
import type { DomainEvent } from "@/lib/domain/events";
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
  const facts = event.facts?.statistics;
  if (!facts) return;
  const added = completionDeltas(facts.type, facts.sessions, facts.completedOn);
  switch (event.type) {
    case "schedule.completed":
      return applyDeltas(tx, event.memberId, added);
    case "schedule.reset":
      return applyDeltas(tx, event.memberId, negateDeltas(added));
    default:
      return;
  }
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
