import { IdParams } from "@/lib/contracts/common";
import { ScheduleView } from "@/lib/contracts/schedule";
import { ScheduleTaskInput } from "@/lib/contracts/task";
import { apiHandler } from "@/lib/http/api";
import { scheduleTask } from "@/lib/services/tasks/schedule-task";

export const POST = apiHandler(
  { params: IdParams, body: ScheduleTaskInput, status: 201, output: ScheduleView, idempotent: true },
  ({ memberId, params, body }) => scheduleTask(memberId, params.id, body),
);
