import "server-only";
// Create a task, with its prerequisites and follow-ups in the same transaction.
import type { Difficulty } from "@/lib/domain/limits";
import { assertOwnGoal } from "../goals/locks";
import { inTransaction, lockMember } from "../transaction";
import { TASK_VIEW_INCLUDE, fromDateString, taskView, type TaskView } from "../views";
import { changeDependencies, hasDependencyChange } from "./dependencies";

export type TaskFields = {
  title: string;
  description?: string;
  /** YYYY-MM-DD in the member's time zone */
  deadline: string;
  importance: number;
  difficulty: Difficulty;
  expectedMinutes?: number | null;
  /** the member's goal it belongs to; another member's is NOT_FOUND */
  goalId?: string | null;
};

export type NewTask = TaskFields & { previousTaskIds?: string[]; nextTaskIds?: string[] };

export async function createTask(memberId: string, input: NewTask): Promise<TaskView> {
  return inTransaction(async (tx) => {
    await lockMember(tx, memberId);
    if (input.goalId) await assertOwnGoal(tx, memberId, input.goalId);
    const task = await tx.task.create({
      data: {
        memberId,
        title: input.title,
        description: input.description ?? "",
        deadline: fromDateString(input.deadline),
        importance: input.importance,
        difficulty: input.difficulty,
        expectedMinutes: input.expectedMinutes ?? null,
        goalId: input.goalId ?? null,
      },
    });
    const change = { previousTaskIds: input.previousTaskIds, nextTaskIds: input.nextTaskIds };
    if (hasDependencyChange(change)) await changeDependencies(tx, memberId, task.id, change);
    return taskView(await tx.task.findUniqueOrThrow({ where: { id: task.id }, include: TASK_VIEW_INCLUDE }));
  });
}
