import { IdParams } from "@/lib/contracts/common";
import { DeleteScheduleQuery, ScheduleView, UpdateScheduleInput } from "@/lib/contracts/schedule";
import { apiHandler } from "@/lib/http/api";
import { deleteSchedule } from "@/lib/services/schedules/delete-schedule";
import { getSchedule } from "@/lib/services/schedules/read-schedules";
import { updateSchedule } from "@/lib/services/schedules/update-schedule";

export const GET = apiHandler({ params: IdParams, output: ScheduleView }, ({ memberId, params }) =>
  getSchedule(memberId, params.id),
);

export const PATCH = apiHandler(
  { params: IdParams, body: UpdateScheduleInput, output: ScheduleView },
  ({ memberId, params, body }) => updateSchedule(memberId, params.id, body),
);

export const DELETE = apiHandler(
  { params: IdParams, query: DeleteScheduleQuery, status: 204 },
  async ({ memberId, params, query }) => {
    await deleteSchedule(memberId, params.id, query);
  },
);
