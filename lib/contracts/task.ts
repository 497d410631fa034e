// Tasks: POST/GET /tasks, GET/PATCH/DELETE /tasks/{id}, POST /tasks/{id}/complete|reopen|schedule (api.md).

import * as z from "zod";
import { DIFFICULTIES, EXPECTED_MINUTES, IMPORTANCE, MAX_DEPENDENCY_IDS } from "@/lib/domain/limits";
import {
  Cursor,
  Description,
  Id,
  INT4_MAX,
  Instant,
  InstantInput,
  LocalDate,
  PageLimit,
  ScheduleType,
  Title,
  Version,
  body,
  integer,
  oneOfMessage,
  page,
  queryFlag,
  queryInteger,
  requiredOr,
  view,
} from "./common";
import { PlannedMinutes } from "./schedule";

export const Importance = integer(IMPORTANCE.min, IMPORTANCE.max, "1 (least) to 9 (most).");
export const Difficulty = z
  .literal(DIFFICULTIES, { error: requiredOr(oneOfMessage(DIFFICULTIES)) })
  .meta({ description: "A Fibonacci number: 1, 2, 3, 5, 8, 13 or 21." });
export const ExpectedMinutes = integer(EXPECTED_MINUTES.min, EXPECTED_MINUTES.max, "Expected duration in minutes.");

/**
 * Ids of the caller's own tasks (another member's id answers 404). An id named twice counts once.
 * Whether an edge would be a self edge or close a cycle is the service's to decide: it knows the task.
 */
export const TaskIdList = z
  .array(Id, { error: requiredOr("must be a list of task ids") })
  .max(MAX_DEPENDENCY_IDS, `must name at most ${MAX_DEPENDENCY_IDS} tasks`)
  .overwrite((ids) => [...new Set(ids)]);

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** POST /tasks */
export const CreateTaskInput = body({
  title: Title,
  description: Description.default(""),
  deadline: LocalDate.meta({ description: "The day it is due, in the member's time zone." }),
  importance: Importance,
  difficulty: Difficulty,
  /** absent or null: no estimate */
  expectedMinutes: ExpectedMinutes.nullable().default(null),
  previousTaskIds: TaskIdList.default(() => []).meta({ description: "Tasks to finish before this one." }),
  nextTaskIds: TaskIdList.default(() => []).meta({ description: "Tasks that wait for this one." }),
  goalId: Id.nullable().default(null).meta({ description: "The member's goal it belongs to, or null." }),
}).meta({ id: "CreateTaskInput" });
export type CreateTaskInput = z.output<typeof CreateTaskInput>;

/**
 * PATCH /tasks/{id}: any task field (expectedMinutes: null clears it). Prerequisites change either
 * by difference (addPreviousTaskIds / removePreviousTaskIds: adding an edge that exists or removing
 * one that does not changes nothing) or by replacing the whole list (previousTaskIds), not both;
 * nextTaskIds replaces the list of tasks waiting for this one. `version` is the one last read.
 */
export const UpdateTaskInput = body({
  title: Title.optional(),
  description: Description.optional(),
  deadline: LocalDate.optional(),
  importance: Importance.optional(),
  difficulty: Difficulty.optional(),
  expectedMinutes: ExpectedMinutes.nullable().optional(),
  previousTaskIds: TaskIdList.optional().meta({ description: "Replaces the whole list of prerequisites." }),
  nextTaskIds: TaskIdList.optional().meta({ description: "Replaces the whole list of tasks waiting for this one." }),
  addPreviousTaskIds: TaskIdList.optional(),
  removePreviousTaskIds: TaskIdList.optional(),
  goalId: Id.nullable().optional().meta({ description: "Move it to one of the member's goals; null takes it out." }),
  version: Version.optional(),
})
  .superRefine((input, ctx) => {
    if (input.previousTaskIds && (input.addPreviousTaskIds || input.removePreviousTaskIds)) {
      ctx.addIssue({
        code: "custom",
        path: ["previousTaskIds"],
        message: "replaces the whole list: send it without addPreviousTaskIds and removePreviousTaskIds",
      });
    }
    const added = new Set(input.addPreviousTaskIds ?? []);
    if ((input.removePreviousTaskIds ?? []).some((id) => added.has(id))) {
      ctx.addIssue({
        code: "custom",
        path: ["removePreviousTaskIds"],
        message: "must not name a task that addPreviousTaskIds adds",
      });
    }
  })
  .meta({ id: "UpdateTaskInput" });
export type UpdateTaskInput = z.output<typeof UpdateTaskInput>;

export const TASK_LIST_STATUSES = ["open", "completed", "archived"] as const;
export type TaskListStatus = (typeof TASK_LIST_STATUSES)[number];

/** GET /tasks?status=&cursor=&limit= */
export const ListTasksQuery = z.object({
  status: z
    .enum(TASK_LIST_STATUSES, { error: oneOfMessage(TASK_LIST_STATUSES) })
    .default("open")
    .meta({
      description:
        "open (default): not completed, overdue ones included, soonest deadline first; completed; archived: the " +
        "finished tasks, newest deadline first.",
    }),
  cursor: Cursor.optional(),
  limit: PageLimit,
  goalId: Id.optional().meta({ description: "Only the tasks of this goal (another member's goal answers 404)." }),
});
export type ListTasksQuery = z.output<typeof ListTasksQuery>;

/** DELETE /tasks/{id}?deleteSchedule=true|false&version= */
export const DeleteTaskQuery = z.object({
  deleteSchedule: queryFlag("true: delete the linked schedule too; false (default): only unlink it."),
  version: queryInteger(1, INT4_MAX)
    .optional()
    .meta({ description: "The version last read; a stale one answers 409." }),
});
export type DeleteTaskQuery = z.output<typeof DeleteTaskQuery>;

/** POST /tasks/{id}/schedule: a schedule for the task, titled like it */
export const ScheduleTaskInput = body({
  startAt: InstantInput,
  type: ScheduleType,
  plannedMinutes: PlannedMinutes.optional().meta({
    description: "Default: the task's expected minutes, else its estimate.",
  }),
}).meta({ id: "ScheduleTaskInput" });
export type ScheduleTaskInput = z.output<typeof ScheduleTaskInput>;

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

/** a task in answers */
export const TaskView = view({
  id: Id,
  title: z.string(),
  description: z.string(),
  deadline: LocalDate,
  importance: z.int(),
  difficulty: z.int(),
  expectedMinutes: z.int().nullable(),
  completed: z.boolean(),
  previousTaskIds: z.array(Id),
  nextTaskIds: z.array(Id),
  scheduleId: Id.nullable().meta({ description: "The linked schedule, or null." }),
  goalId: Id.nullable().meta({ description: "The goal it belongs to, or null." }),
  version: z.int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
}).meta({ id: "Task" });
export type TaskView = z.output<typeof TaskView>;

/** GET /tasks */
export const TaskPage = page(TaskView).meta({ id: "TaskPage" });
export type TaskPage = z.output<typeof TaskPage>;
