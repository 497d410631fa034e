import {
  CreateScheduleInput,
  ListSchedulesQuery,
  ScheduleList,
  ScheduleView,
  scheduleRange,
} from "@/lib/contracts/schedule";
import { apiHandler } from "@/lib/http/api";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { listSchedules } from "@/lib/services/schedules/read-schedules";

export const GET = apiHandler({ query: ListSchedulesQuery, output: ScheduleList }, async ({ memberId, query }) => ({
  items: await listSchedules(memberId, scheduleRange(query)),
}));

export const POST = apiHandler(
  { body: CreateScheduleInput, status: 201, output: ScheduleView, idempotent: true },
  ({ memberId, body }) => createSchedule(memberId, body),
);
