// POST /goals/{id}/tasks: accept a break-down (all or nothing), with an optional Idempotency-Key (apiHandler's
// idempotent: true: the accept's transaction stores its answer under the key, and a repeat gets it back).
import { IdParams } from "@/lib/contracts/common";
import { AcceptTasksInput, AcceptedTasks } from "@/lib/contracts/goal";
import { apiHandler } from "@/lib/http/api";
import { acceptBreakdown } from "@/lib/services/goals/accept-breakdown";

export const POST = apiHandler(
  { params: IdParams, body: AcceptTasksInput, status: 201, output: AcceptedTasks, idempotent: true },
  async ({ memberId, params, body }) => ({ tasks: (await acceptBreakdown(memberId, params.id, body.tasks)).tasks }),
);
