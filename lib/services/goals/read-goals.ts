// Reading goals with their progress: one goal by id (getGoal, also what the break-down proposal reads) and the
// member's list. Progress is computed from the data each time (lib/domain/goals/progress.ts), in a fixed number
// of queries whatever the number of goals: the goals, their tasks with prerequisites and sessions, the member,
// and (only when an open task has no expected minutes) the member's history for estimates.
import type { GoalView } from "@/lib/contracts/goal";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/domain/errors";
import { estimator } from "@/lib/domain/goals/estimates";
import { goalProgress } from "@/lib/domain/goals/progress";
import type { GoalStatus } from "@/lib/domain/limits";
import { elapsedSeconds } from "@/lib/domain/time";
import { workingHoursOf } from "../members/view";
import { assertId, type Tx } from "../transaction";
import { toDateString } from "../views";
import { memberEstimator } from "./estimates";

export type { GoalView } from "@/lib/contracts/goal";

export type GoalRow = {
  id: string;
  title: string;
  description: string;
  targetDate: Date | null;
  status: GoalStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

type Client = Tx | ReturnType<typeof db>;

/** the member's goal with its progress; another member's goal (or none) is NOT_FOUND */
export async function getGoal(memberId: string, goalId: string, now = new Date()): Promise<GoalView> {
  assertId(goalId, "Goal");
  const row = await db().goal.findFirst({ where: { id: goalId, memberId } });
  if (!row) throw notFound("Goal");
  const [view] = await goalViews(db(), memberId, [row], now);
  return view!;
}

/** the member's goals, newest first, optionally of one status */
export async function listGoals(
  memberId: string,
  query: { status?: GoalStatus } = {},
  now = new Date(),
): Promise<{ items: GoalView[] }> {
  const rows = await db().goal.findMany({
    where: { memberId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return { items: await goalViews(db(), memberId, rows, now) };
}

/** the views of the member's goals `rows`, in their order */
export async function goalViews(
  client: Client,
  memberId: string,
  rows: readonly GoalRow[],
  now: Date,
): Promise<GoalView[]> {
  if (rows.length === 0) return [];
  const [member, tasks] = await Promise.all([
    client.member.findUnique({ where: { id: memberId }, select: { timezone: true, workingHours: true } }),
    client.task.findMany({
      where: { memberId, goalId: { in: rows.map((g) => g.id) } },
      select: {
        id: true,
        goalId: true,
        difficulty: true,
        expectedMinutes: true,
        completedAt: true,
        previousEdges: { select: { previousTaskId: true, previous: { select: { completedAt: true } } } },
        schedule: { select: { sessions: { select: { startedAt: true, endedAt: true } } } },
      },
      // the order nextTaskIds lists them in: soonest deadline, then the most important
      orderBy: [{ deadline: "asc" }, { importance: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  if (!member) throw notFound("Member");
  // a deleted COMPLETED schedule left the calendar but keeps its time for its task (formerTaskId)
  const deleted =
    tasks.length === 0
      ? []
      : await client.schedule.findMany({
          where: { memberId, deletedAt: { not: null }, formerTaskId: { in: tasks.map((t) => t.id) } },
          select: { formerTaskId: true, sessions: { select: { startedAt: true, endedAt: true } } },
        });
  const needsHistory = tasks.some((t) => t.completedAt === null && t.expectedMinutes === null);
  const estimate = needsHistory ? await memberEstimator(client, memberId) : estimator([]);
  const workingHours = workingHoursOf(member.workingHours);

  return rows.map((goal) => {
    const own = tasks.filter((t) => t.goalId === goal.id);
    const completedTaskIds = new Set<string>();
    for (const t of own) {
      if (t.completedAt) completedTaskIds.add(t.id);
      for (const e of t.previousEdges) if (e.previous.completedAt) completedTaskIds.add(e.previousTaskId);
    }
    const ownIds = new Set(own.map((t) => t.id));
    const spentSeconds =
      own.reduce((sum, t) => sum + (t.schedule ? elapsedSeconds(t.schedule.sessions, now) : 0), 0) +
      deleted.reduce(
        (sum, s) => sum + (s.formerTaskId && ownIds.has(s.formerTaskId) ? elapsedSeconds(s.sessions, now) : 0),
        0,
      );
    const targetDate = goal.targetDate ? toDateString(goal.targetDate) : null;
    return {
      id: goal.id,
      title: goal.title,
      description: goal.description,
      targetDate,
      status: goal.status,
      version: goal.version,
      createdAt: goal.createdAt.toISOString(),
      updatedAt: goal.updatedAt.toISOString(),
      progress: goalProgress({
        tasks: own.map((t) => ({
          id: t.id,
          completed: t.completedAt !== null,
          difficulty: t.difficulty,
          expectedMinutes: t.expectedMinutes,
          previousTaskIds: t.previousEdges.map((e) => e.previousTaskId),
        })),
        completedTaskIds,
        spentSeconds,
        estimate,
        targetDate,
        workingHours,
        timeZone: member.timezone,
        now,
      }),
    };
  });
}
