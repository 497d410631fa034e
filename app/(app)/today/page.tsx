// /today — the home after sign-in: the week strip, the selected day's schedules as player cards, and the
// add-schedule sheet. `?date=YYYY-MM-DD` shows another day (and its week); the default is today in the
// member's zone.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TodayView } from "@/components/today/today-view";
import { requireMember } from "@/lib/auth/current-member";
import { localDate } from "@/lib/domain/time";
import { weekDateParam, type SearchParams } from "../page-params";
import { ParamNotice } from "../param-notice";

export const metadata: Metadata = { title: "오늘 · Today" };

export default async function TodayPage({ searchParams }: { searchParams: SearchParams }) {
  const member = await requireMember();
  // a date whose week cannot be shown (not a date, 1970-01-01, 9999-12-31) shows today, and says so
  const date = weekDateParam((await searchParams).date, localDate(new Date(), member.timezone));
  const t = await getTranslations("player");
  return (
    <>
      {date.refused ? <ParamNotice message={t("today.badDate")} /> : null}
      <TodayView member={member} date={date.value} />
    </>
  );
}
