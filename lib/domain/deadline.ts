// A task's deadline against the member's today (both calendar dates "YYYY-MM-DD" in the member's zone, which
// compare as text). A past deadline is allowed (domain.md): an overdue task stays open, marked, and schedulable;
// the form only asks before it saves one.
import { isValidDate } from "./time";

/** an open task whose deadline day has passed */
export function isOverdue(task: { deadline: string; completed: boolean }, today: string): boolean {
  return !task.completed && task.deadline < today;
}

/**
 * Whether the form should ask before saving this deadline: a real date before today that the member chose now
 * (`saved` is the deadline the task already has; keeping an old overdue deadline while editing the title asks
 * nothing).
 */
export function warnsOfPastDeadline(deadline: string, today: string, saved?: string): boolean {
  return isValidDate(deadline) && deadline < today && deadline !== saved;
}
