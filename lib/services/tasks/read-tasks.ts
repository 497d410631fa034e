import "server-only";
// Reading tasks: one by id, and the open / completed / archived lists with cursor paging.
// open: not completed, soonest deadline first; an overdue task (its deadline passed) stays here, flagged by its
// deadline, so that it can still be scheduled and finished (domain.md, "Lists");
// completed: most recently completed first;
// archived: the finished tasks, newest deadline first (domain.md: "listed apart, newest first"). A passed
// deadline alone never moves a task here: that hid work the member still had to do.
// A task view takes several statements (the task, its edges both ways, its schedule): each read runs in one
// snapshot, so that an edge added meanwhile shows on both of its tasks or on neither.
import { notFound, validationError } from "@/lib/domain/errors";
import { PAGE_LIMIT } from "@/lib/domain/limits";
import { isSupportedDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/db/generated/client";
import { inSnapshot } from "../snapshot";
import { assertId, isUuid } from "../transaction";
import { TASK_VIEW_INCLUDE, taskView, type TaskView } from "../views";

export type TaskStatus = "open" | "completed" | "archived";
export type TaskPage = { items: TaskView[]; nextCursor: string | null };

export async function getTask(memberId: string, taskId: string): Promise<TaskView> {
  assertId(taskId, "Task");
  const task = await inSnapshot((tx) =>
    tx.task.findFirst({ where: { id: taskId, memberId }, include: TASK_VIEW_INCLUDE }),
  );
  if (!task) throw notFound("Task");
  return taskView(task);
}

type Cursor = { at: string; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    if (
      typeof c.at === "string" &&
      typeof c.id === "string" &&
      isSupportedDate(new Date(c.at).toISOString().slice(0, 10)) &&
      isUuid(c.id)
    ) {
      return { at: c.at, id: c.id };
    }
  } catch {
    // not base64url JSON, or a date that is not one (toISOString throws): refused below
  }
  throw validationError({ cursor: ["is not a cursor this list gave out"] });
}

export async function listTasks(
  memberId: string,
  query: { status: TaskStatus; cursor?: string; limit?: number; goalId?: string },
): Promise<TaskPage> {
  const limit = query.limit ?? PAGE_LIMIT.default;
  const after = query.cursor ? decode(query.cursor) : undefined;
  if (query.goalId !== undefined) assertId(query.goalId, "Goal");
  return inSnapshot(async (tx) => {
    if ((await tx.member.count({ where: { id: memberId } })) === 0) throw notFound("Member");
    // another member's goal is NOT_FOUND, not an empty list
    if (query.goalId !== undefined && (await tx.goal.count({ where: { id: query.goalId, memberId } })) === 0) {
      throw notFound("Goal");
    }
    const ofGoal: Prisma.TaskWhereInput = query.goalId === undefined ? {} : { goalId: query.goalId };

    // the sort key of each list, and which way it runs
    const key = query.status === "completed" ? "completedAt" : "deadline";
    const ascending = query.status === "open";
    const filter: Prisma.TaskWhereInput =
      query.status === "open" ? { completedAt: null } : { completedAt: { not: null } };

    let beyondCursor: Prisma.TaskWhereInput = {};
    if (after) {
      const at = new Date(after.at);
      const beyond = ascending ? { gt: at } : { lt: at };
      beyondCursor = { OR: [{ [key]: beyond }, { [key]: at, id: ascending ? { gt: after.id } : { lt: after.id } }] };
    }
    const order = ascending ? "asc" : "desc";
    const rows = await tx.task.findMany({
      where: { AND: [{ memberId }, ofGoal, filter, beyondCursor] },
      include: TASK_VIEW_INCLUDE,
      orderBy: [{ [key]: order }, { id: order }],
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last ? (key === "completedAt" ? last.completedAt : last.deadline) : null;
    return {
      items: page.map(taskView),
      nextCursor: rows.length > limit && last && lastKey ? encode({ at: lastKey.toISOString(), id: last.id }) : null,
    };
  });
}
