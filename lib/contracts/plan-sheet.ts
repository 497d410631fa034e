// What the "Plan my week" sheet's actions answer (app/(app)/plan/actions.ts): the proposal of POST /plan with the
// title and deadline of each task it names, and the schedules an accept created.

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

export const PlanProposal = PlanAnswer.extend({ tasks: z.array(PlanTaskSummary) });
export type PlanProposal = z.output<typeof PlanProposal>;

export const AcceptedPlanSummary = view({
  schedules: z.array(view({ id: Id, taskId: Id.nullable(), startAt: Instant })),
});
export type AcceptedPlanSummary = z.output<typeof AcceptedPlanSummary>;
