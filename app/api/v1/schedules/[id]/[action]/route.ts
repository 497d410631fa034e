// POST /schedules/{id}/{start|pause|resume|complete|stop|reset}, with an optional Idempotency-Key.
import { ScheduleActionParams, ScheduleView, TransitionInput } from "@/lib/contracts/schedule";
import { apiHandler } from "@/lib/http/api";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";

// the key is handled by apiHandler's idempotent: true, like every creating POST
export const POST = apiHandler(
  { params: ScheduleActionParams, body: TransitionInput, output: ScheduleView, idempotent: true },
  async ({ memberId, params, body }) =>
    (await transitionSchedule(memberId, params.id, params.action, { switch: body.switch })).schedule,
);
