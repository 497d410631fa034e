// What the "Plan my week" sheet's actions answer (app/(app)/plan/actions.ts): the proposal of POST /plan with the
// title and deadline of each task it names and where a new task would land after it, and the schedules an accept
// created.

import * as z from "zod";
import { Id, Instant, LocalDate, view } from "./common";
import { PlanAnswer } from "./plan";

export const PlanTaskSummary = view({
  id: Id,
  title: z.string(),
  deadline: LocalDate,
  goalId: Id.nullable(),
});
export type PlanTaskSummary = z.output<typeof PlanTaskSummary>;

/** the minutes of the "new task" of the capacity line */
export const NEW_TASK_MINUTES = 60;

export const PlanProposal = PlanAnswer.extend({
  tasks: z.array(PlanTaskSummary),
  /** where a new task of `minutes` would land with all the proposed blocks on the calendar (null: nowhere in range) */
  newTask: view({ minutes: z.int().positive(), startAt: Instant.nullable() }),
});
export type PlanProposal = z.output<typeof PlanProposal>;

export const AcceptedPlanSummary = view({
  schedules: z.array(view({ id: Id, taskId: Id.nullable(), startAt: Instant })),
});
export type AcceptedPlanSummary = z.output<typeof AcceptedPlanSummary>;
