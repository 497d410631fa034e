import "server-only";
// The tasks the task form offers as prerequisites, in one query: the member's open tasks (overdue ones too),
// soonest deadline first, then the completed ones, most recently completed first; never the task being edited.
import { db } from "@/lib/db/client";
import { assertId } from "../transaction";

export type PrerequisiteCandidate = { id: string; title: string; completed: boolean };

/** a picker longer than this is no help; the first ones (open, soonest deadline) are the likely prerequisites */
export const MAX_PREREQUISITE_CANDIDATES = 300;

export async function prerequisiteCandidates(
  memberId: string,
  exceptTaskId?: string,
): Promise<PrerequisiteCandidate[]> {
  if (exceptTaskId !== undefined) assertId(exceptTaskId, "Task");
  const rows = await db().task.findMany({
    where: { memberId, ...(exceptTaskId ? { id: { not: exceptTaskId } } : {}) },
    select: { id: true, title: true, completedAt: true },
    orderBy: [{ completedAt: { sort: "desc", nulls: "first" } }, { deadline: "asc" }, { id: "asc" }],
    take: MAX_PREREQUISITE_CANDIDATES,
  });
  return rows.map((t) => ({ id: t.id, title: t.title, completed: t.completedAt !== null }));
}
