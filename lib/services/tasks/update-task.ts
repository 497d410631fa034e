import "server-only";
// Edit a task's fields and change its prerequisites, all or nothing. A stale `version` is CONFLICT.
import { conflict, notFound } from "@/lib/domain/errors";
import { assertOwnGoal } from "../goals/locks";
import { assertId, inTransaction, lockMember } from "../transaction";
import { TASK_VIEW_INCLUDE, fromDateString, taskView, type TaskView } from "../views";
import type { TaskFields } from "./create-task";
import { changeDependencies, hasDependencyChange, type DependencyChange } from "./dependencies";

export type UpdateTaskInput = Partial<TaskFields> & DependencyChange & { version?: number };

export async function updateTask(memberId: string, taskId: string, input: UpdateTaskInput): Promise<TaskView> {
  assertId(taskId, "Task");
  return inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    const task = await tx.task.findFirst({ where: { id: taskId, memberId }, select: { version: true } });
    if (!task) throw notFound("Task");
    if (input.version !== undefined && input.version !== task.version) throw conflict();
    if (input.goalId) await assertOwnGoal(tx, memberId, input.goalId);
    const { previousTaskIds, nextTaskIds, addPreviousTaskIds, removePreviousTaskIds } = input;
    const change = { previousTaskIds, nextTaskIds, addPreviousTaskIds, removePreviousTaskIds };
    const edgesChanged = hasDependencyChange(change) && (await changeDependencies(tx, memberId, taskId, change));
    const fields = {
      title: input.title,
      description: input.description,
      deadline: input.deadline === undefined ? undefined : fromDateString(input.deadline),
      importance: input.importance,
      difficulty: input.difficulty,
      expectedMinutes: input.expectedMinutes,
      goalId: input.goalId,
    };
    // api.md: adding an edge that exists or removing one that does not changes nothing, not even the version
    const fieldsGiven = Object.values(fields).some((v) => v !== undefined);
    if (fieldsGiven || edgesChanged) {
      await tx.task.update({ where: { id: taskId }, data: { ...fields, version: { increment: 1 } } });
    }
    return taskView(await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: TASK_VIEW_INCLUDE }));
  });
}
