// The member's task named in the URL, for the task pages. A malformed id or another member's task simply does
// not exist here: Next's 404 page, as for any unknown URL.
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/domain/errors";
import { getTask } from "@/lib/services/tasks/read-tasks";
import type { TaskView } from "@/lib/services/views";

export async function taskOrNotFound(memberId: string, taskId: string): Promise<TaskView> {
  try {
    return await getTask(memberId, taskId);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
