// /today — the home after sign-in: the week strip, the selected day's schedules as player cards, and the
// add-schedule sheet. `?date=YYYY-MM-DD` shows another day (and its week); the default is today in the
// member's zone.
import type { Metadata } from "next";
import { TodayView } from "@/components/today/today-view";
import { requireMember } from "@/lib/auth/current-member";

export const metadata: Metadata = { title: "오늘 · Today" };

export default async function TodayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember();
  const { date } = await searchParams;
  return <TodayView member={member} date={typeof date === "string" ? date : undefined} />;
}
