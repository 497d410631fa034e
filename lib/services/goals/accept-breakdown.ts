// Accepting a break-down: POST /goals/{id}/tasks creates the tasks the member kept (edited or added to) and their
// prerequisite edges in one transaction, all or nothing. `after` names refs of the same body or ids of the member's
// existing tasks; an unknown ref is VALIDATION naming it, an id of nobody's (or another member's) task NOT_FOUND,
// and edges that would close a cycle DEPENDENCY_CYCLE with the refs (and ids) along it. With an Idempotency-Key
// the first answer is stored with the effect: a repeat, even one racing the first, creates nothing more.
import { DomainError, dependencyCycle, notFound, validationError, type FieldErrors } from "@/lib/domain/errors";
import { findCycle, type Edge } from "@/lib/domain/graph";
import type { Difficulty } from "@/lib/domain/limits";
import { idempotent, type IdempotencyRequest } from "../idempotency";
import { assertId, inTransaction, isUuid, lockMember, type Tx } from "../transaction";
import { TASK_VIEW_INCLUDE, fromDateString, taskView, type TaskView } from "../views";
import { lockGoal } from "./locks";

export type AcceptedTask = {
  ref: string;
  title: string;
  description?: string;
  expectedMinutes?: number | null;
  difficulty: Difficulty;
  importance: number;
  deadline: string;
  after: readonly string[];
};

export type AcceptBreakdownAnswer = { tasks: TaskView[]; replayed: boolean };

export async function acceptBreakdown(
  memberId: string,
  goalId: string,
  tasks: readonly AcceptedTask[],
  request: { idempotency?: IdempotencyRequest } = {},
): Promise<AcceptBreakdownAnswer> {
  assertId(goalId, "Goal");
  // creating tasks emits no event (domain.md has no task.created), so nothing is relayed after commit
  const outcome = await inTransaction((tx) =>
    idempotent(tx, memberId, request.idempotency, () => createAll(tx, memberId, goalId, tasks)),
  );
  if (!outcome.ok) {
    outcome.error.replayed = outcome.replayed;
    throw outcome.error;
  }
  return { tasks: outcome.value, replayed: outcome.replayed };
}

/** a node of the graph being checked: a task of this body by its ref, or an existing task by its id */
const refNode = (ref: string) => `ref:${ref}`;
const idNode = (id: string) => `id:${id}`;

async function createAll(
  tx: Tx,
  memberId: string,
  goalId: string,
  tasks: readonly AcceptedTask[],
): Promise<TaskView[]> {
  await lockMember(tx, memberId);
  await lockGoal(tx, memberId, goalId);

  // resolve every `after`: a ref of this body first (a ref may look like an id), else an existing task's id
  const refs = new Set(tasks.map((t) => t.ref));
  const unknown: FieldErrors = {};
  const namedIds = new Set<string>();
  tasks.forEach((t, i) => {
    for (const name of t.after) {
      if (refs.has(name)) continue;
      if (isUuid(name)) namedIds.add(name.toLowerCase());
      else (unknown[`tasks.${i}.after`] ??= []).push(`names an unknown ref: ${name}`);
    }
  });
  if (Object.keys(unknown).length > 0)
    throw validationError(unknown, "Some prerequisites name refs that are not in the body.");
  const existing =
    namedIds.size === 0
      ? []
      : await tx.task.findMany({ where: { memberId, id: { in: [...namedIds] } }, select: { id: true } });
  if (existing.length !== namedIds.size) throw notFound("Task");

  // the new edges all end at new tasks, so any cycle runs through them: check the member's graph with them added
  const newEdges: Edge[] = tasks.flatMap((t) =>
    t.after.map((name): Edge => [refs.has(name) ? refNode(name) : idNode(name.toLowerCase()), refNode(t.ref)]),
  );
  const current = (
    await tx.taskDependency.findMany({ where: { memberId }, select: { previousTaskId: true, nextTaskId: true } })
  ).map((e): Edge => [idNode(e.previousTaskId), idNode(e.nextTaskId)]);
  const cycle = findCycle([...current, ...newEdges]);
  if (cycle) throw cycleOf(cycle);

  const ids = new Map<string, string>();
  for (const t of tasks) {
    const created = await tx.task.create({
      data: {
        memberId,
        goalId,
        title: t.title,
        description: t.description ?? "",
        deadline: fromDateString(t.deadline),
        importance: t.importance,
        difficulty: t.difficulty,
        expectedMinutes: t.expectedMinutes ?? null,
      },
      select: { id: true },
    });
    ids.set(t.ref, created.id);
  }
  const idOf = (node: string) => (node.startsWith("ref:") ? ids.get(node.slice(4))! : node.slice(3));
  if (newEdges.length > 0) {
    await tx.taskDependency.createMany({
      data: newEdges.map(([p, n]) => ({ memberId, previousTaskId: idOf(p), nextTaskId: idOf(n) })),
    });
  }
  const rows = await tx.task.findMany({ where: { id: { in: [...ids.values()] } }, include: TASK_VIEW_INCLUDE });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return tasks.map((t) => taskView(byId.get(ids.get(t.ref)!)!));
}

/** DEPENDENCY_CYCLE naming the refs (and existing task ids) along the cycle; taskIds lists the existing ones */
function cycleOf(nodes: readonly string[]): DomainError {
  const error = dependencyCycle(nodes.filter((n) => n.startsWith("id:")).map((n) => n.slice(3)));
  error.details.refs = nodes.map((n) => n.slice(n.indexOf(":") + 1));
  return error;
}
