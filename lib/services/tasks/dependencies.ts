import "server-only";
// Changing a task's prerequisites atomically: the whole change is checked against the member's graph as it
// will be, and a change that would close a cycle is refused as a whole (DEPENDENCY_CYCLE with the cycle).
// The caller holds the member lock, so two concurrent changes cannot each pass the check and together cycle.
import { dependencyCycle, notFound, validationError } from "@/lib/domain/errors";
import { applyEdgeChanges, edgeKey, findCycle, type Edge } from "@/lib/domain/graph";
import { assertId, type Tx } from "../transaction";

export type DependencyChange = {
  /** replace the task's prerequisites with these */
  previousTaskIds?: string[];
  /** replace the tasks that follow this one with these */
  nextTaskIds?: string[];
  addPreviousTaskIds?: string[];
  removePreviousTaskIds?: string[];
};

export function hasDependencyChange(c: DependencyChange): boolean {
  return [c.previousTaskIds, c.nextTaskIds, c.addPreviousTaskIds, c.removePreviousTaskIds].some((x) => x !== undefined);
}

/** applies the change; true when an edge was actually added or removed */
export async function changeDependencies(
  tx: Tx,
  memberId: string,
  taskId: string,
  change: DependencyChange,
): Promise<boolean> {
  const named = Object.entries(change).flatMap(([field, ids]) => (ids ?? []).map((id: string) => ({ field, id })));
  const selfEdge = named.filter((n) => n.id === taskId && n.field !== "removePreviousTaskIds");
  if (selfEdge.length > 0) {
    throw validationError(Object.fromEntries(selfEdge.map((n) => [n.field, ["must not name the task itself"]])));
  }
  const ids = [...new Set(named.map((n) => n.id))];
  for (const id of ids) assertId(id, "Task");
  const owned = await tx.task.count({ where: { memberId, id: { in: ids } } });
  if (owned !== ids.length) throw notFound("Task");

  const current = (
    await tx.taskDependency.findMany({ where: { memberId }, select: { previousTaskId: true, nextTaskId: true } })
  ).map((e): Edge => [e.previousTaskId, e.nextTaskId]);
  const remove: Edge[] = [];
  const add: Edge[] = [];
  if (change.previousTaskIds) {
    remove.push(...current.filter(([, next]) => next === taskId));
    add.push(...change.previousTaskIds.map((p): Edge => [p, taskId]));
  }
  if (change.nextTaskIds) {
    remove.push(...current.filter(([previous]) => previous === taskId));
    add.push(...change.nextTaskIds.map((n): Edge => [taskId, n]));
  }
  remove.push(...(change.removePreviousTaskIds ?? []).map((p): Edge => [p, taskId]));
  add.push(...(change.addPreviousTaskIds ?? []).map((p): Edge => [p, taskId]));

  const next = applyEdgeChanges(current, { remove, add });
  const cycle = findCycle(next);
  if (cycle) throw dependencyCycle(cycle);

  const before = new Set(current.map(edgeKey));
  const after = new Set(next.map(edgeKey));
  const gone = current.filter((e) => !after.has(edgeKey(e)));
  const added = next.filter((e) => !before.has(edgeKey(e)));
  if (gone.length > 0) {
    await tx.taskDependency.deleteMany({
      where: { OR: gone.map(([previousTaskId, nextTaskId]) => ({ previousTaskId, nextTaskId })) },
    });
  }
  if (added.length > 0) {
    await tx.taskDependency.createMany({
      data: added.map(([previousTaskId, nextTaskId]) => ({ memberId, previousTaskId, nextTaskId })),
    });
  }
  return gone.length + added.length > 0;
}
