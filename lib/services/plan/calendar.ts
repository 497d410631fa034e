import "server-only";
// What proposing and accepting a plan both read: the member's working hours, zone and buffer, the blocks already
// on the calendar, and how many minutes a task is planned for.
import { estimator, plannedMinutesFor, type Estimator } from "@/lib/domain/goals/estimates";
import { PLANNED_MINUTES } from "@/lib/domain/limits";
import type { BusyBlock, WorkingHours } from "@/lib/domain/planner/free-time";
import { notFound } from "@/lib/domain/errors";
import { memberEstimator } from "../goals/estimates";
import { workingHoursOf } from "../members/view";
import type { Tx } from "../transaction";

export type PlanningMember = { timeZone: string; workingHours: WorkingHours; bufferMinutes: number };

export async function planningMember(tx: Tx, memberId: string): Promise<PlanningMember> {
  const member = await tx.member.findUnique({
    where: { id: memberId },
    select: { timezone: true, workingHours: true, bufferMinutes: true },
  });
  if (!member) throw notFound("Member");
  return {
    timeZone: member.timezone,
    workingHours: workingHoursOf(member.workingHours),
    bufferMinutes: member.bufferMinutes,
  };
}

const MS_PER_MINUTE = 60_000;

/**
 * The member's schedules that are not completed (deleted ones are all completed) and whose block, widened by the
 * buffer, reaches into [from, to): what a placement must keep clear of.
 */
export async function busyBlocks(
  tx: Tx,
  memberId: string,
  from: Date,
  to: Date,
  bufferMinutes: number,
): Promise<BusyBlock[]> {
  const reach = (PLANNED_MINUTES.max + bufferMinutes) * MS_PER_MINUTE;
  const rows = await tx.schedule.findMany({
    where: {
      memberId,
      deletedAt: null,
      state: { not: "COMPLETED" },
      startAt: { gte: new Date(from.getTime() - reach), lt: new Date(to.getTime() + bufferMinutes * MS_PER_MINUTE) },
    },
    select: { startAt: true, plannedMinutes: true },
    orderBy: { startAt: "asc" },
  });
  return rows.filter((r) => r.startAt.getTime() + (r.plannedMinutes + bufferMinutes) * MS_PER_MINUTE > from.getTime());
}

type Sized = { difficulty: number; expectedMinutes: number | null };

/** minutes of each task: expected minutes, else the member's estimate, clamped as planned minutes (5–720) */
export async function minutesOf(tx: Tx, memberId: string, tasks: readonly Sized[]): Promise<(task: Sized) => number> {
  // the member's history is read only when some task has no expected minutes to go by
  const estimate: Estimator = tasks.some((t) => t.expectedMinutes === null)
    ? await memberEstimator(tx, memberId)
    : estimator([]);
  return (task) => plannedMinutesFor(undefined, task, estimate);
}
