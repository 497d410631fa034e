// The task dependency graph: an edge [A, B] says "A before B" (A is a previous task of B).
// Services load a member's edges, apply the requested change here, and refuse the whole change
// (DEPENDENCY_CYCLE with the cycle's task ids) when findCycle finds one. Self edges are a
// VALIDATION error caught by services before this point; here one is simply a cycle of one task.

export type Edge = readonly [previousTaskId: string, nextTaskId: string];

/** a string that identifies an edge, unambiguous whatever characters the ids hold */
export function edgeKey(e: Edge): string {
  return JSON.stringify([e[0], e[1]]);
}

/**
 * The edge set after removing `remove` then adding `add`, without duplicates: the edges kept in
 * their order, then the ones added. Removing a missing edge or adding an existing one changes nothing (api.md answers
 * 200 for both).
 */
export function applyEdgeChanges(
  edges: readonly Edge[],
  change: { add?: readonly Edge[]; remove?: readonly Edge[] },
): Edge[] {
  const byKey = new Map<string, Edge>();
  for (const e of edges) if (!byKey.has(edgeKey(e))) byKey.set(edgeKey(e), [e[0], e[1]]);
  for (const e of change.remove ?? []) byKey.delete(edgeKey(e));
  for (const e of change.add ?? []) if (!byKey.has(edgeKey(e))) byKey.set(edgeKey(e), [e[0], e[1]]);
  return [...byKey.values()];
}

/**
 * One cycle, as the task ids along it in edge order (the first id is not repeated at the end:
 * the last id's edge leads back to the first), or null when the graph is acyclic.
 *
 * A depth-first search with its own stack rather than recursion, so that a long chain of
 * dependencies cannot overflow the call stack. A task is "on the path" while its descendants are
 * being explored; meeting such a task again means the path has come back to it: a cycle.
 */
export function findCycle(edges: readonly Edge[]): string[] | null {
  const nextTasks = new Map<string, string[]>();
  for (const [previous, next] of edges) {
    const list = nextTasks.get(previous);
    if (list) list.push(next);
    else nextTasks.set(previous, [next]);
  }

  const onPath = new Set<string>();
  const finished = new Set<string>(); // explored fully: no cycle goes through it
  for (const root of nextTasks.keys()) {
    if (finished.has(root)) continue;
    // path[i] is a task, nextIndex[i] which of its next tasks to look at next
    const path: string[] = [root];
    const nextIndex: number[] = [0];
    onPath.add(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const task = path[top]!;
      const i = nextIndex[top]!;
      const candidates = nextTasks.get(task) ?? [];
      if (i >= candidates.length) {
        path.pop();
        nextIndex.pop();
        onPath.delete(task);
        finished.add(task);
        continue;
      }
      nextIndex[top] = i + 1;
      const next = candidates[i]!;
      if (onPath.has(next)) return path.slice(path.indexOf(next));
      if (!finished.has(next)) {
        path.push(next);
        nextIndex.push(0);
        onPath.add(next);
      }
    }
  }
  return null;
}
