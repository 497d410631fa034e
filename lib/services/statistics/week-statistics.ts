import "server-only";
// GET /statistics/week: the Monday–Sunday week (member's zone) of a date, from the projection.
import { notFound, validationError } from "@/lib/domain/errors";
import { SUPPORTED_DATES } from "@/lib/domain/limits";
import { summarizeWeek, type WeekSummary } from "@/lib/domain/statistics";
import { addDays, isSupportedDate, localDate, weekStartOf } from "@/lib/domain/time";
import { db } from "@/lib/db/client";
import { fromDateString, toDateString } from "../views";

export async function weekStatistics(memberId: string, date?: string, now = new Date()): Promise<WeekSummary> {
  if (date !== undefined && !isSupportedDate(date))
    throw validationError({
      date: [`must be a date YYYY-MM-DD between ${SUPPORTED_DATES.min} and ${SUPPORTED_DATES.max}`],
    });
  const member = await db().member.findUnique({
    where: { id: memberId },
    select: { timezone: true, dailyGoalMinutes: true },
  });
  if (!member) throw notFound("Member");
  const weekStart = weekStartOf(date ?? localDate(now, member.timezone));
  const rows = await db().dailyStatistic.findMany({
    where: { memberId, day: { gte: fromDateString(weekStart), lte: fromDateString(addDays(weekStart, 6)) } },
  });
  return summarizeWeek(
    rows.map((r) => ({ day: toDateString(r.day), type: r.type, seconds: r.seconds, completedCount: r.completedCount })),
    weekStart,
    member.dailyGoalMinutes,
  );
}
