// Placement: POST /plan proposes where open tasks go in the member's free time, POST /plan/accept creates the
// schedules of a proposal (planning.md "Placement").

import * as z from "zod";
import { addDays, isSupportedDate } from "@/lib/domain/time";
import { Id, Instant, LocalDate, ScheduleType, body, view } from "./common";
import { PlannedMinutes, ScheduleView } from "./schedule";

/** a plan covers at most this many local days, both ends included */
export const PLAN_MAX_DAYS = 14;
/** tasks a body may name or place at once (the body cap allows far more ids; no plan needs more) */
export const PLAN_MAX_TASKS = 500;

export const UNPLACED_REASONS = ["TOO_LONG", "BLOCKED", "NO_ROOM"] as const;
/** why an accepted placement was refused (details.placements[].reason of the 409) */
export const PLACEMENT_REFUSALS = [
  "TASK_COMPLETED",
  "TASK_SCHEDULED",
  "OFF_GRID",
  "BEFORE_NOW",
  "OUTSIDE_WORKING_HOURS",
  "OVERLAP",
  "PREREQUISITE",
] as const;
export type PlacementRefusal = (typeof PLACEMENT_REFUSALS)[number];

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** POST /plan */
export const PlanInput = body({
  from: LocalDate.meta({ description: "First local day; a day in the past plans from now." }),
  to: LocalDate.meta({ description: `Last local day, included; at most ${PLAN_MAX_DAYS} days in all.` }),
  taskIds: z
    .array(Id, { error: "must be a list of task ids" })
    .min(1, "must name at least one task")
    .max(PLAN_MAX_TASKS, `must name at most ${PLAN_MAX_TASKS} tasks`)
    .optional()
    .meta({ description: "Only these open, unscheduled tasks (a completed or scheduled one is VALIDATION)." }),
  goalId: Id.optional().meta({ description: "Only the open, unscheduled tasks of this goal." }),
})
  .superRefine((input, ctx) => {
    if (input.taskIds !== undefined && input.goalId !== undefined) {
      ctx.addIssue({ code: "custom", path: ["goalId"], message: "give taskIds or goalId, not both" });
    }
    // a day that does not exist has its own refusal already; YYYY-MM-DD strings compare like the days they name
    if (!isSupportedDate(input.from) || !isSupportedDate(input.to)) return;
    if (input.to < input.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (input.to > addDays(input.from, PLAN_MAX_DAYS - 1)) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `must be at most ${PLAN_MAX_DAYS} days from from, both days included`,
      });
    }
  })
  .meta({ id: "PlanInput" });
export type PlanInput = z.output<typeof PlanInput>;

/** one block of POST /plan/accept */
export const AcceptedPlacement = body({
  taskId: Id,
  startAt: Instant,
  plannedMinutes: PlannedMinutes.optional().meta({
    description: "Default: the task's expected minutes, else its estimate.",
  }),
  type: ScheduleType,
});
export type AcceptedPlacement = z.output<typeof AcceptedPlacement>;

/** POST /plan/accept */
export const AcceptPlanInput = body({
  placements: z
    .array(AcceptedPlacement, { error: "must be a list of placements" })
    .min(1, "must hold at least one placement")
    .max(PLAN_MAX_TASKS, `must hold at most ${PLAN_MAX_TASKS} placements`)
    .superRefine((placements, ctx) => {
      const seen = new Set<string>();
      placements.forEach((p, i) => {
        if (seen.has(p.taskId)) ctx.addIssue({ code: "custom", path: [i, "taskId"], message: "is placed twice" });
        seen.add(p.taskId);
      });
    }),
}).meta({ id: "AcceptPlanInput" });
export type AcceptPlanInput = z.output<typeof AcceptPlanInput>;

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

export const ProposedPlacement = view({
  taskId: Id,
  startAt: Instant,
  plannedMinutes: PlannedMinutes,
  type: ScheduleType,
}).meta({ id: "ProposedPlacement" });

export const PlanAnswer = view({
  placements: z.array(ProposedPlacement).meta({ description: "In order of start." }),
  unplaced: z.array(
    view({
      taskId: Id,
      reason: z.enum(UNPLACED_REASONS).meta({
        description:
          "TOO_LONG: longer than every free interval; BLOCKED: an open prerequisite cannot be placed; NO_ROOM: no room left.",
      }),
    }),
  ),
  objective: view({
    weightedLatenessMinutes: z
      .number()
      .min(0)
      .meta({ description: "Σ importance × minutes past the deadline day's end." }),
    lateTasks: z.int().min(0).meta({ description: "Placed tasks that end after their deadline day." }),
  }),
  optimal: z
    .boolean()
    .meta({ description: "True only when the plan is proven best over every placement on the 5-minute grid." }),
  solver: z.enum(["exact", "local-search"]),
  elapsedMs: z.number().min(0),
}).meta({ id: "Plan" });
export type PlanAnswer = z.output<typeof PlanAnswer>;

export const AcceptedPlan = view({
  schedules: z.array(ScheduleView).meta({ description: "In the order of the body." }),
}).meta({
  id: "AcceptedPlan",
});
export type AcceptedPlan = z.output<typeof AcceptedPlan>;
