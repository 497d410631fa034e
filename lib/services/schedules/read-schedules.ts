import "server-only";
// Reading schedules: one by id, a local day or a range of local days, and the one the mini player shows.
import { notFound, validationError } from "@/lib/domain/errors";
import { MAX_RANGE_DAYS, SUPPORTED_DATES } from "@/lib/domain/limits";
import { addDays, isSupportedDate, startOfLocalDay } from "@/lib/domain/time";
import { db } from "@/lib/db/client";
import { assertId } from "../transaction";
import { VIEW_SESSIONS, scheduleView, type ScheduleView } from "../views";

export async function getSchedule(memberId: string, scheduleId: string, now = new Date()): Promise<ScheduleView> {
  assertId(scheduleId, "Schedule");
  const row = await db().schedule.findFirst({ where: { id: scheduleId, memberId }, include: { sessions: VIEW_SESSIONS } });
  if (!row) throw notFound("Schedule");
  return scheduleView(row, now);
}

/** schedules whose start falls on the local dates from..to (both included, member's zone), by start time */
export async function listSchedules(
  memberId: string,
  range: { from: string; to: string },
  now = new Date(),
): Promise<ScheduleView[]> {
  if (!isSupportedDate(range.from)) throw validationError({ from: [`must be a date YYYY-MM-DD between ${SUPPORTED_DATES.min} and ${SUPPORTED_DATES.max}`] });
  if (!isSupportedDate(range.to)) throw validationError({ to: [`must be a date YYYY-MM-DD between ${SUPPORTED_DATES.min} and ${SUPPORTED_DATES.max}`] });
  if (range.to < range.from) throw validationError({ to: ["must not be before from"] });
  if (addDays(range.from, MAX_RANGE_DAYS - 1) < range.to) {
    throw validationError({ to: [`must be at most ${MAX_RANGE_DAYS} days after from, both included`] });
  }
  const member = await db().member.findUnique({ where: { id: memberId }, select: { timezone: true } });
  if (!member) throw notFound("Member");
  const rows = await db().schedule.findMany({
    where: {
      memberId,
      startAt: { gte: startOfLocalDay(range.from, member.timezone), lt: startOfLocalDay(addDays(range.to, 1), member.timezone) },
    },
    include: { sessions: VIEW_SESSIONS },
    orderBy: [{ startAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => scheduleView(r, now));
}

/** the running schedule, or when none runs the most recently paused one (the mini player's track) */
export async function currentSchedule(memberId: string, now = new Date()): Promise<ScheduleView | null> {
  const row =
    (await db().schedule.findFirst({ where: { memberId, state: "IN_PROGRESS" }, include: { sessions: VIEW_SESSIONS } })) ??
    (await db().schedule.findFirst({
      where: { memberId, state: "PAUSED" },
      include: { sessions: VIEW_SESSIONS },
      orderBy: [{ stateChangedAt: "desc" }, { id: "desc" }],
    }));
  return row ? scheduleView(row, now) : null;
}
