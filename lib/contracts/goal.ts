// Goals: POST/GET /goals, GET/PATCH/DELETE /goals/{id}, POST /goals/{id}/tasks (planning.md "Goal",
// "Break-down", "Shapes and fine points").

import * as z from "zod";
import {
  GOAL_DESCRIPTION,
  GOAL_STATUSES,
  GOAL_TITLE,
  MAX_ACCEPTED_TASKS,
  MAX_DEPENDENCY_IDS,
  TASK_REF,
} from "@/lib/domain/limits";
import {
  Description,
  INT4_MAX,
  Instant,
  Id,
  LocalDate,
  Title,
  Version,
  body,
  oneOfMessage,
  queryFlag,
  queryInteger,
  requiredOr,
  text,
  view,
} from "./common";
import { Difficulty, ExpectedMinutes, Importance, TaskView } from "./task";

export const GoalTitle = text({
  min: GOAL_TITLE.min,
  max: GOAL_TITLE.max,
  trim: true,
  description: "Trimmed; not blank.",
});
export const GoalDescription = text({
  max: GOAL_DESCRIPTION.max,
  multiline: true,
  description: "What done looks like.",
});
export const GoalStatus = z.enum(GOAL_STATUSES, { error: requiredOr(oneOfMessage(GOAL_STATUSES)) });
export const TargetDate = LocalDate.nullable().meta({ description: "The local date it should be done by, or null." });

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** POST /goals */
export const CreateGoalInput = body({
  title: GoalTitle,
  description: GoalDescription.default(""),
  targetDate: TargetDate.default(null),
}).meta({ id: "CreateGoalInput" });
export type CreateGoalInput = z.output<typeof CreateGoalInput>;

/** PATCH /goals/{id}: any goal field; `version` is the one last read (a stale one is 409 CONFLICT) */
export const UpdateGoalInput = body({
  title: GoalTitle.optional(),
  description: GoalDescription.optional(),
  targetDate: TargetDate.optional(),
  status: GoalStatus.optional().meta({ description: "ACHIEVED is the member's choice (goal.achieved)." }),
  version: Version.optional(),
}).meta({ id: "UpdateGoalInput" });
export type UpdateGoalInput = z.output<typeof UpdateGoalInput>;

/** GET /goals?status= */
export const ListGoalsQuery = z.object({
  status: GoalStatus.optional().meta({ description: "Only goals of this status; default all." }),
});
export type ListGoalsQuery = z.output<typeof ListGoalsQuery>;

/** DELETE /goals/{id}?deleteTasks=true|false&version= */
export const DeleteGoalQuery = z.object({
  deleteTasks: queryFlag(
    "true: delete its open tasks too (refused while one of them runs or is paused); false (default): unlink them.",
  ),
  version: queryInteger(1, INT4_MAX)
    .optional()
    .meta({ description: "The version last read; a stale one answers 409." }),
});
export type DeleteGoalQuery = z.output<typeof DeleteGoalQuery>;

/** a task's name within one break-down: what `after` lists to name it */
export const TaskRef = z
  .string({ error: requiredOr("must be text") })
  .min(TASK_REF.min, "must not be empty")
  .max(TASK_REF.max, `must be at most ${TASK_REF.max} characters`)
  .regex(/^[\x21-\x7E]+$/, "must be printable ASCII without spaces")
  .meta({ description: "Unique within the body; `after` names tasks by it." });

/** one accepted task of a break-down */
export const AcceptedTask = body({
  ref: TaskRef,
  title: Title,
  description: Description.default(""),
  expectedMinutes: ExpectedMinutes.nullable().default(null),
  difficulty: Difficulty,
  importance: Importance,
  deadline: LocalDate.meta({ description: "The day it is due, in the member's time zone." }),
  after: z
    .array(
      z
        .string({ error: "must be a ref or a task id" })
        .min(1, "must not be empty")
        .max(64, "must be at most 64 characters"),
      {
        error: requiredOr("must be a list of refs or task ids"),
      },
    )
    .max(MAX_DEPENDENCY_IDS, `must name at most ${MAX_DEPENDENCY_IDS} tasks`)
    .default(() => [])
    .overwrite((refs) => [...new Set(refs)])
    .meta({ description: "Prerequisites: refs of this body, or ids of the member's existing tasks." }),
});
export type AcceptedTask = z.output<typeof AcceptedTask>;

/** POST /goals/{id}/tasks: the break-down the member accepted (edited, trimmed or added to), all or nothing */
export const AcceptTasksInput = body({
  tasks: z
    .array(AcceptedTask, { error: requiredOr("must be a list of tasks") })
    .min(1, "must name at least one task")
    .max(MAX_ACCEPTED_TASKS, `must name at most ${MAX_ACCEPTED_TASKS} tasks`),
})
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.tasks.forEach((t, i) => {
      if (seen.has(t.ref))
        ctx.addIssue({ code: "custom", path: ["tasks", i, "ref"], message: "is used by an earlier task" });
      seen.add(t.ref);
      if (t.after.includes(t.ref))
        ctx.addIssue({ code: "custom", path: ["tasks", i, "after"], message: "must not name the task itself" });
    });
  })
  .meta({ id: "AcceptTasksInput" });
export type AcceptTasksInput = z.output<typeof AcceptTasksInput>;

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

export const GoalProgressView = view({
  tasks: z.int().min(0).meta({ description: "All of its tasks, completed included." }),
  completedTasks: z.int().min(0),
  spentSeconds: z.int().min(0).meta({ description: "Recorded time of its tasks' schedules." }),
  remainingMinutes: z
    .int()
    .min(0)
    .meta({ description: "Expected minutes of its open tasks, estimated where missing." }),
  nextTaskIds: z
    .array(Id)
    .meta({ description: "Open tasks whose prerequisites (in the goal or not) are all completed." }),
  criticalPathMinutes: z
    .int()
    .min(0)
    .meta({ description: "The longest chain of remaining minutes through its open tasks." }),
  projectedFinishDate: LocalDate.nullable().meta({
    description:
      "When the remaining minutes, filled into the working hours from now, are done; null with nothing open.",
  }),
  onTrack: z
    .boolean()
    .nullable()
    .meta({ description: "projectedFinishDate ≤ targetDate; null without a target date." }),
}).meta({ id: "GoalProgress" });
export type GoalProgressView = z.output<typeof GoalProgressView>;

export const GoalView = view({
  id: Id,
  title: z.string(),
  description: z.string(),
  targetDate: LocalDate.nullable(),
  status: GoalStatus,
  version: z.int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
  progress: GoalProgressView,
}).meta({ id: "Goal" });
export type GoalView = z.output<typeof GoalView>;

/** GET /goals: newest first */
export const GoalList = view({ items: z.array(GoalView) }).meta({ id: "GoalList" });
export type GoalList = z.output<typeof GoalList>;

/** POST /goals/{id}/tasks: the created tasks, in the order of the body */
export const AcceptedTasks = view({ tasks: z.array(TaskView) }).meta({ id: "AcceptedTasks" });
export type AcceptedTasks = z.output<typeof AcceptedTasks>;
