import { IdParams } from "@/lib/contracts/common";
import { DeleteGoalQuery, GoalView, UpdateGoalInput } from "@/lib/contracts/goal";
import { apiHandler } from "@/lib/http/api";
import { deleteGoal } from "@/lib/services/goals/delete-goal";
import { getGoal } from "@/lib/services/goals/read-goals";
import { updateGoal } from "@/lib/services/goals/update-goal";

export const GET = apiHandler({ params: IdParams, output: GoalView }, ({ memberId, params }) =>
  getGoal(memberId, params.id),
);

export const PATCH = apiHandler(
  { params: IdParams, body: UpdateGoalInput, output: GoalView },
  ({ memberId, params, body }) => updateGoal(memberId, params.id, body),
);

export const DELETE = apiHandler(
  { params: IdParams, query: DeleteGoalQuery, status: 204 },
  async ({ memberId, params, query }) => {
    await deleteGoal(memberId, params.id, query);
  },
);
