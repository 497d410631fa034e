import "server-only";
// Reading schedules: one by id, a local day or a range of local days, and the one the mini player shows.
//
// Each schedule is read with its sessions in one statement (the sessions as a JSON list in a subquery), so that
// the state and the sessions come from the same snapshot: a transition that commits meanwhile is seen whole or
// not at all, never as an IN_PROGRESS schedule without its open session. Deleted schedules are never read.
import { notFound, validationError } from "@/lib/domain/errors";
import { MAX_RANGE_DAYS, SUPPORTED_DATES, type ScheduleType } from "@/lib/domain/limits";
import type { ScheduleState } from "@/lib/domain/schedule-transitions";
import { addDays, isSupportedDate, startOfLocalDay } from "@/lib/domain/time";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { assertId } from "../transaction";
import { scheduleView, type ScheduleRow, type ScheduleView } from "../views";

export async function getSchedule(memberId: string, scheduleId: string, now = new Date()): Promise<ScheduleView> {
  assertId(scheduleId, "Schedule");
  const [row] = await scheduleRows(Prisma.sql`s.id = ${scheduleId}::uuid AND s."memberId" = ${memberId}::uuid`);
  if (!row) throw notFound("Schedule");
  return scheduleView(row, now);
}

/** schedules whose start falls on the local dates from..to (both included, member's zone), by start time */
export async function listSchedules(
  memberId: string,
  range: { from: string; to: string },
  now = new Date(),
): Promise<ScheduleView[]> {
  if (!isSupportedDate(range.from))
    throw validationError({
      from: [`must be a date YYYY-MM-DD between ${SUPPORTED_DATES.min} and ${SUPPORTED_DATES.max}`],
    });
  if (!isSupportedDate(range.to))
    throw validationError({
      to: [`must be a date YYYY-MM-DD between ${SUPPORTED_DATES.min} and ${SUPPORTED_DATES.max}`],
    });
  if (range.to < range.from) throw validationError({ to: ["must not be before from"] });
  if (addDays(range.from, MAX_RANGE_DAYS - 1) < range.to) {
    throw validationError({ to: [`must be at most ${MAX_RANGE_DAYS} days after from, both included`] });
  }
  const member = await db().member.findUnique({ where: { id: memberId }, select: { timezone: true } });
  if (!member) throw notFound("Member");
  const from = startOfLocalDay(range.from, member.timezone);
  const to = startOfLocalDay(addDays(range.to, 1), member.timezone);
  const rows = await scheduleRows(
    Prisma.sql`s."memberId" = ${memberId}::uuid AND s."startAt" >= ${from} AND s."startAt" < ${to}`,
    Prisma.sql`s."startAt" ASC, s.id ASC`,
  );
  return rows.map((r) => scheduleView(r, now));
}

/** the running schedule, or when none runs the most recently paused one (the mini player's track) */
export async function currentSchedule(memberId: string, now = new Date()): Promise<ScheduleView | null> {
  // one statement for both, so that a pause or resume in between cannot make it answer none
  const [row] = await scheduleRows(
    Prisma.sql`s."memberId" = ${memberId}::uuid AND s.state IN ('IN_PROGRESS', 'PAUSED')`,
    Prisma.sql`(s.state = 'IN_PROGRESS') DESC, s."stateChangedAt" DESC, s.id DESC`,
    1,
  );
  return row ? scheduleView(row, now) : null;
}

type RawScheduleRow = Omit<ScheduleRow, "sessions" | "type" | "state"> & {
  type: string;
  state: string;
  sessions: { startedAt: string; endedAt: string | null }[];
};

/** the member's live schedules matching `where` (on alias s), each with its sessions, in one statement */
async function scheduleRows(
  where: Prisma.Sql,
  orderBy: Prisma.Sql = Prisma.sql`s.id`,
  limit?: number,
): Promise<ScheduleRow[]> {
  const rows = await db().$queryRaw<RawScheduleRow[]>`
    SELECT s.id, s.title, s.description, s."startAt", s."plannedMinutes", s.type::text AS type, s.state::text AS state, s."taskId",
           s.version, s."createdAt", s."updatedAt",
           coalesce((SELECT json_agg(json_build_object('startedAt', w."startedAt", 'endedAt', w."endedAt") ORDER BY w."startedAt")
                     FROM work_sessions w WHERE w."scheduleId" = s.id), '[]'::json) AS sessions
    FROM schedules s
    WHERE ${where} AND s."deletedAt" IS NULL
    ORDER BY ${orderBy}
    ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map((r) => ({
    ...r,
    type: r.type as ScheduleType,
    state: r.state as ScheduleState,
    sessions: r.sessions.map((x) => ({
      startedAt: new Date(x.startedAt),
      endedAt: x.endedAt === null ? null : new Date(x.endedAt),
    })),
  }));
}
