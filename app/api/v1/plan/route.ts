// POST /plan: propose where open tasks go in the member's free time; writes nothing (planning.md "Placement").
import { PlanAnswer, PlanInput } from "@/lib/contracts/plan";
import { apiHandler } from "@/lib/http/api";
import { proposePlan } from "@/lib/services/plan/propose-plan";

export const POST = apiHandler({ body: PlanInput, output: PlanAnswer }, ({ memberId, body }) =>
  proposePlan(memberId, body),
);
