import { WeekQuery, WeekStatistics } from "@/lib/contracts/statistics";
import { apiHandler } from "@/lib/http/api";
import { weekStatistics } from "@/lib/services/statistics/week-statistics";

export const GET = apiHandler({ query: WeekQuery, output: WeekStatistics }, ({ memberId, query }) =>
  weekStatistics(memberId, query.date),
);
