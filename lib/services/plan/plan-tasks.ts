import "server-only";
// The names of the tasks a proposal speaks of (POST /plan answers ids only): the plan sheet shows each ghost
// block and each unplaced task by its title, deadline and minutes. Scoped to the member: another member's id is
// simply not among the answers.
import type { PlanTaskSummary } from "@/lib/contracts/plan-sheet";
import { db } from "@/lib/db/client";
import { toDateString } from "../views";

export async function planTaskSummaries(memberId: string, taskIds: readonly string[]): Promise<PlanTaskSummary[]> {
  if (taskIds.length === 0) return [];
  const rows = await db().task.findMany({
    where: { memberId, id: { in: [...new Set(taskIds)] } },
    select: { id: true, title: true, deadline: true, goalId: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, deadline: toDateString(r.deadline), goalId: r.goalId }));
}
