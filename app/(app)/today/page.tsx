// /today — a minimal placeholder of the day view: the date in the member's zone and a greeting. The real
// page (schedules, the player) is built on top of this route.
import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/current-member";
import { messages } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: "오늘 · Today" };

export default async function TodayPage() {
  const member = await requireMember();
  const t = messages(member.locale);
  const date = new Intl.DateTimeFormat(member.locale === "ko" ? "ko-KR" : "en-US", {
    dateStyle: "full",
    timeZone: member.timezone,
  }).format(new Date());
  return (
    <main className="flex flex-1 flex-col gap-3 py-8">
      <h1 className="text-4xl font-bold tracking-tight">{t.today.title}</h1>
      <p className="text-muted">{date}</p>
      <p className="text-lg" data-testid="greeting">
        {t.today.greeting(member.nickname)}
      </p>
    </main>
  );
}
