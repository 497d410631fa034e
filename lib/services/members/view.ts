import "server-only";
// A member as the API and the pages show it (api.md GET /me).
import type { Tx } from "../transaction";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/domain/errors";
import { WorkingHours } from "@/lib/contracts/member";
import { DEFAULT_WORKING_HOURS, type WorkingHours as Week } from "@/lib/domain/goals/working-hours";
import type { MemberView } from "../views";

export const MEMBER_VIEW_SELECT = {
  id: true,
  username: true,
  nickname: true,
  timezone: true,
  dailyGoalMinutes: true,
  reminderLeadMinutes: true,
  locale: true,
  workingHours: true,
  bufferMinutes: true,
} as const;

type MemberRow = {
  id: string;
  username: string | null;
  nickname: string;
  timezone: string;
  dailyGoalMinutes: number;
  reminderLeadMinutes: number;
  locale: "ko" | "en";
  workingHours: unknown;
  bufferMinutes: number;
};

/** the stored week, read through its contract (a JSON column holds whatever was written; PATCH /me checks it) */
export function workingHoursOf(stored: unknown): Week {
  const parsed = WorkingHours.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_WORKING_HOURS;
}

export function memberView(row: MemberRow, activeScheduleId: string | null): MemberView {
  return {
    id: row.id,
    username: row.username,
    nickname: row.nickname,
    timezone: row.timezone,
    dailyGoalMinutes: row.dailyGoalMinutes,
    reminderLeadMinutes: row.reminderLeadMinutes,
    locale: row.locale,
    workingHours: workingHoursOf(row.workingHours),
    bufferMinutes: row.bufferMinutes,
    activeScheduleId,
  };
}

/** the running schedule only (IN_PROGRESS): a paused one is not "active" (api.md) */
export async function activeScheduleId(client: Tx | ReturnType<typeof db>, memberId: string): Promise<string | null> {
  const running = await client.schedule.findFirst({
    where: { memberId, state: "IN_PROGRESS" },
    select: { id: true },
  });
  return running?.id ?? null;
}

/** GET /me: the member with the running schedule; NOT_FOUND when the member is gone */
export async function getMemberView(memberId: string): Promise<MemberView> {
  const row = await db().member.findUnique({ where: { id: memberId }, select: MEMBER_VIEW_SELECT });
  if (!row) throw notFound("Member");
  return memberView(row, await activeScheduleId(db(), memberId));
}
