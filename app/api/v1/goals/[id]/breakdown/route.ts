// POST /goals/{id}/breakdown: a proposal of tasks for the goal; writes nothing (accept with POST /goals/{id}/tasks).
import { BreakdownInput, BreakdownProposal } from "@/lib/contracts/breakdown";
import { IdParams } from "@/lib/contracts/common";
import { apiHandler } from "@/lib/http/api";
import { breakdownGoal } from "@/lib/services/goals/breakdown-goal";

export const POST = apiHandler(
  { params: IdParams, body: BreakdownInput, output: BreakdownProposal },
  ({ memberId, params, body }) => breakdownGoal(memberId, params.id, body),
);
