// POST /goals/{id}/tasks: accept a break-down (all or nothing), with an optional Idempotency-Key.
import { IdParams } from "@/lib/contracts/common";
import { AcceptTasksInput, AcceptedTasks } from "@/lib/contracts/goal";
import { apiHandler, replayAware } from "@/lib/http/api";
import { acceptBreakdown } from "@/lib/services/goals/accept-breakdown";

export const POST = apiHandler(
  { params: IdParams, body: AcceptTasksInput, status: 201, output: AcceptedTasks },
  async ({ memberId, params, body, idempotencyKey, fingerprint, responseHeaders }) => {
    const idempotency = idempotencyKey ? { key: idempotencyKey, fingerprint } : undefined;
    const answer = await replayAware(responseHeaders, acceptBreakdown(memberId, params.id, body.tasks, { idempotency }));
    return { tasks: answer.tasks };
  },
);
