// POST /plan/accept: create a proposed plan's schedules, all or nothing, with an optional Idempotency-Key (the
// accept's transaction stores its answer under the key, and a repeat gets it back).
import { AcceptPlanInput, AcceptedPlan } from "@/lib/contracts/plan";
import { apiHandler } from "@/lib/http/api";
import { acceptPlan } from "@/lib/services/plan/accept-plan";

export const POST = apiHandler(
  { body: AcceptPlanInput, status: 201, output: AcceptedPlan, idempotent: true },
  ({ memberId, body }) => acceptPlan(memberId, body.placements),
);
