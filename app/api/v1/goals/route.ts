import { CreateGoalInput, GoalList, GoalView, ListGoalsQuery } from "@/lib/contracts/goal";
import { apiHandler } from "@/lib/http/api";
import { createGoal } from "@/lib/services/goals/create-goal";
import { listGoals } from "@/lib/services/goals/read-goals";

export const GET = apiHandler({ query: ListGoalsQuery, output: GoalList }, ({ memberId, query }) =>
  listGoals(memberId, query),
);

export const POST = apiHandler({ body: CreateGoalInput, status: 201, output: GoalView }, ({ memberId, body }) =>
  createGoal(memberId, body),
);
