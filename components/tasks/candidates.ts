// The tasks a prerequisite can be picked from: the member's open and completed tasks (the first hundred of each,
// the list service's largest page), without the task being edited.
import type { PrerequisiteCandidate } from "./task-form";
import { listTasks } from "@/lib/services/tasks/read-tasks";

const MAX_CANDIDATES = 100;

export async function prerequisiteCandidates(memberId: string, exceptTaskId?: string): Promise<PrerequisiteCandidate[]> {
  const [open, completed] = await Promise.all([
    listTasks(memberId, { status: "open", limit: MAX_CANDIDATES }),
    listTasks(memberId, { status: "completed", limit: MAX_CANDIDATES }),
  ]);
  // "open" leaves out tasks past their deadline; the archive has them, so add its unfinished ones
  const archived = await listTasks(memberId, { status: "archived", limit: MAX_CANDIDATES });
  const seen = new Set<string>();
  return [...open.items, ...archived.items.filter((t) => !t.completed), ...completed.items]
    .filter((t) => t.id !== exceptTaskId && !seen.has(t.id) && seen.add(t.id))
    .map((t) => ({ id: t.id, title: t.title, completed: t.completed }));
}
