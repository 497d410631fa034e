// POST /schedules/{id}/{start|pause|resume|complete|stop|reset}, with an optional Idempotency-Key.
import { ScheduleActionParams, ScheduleView, TransitionInput } from "@/lib/contracts/schedule";
import { apiHandler, replayAware } from "@/lib/http/api";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";

export const POST = apiHandler(
  { params: ScheduleActionParams, body: TransitionInput, output: ScheduleView },
  async ({ memberId, params, body, idempotencyKey, fingerprint, responseHeaders }) => {
    const idempotency = idempotencyKey ? { key: idempotencyKey, fingerprint } : undefined;
    const answer = await replayAware(responseHeaders, transitionSchedule(memberId, params.id, params.action, { switch: body.switch, idempotency }));
    return answer.schedule;
  },
);
