import "server-only";
// POST /plan: where the member's open, unscheduled tasks could go between two local dates (planning.md
// "Placement"). Reads only, in one snapshot; the solver (lib/domain/planner) decides.
import { notFound, validationError, type FieldErrors } from "@/lib/domain/errors";
import type { ScheduleType } from "@/lib/domain/limits";
import { freeIntervals, localGridOrigin } from "@/lib/domain/planner/free-time";
import { DEFAULT_GRID_MINUTES, DEFAULT_TIME_BUDGET_MS, plan, type PlannerTask } from "@/lib/domain/planner/solve";
import { addDays, localDate, startOfLocalDay } from "@/lib/domain/time";
import type { PlanAnswer, PlanInput } from "@/lib/contracts/plan";
import { inSnapshot } from "../snapshot";
import { assertId, type Tx } from "../transaction";
import { toDateString } from "../views";
import { busyBlocks, minutesOf, planningMember } from "./calendar";

/** a placed block's type without a former schedule to go by: heavy work is deep work (planning.md) */
export function defaultType(difficulty: number): ScheduleType {
  return difficulty >= 5 ? "DEEP_WORK" : "QUICK_TASK";
}

export async function proposePlan(memberId: string, input: PlanInput, now = new Date()): Promise<PlanAnswer> {
  // read in one snapshot, solve after it: the search takes up to its budget of CPU and must not hold a connection
  // (the embedded database has only one)
  const problem = await inSnapshot(async (tx) => {
    const member = await planningMember(tx, memberId);
    const tasks = await candidates(tx, memberId, input);
    const ids = tasks.map((t) => t.id);

    // only open prerequisites are given; one that is not a candidate makes the solver answer BLOCKED
    const edges =
      ids.length === 0
        ? []
        : await tx.taskDependency.findMany({
            where: { memberId, nextTaskId: { in: ids }, previous: { completedAt: null } },
            select: { previousTaskId: true, nextTaskId: true },
          });
    const prerequisites = new Map<string, string[]>();
    for (const e of edges)
      prerequisites.set(e.nextTaskId, [...(prerequisites.get(e.nextTaskId) ?? []), e.previousTaskId]);

    // planning starts today at the earliest: a past `from` plans from now (free time is cut at now anyway)
    const from = input.from < localDate(now, member.timeZone) ? localDate(now, member.timeZone) : input.from;
    const rangeStart = startOfLocalDay(from, member.timeZone);
    const rangeEnd = startOfLocalDay(addDays(input.to, 1), member.timeZone);
    const busy = from > input.to ? [] : await busyBlocks(tx, memberId, rangeStart, rangeEnd, member.bufferMinutes);

    const minutes = await minutesOf(tx, memberId, tasks);
    const plannerTasks: PlannerTask[] = tasks.map((t) => ({
      id: t.id,
      minutes: minutes(t),
      importance: t.importance,
      deadline: startOfLocalDay(addDays(toDateString(t.deadline), 1), member.timeZone),
      prerequisites: prerequisites.get(t.id) ?? [],
    }));
    const types = await formerTypes(tx, memberId, ids);
    return { member, from, tasks, plannerTasks, busy, types };
  });
  const { member, from, tasks, plannerTasks, busy, types } = problem;
  const free = from > input.to ? [] : freeIntervals({ ...member, from, to: input.to, busy, now });

  const started = performance.now();
  const result = plan({
    tasks: plannerTasks,
    free,
    bufferMinutes: member.bufferMinutes,
    now,
    grid: { minutes: DEFAULT_GRID_MINUTES, origin: localGridOrigin(from, member.timeZone) },
    timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
  });
  const elapsedMs = Math.round(performance.now() - started);

  const byId = new Map(tasks.map((t) => [t.id, t]));
  const minutesById = new Map(plannerTasks.map((t) => [t.id, t.minutes]));
  return {
    placements: result.placements.map((p) => ({
      taskId: p.taskId,
      startAt: p.startAt.toISOString(),
      plannedMinutes: minutesById.get(p.taskId)!,
      type: types.get(p.taskId) ?? defaultType(byId.get(p.taskId)!.difficulty),
    })),
    unplaced: result.unplaced,
    objective: {
      weightedLatenessMinutes: result.objective.weightedLatenessMinutes,
      lateTasks: result.objective.lateTasks,
    },
    optimal: result.optimal,
    solver: result.solver,
    elapsedMs,
  };
}

const CANDIDATE_SELECT = {
  id: true,
  deadline: true,
  importance: true,
  difficulty: true,
  expectedMinutes: true,
} as const;

/** the open tasks without a schedule: all of them, the named ones (each must be one), or a goal's */
async function candidates(tx: Tx, memberId: string, input: PlanInput) {
  const open = { memberId, completedAt: null, schedule: { is: null } } as const;
  if (input.goalId !== undefined) {
    assertId(input.goalId, "Goal");
    const goal = await tx.goal.findFirst({ where: { id: input.goalId, memberId }, select: { id: true } });
    if (!goal) throw notFound("Goal");
    return tx.task.findMany({ where: { ...open, goalId: goal.id }, select: CANDIDATE_SELECT, orderBy: { id: "asc" } });
  }
  if (input.taskIds === undefined)
    return tx.task.findMany({ where: open, select: CANDIDATE_SELECT, orderBy: { id: "asc" } });

  const named = [...new Set(input.taskIds)];
  const rows = await tx.task.findMany({
    where: { memberId, id: { in: named } },
    select: { ...CANDIDATE_SELECT, completedAt: true, schedule: { select: { id: true } } },
    orderBy: { id: "asc" },
  });
  // another member's id answers as one that does not exist
  if (rows.length !== named.length) throw notFound("Task");
  const byId = new Map(rows.map((r) => [r.id, r]));
  const refused: FieldErrors = {};
  input.taskIds.forEach((id, i) => {
    const row = byId.get(id)!;
    if (row.completedAt) (refused[`taskIds.${i}`] ??= []).push("is completed: reopen it before planning it");
    else if (row.schedule) (refused[`taskIds.${i}`] ??= []).push("already has a schedule");
  });
  if (Object.keys(refused).length > 0)
    throw validationError(refused, "Only open tasks without a schedule can be planned.");
  return rows.map(({ id, deadline, importance, difficulty, expectedMinutes }) => ({
    id,
    deadline,
    importance,
    difficulty,
    expectedMinutes,
  }));
}

/** the type of each task's last schedule: candidates have none linked, so a deleted one's (formerTaskId) */
async function formerTypes(tx: Tx, memberId: string, taskIds: readonly string[]): Promise<Map<string, ScheduleType>> {
  if (taskIds.length === 0) return new Map();
  const rows = await tx.schedule.findMany({
    where: { memberId, OR: [{ taskId: { in: [...taskIds] } }, { formerTaskId: { in: [...taskIds] } }] },
    select: { taskId: true, formerTaskId: true, type: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const types = new Map<string, ScheduleType>();
  for (const r of rows) {
    const taskId = r.taskId ?? r.formerTaskId;
    if (taskId) types.set(taskId, r.type); // later rows overwrite: the last one wins
  }
  return types;
}
