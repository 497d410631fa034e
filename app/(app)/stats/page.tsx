// /stats — one Monday–Sunday week of the member's statistics (?week=any day of it; default this week): total and
// per-type time, completed count, a bar per day with the daily goal as a line, a donut by type. Every number in
// the charts is also in a table, so nothing depends on seeing them.
import type { Metadata } from "next";
import Link from "next/link";
import { DailyBars, TYPE_COLOURS, TypeDonut } from "@/components/stats/charts";
import { hoursAndMinutes, percent } from "@/components/stats/geometry";
import { getTranslations } from "next-intl/server";
import { intlLocale, type LibraryTranslator } from "@/components/tasks/library-i18n";
import { cardClass, quietButtonClass, textLinkClass } from "@/components/tasks/styles";
import { requireMember } from "@/lib/auth/current-member";
import { SCHEDULE_TYPES } from "@/lib/domain/limits";
import { addDays, localDate, weekStartOf } from "@/lib/domain/time";
import { weekStatistics } from "@/lib/services/statistics/week-statistics";
import { weekDateParam, type SearchParams } from "../page-params";
import { ParamNotice } from "../param-notice";

export const metadata: Metadata = { title: "통계 · Statistics" };

/** "2 h 5 min", or "42 s" under a minute (so a short first session does not read as nothing) */
function duration(t: LibraryTranslator, seconds: number): string {
  const parts = hoursAndMinutes(seconds);
  if (parts.hours === 0 && parts.minutes === 0 && parts.seconds > 0)
    return t("stats.durationSeconds", { seconds: parts.seconds });
  return t("stats.duration", { hours: parts.hours, minutes: parts.minutes }).trim();
}

export default async function StatsPage({ searchParams }: { searchParams: SearchParams }) {
  const member = await requireMember();
  const t = await getTranslations("library");
  const today = localDate(new Date(), member.timezone);
  // a week that cannot be shown (not a date, or outside the supported dates) falls back to this week, and says so
  const week = weekDateParam((await searchParams).week, today);
  const stats = await weekStatistics(member.id, week.value);
  const thisWeek = weekStartOf(today);

  const dayName = new Intl.DateTimeFormat(intlLocale(member.locale), { weekday: "short", timeZone: "UTC" });
  const dayFull = new Intl.DateTimeFormat(intlLocale(member.locale), {
    weekday: "long",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  const dateShort = new Intl.DateTimeFormat(intlLocale(member.locale), {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  const utc = (date: string) => new Date(`${date}T00:00:00Z`);
  const goalSeconds = member.dailyGoalMinutes * 60;

  return (
    <main className="flex flex-1 flex-col gap-6 py-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("stats.title")}</h1>
      {week.refused ? <ParamNotice message={t("stats.badWeek")} /> : null}

      <nav aria-label={t("stats.title")} className="flex flex-wrap items-center justify-between gap-2">
        <Link href={`/stats?week=${addDays(stats.weekStart, -7)}`} className={quietButtonClass} rel="prev">
          ← {t("stats.previous")}
        </Link>
        <p className="text-center font-semibold" aria-live="polite" data-testid="week-range">
          {t("stats.weekOf", {
            start: dateShort.format(utc(stats.weekStart)),
            end: dateShort.format(utc(addDays(stats.weekStart, 6))),
          })}
        </p>
        <Link href={`/stats?week=${addDays(stats.weekStart, 7)}`} className={quietButtonClass} rel="next">
          {t("stats.next")} →
        </Link>
      </nav>
      {stats.weekStart !== thisWeek ? (
        <Link href="/stats" className={`${textLinkClass} self-center`}>
          {t("stats.thisWeek")}
        </Link>
      ) : null}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <div className={cardClass}>
          <dt className="text-sm text-muted">{t("stats.total")}</dt>
          <dd className="text-2xl font-bold" data-testid="total-time">
            {duration(t, stats.totalSeconds)}
          </dd>
        </div>
        <div className={cardClass}>
          <dt className="text-sm text-muted">{t("stats.completed")}</dt>
          <dd className="text-2xl font-bold" data-testid="completed-count">
            {t("stats.completedCount", { count: stats.completedCount })}
          </dd>
        </div>
        <div className={`${cardClass} col-span-2 sm:col-span-1`}>
          <dt className="text-sm text-muted">{t("stats.goal")}</dt>
          <dd className="text-2xl font-bold">{t("stats.goalValue", { duration: duration(t, goalSeconds) })}</dd>
        </div>
      </dl>

      {stats.totalSeconds === 0 && stats.completedCount === 0 ? <p className="text-muted">{t("stats.empty")}</p> : null}

      <section aria-labelledby="daily-title" className={`${cardClass} flex flex-col gap-4`}>
        <h2 id="daily-title" className="text-lg font-semibold">
          {t("stats.daily")}
        </h2>
        <DailyBars
          label={t("stats.chartDays")}
          goalLabel={t("stats.goal")}
          goalSeconds={goalSeconds}
          days={stats.days.map((d) => ({ label: dayName.format(utc(d.date)), seconds: d.seconds }))}
        />
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("stats.daily")}</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-1 font-medium">
                {t("stats.day")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("stats.time")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("stats.ofGoal")}
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.days.map((d) => (
              <tr key={d.date} className="border-t border-line" aria-current={d.date === today ? "date" : undefined}>
                <th scope="row" className="py-1.5 font-normal">
                  {dayFull.format(utc(d.date))}
                </th>
                <td className="py-1.5 text-right tabular-nums">{duration(t, d.seconds)}</td>
                <td className="py-1.5 text-right tabular-nums">{percent(d.seconds, d.goalSeconds)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="types-title" className={`${cardClass} flex flex-col gap-4`}>
        <h2 id="types-title" className="text-lg font-semibold">
          {t("stats.byType")}
        </h2>
        <div className="flex flex-col items-center gap-4 sm:flex-row sm:items-start">
          <TypeDonut label={t("stats.chartTypes")} byType={stats.byType} />
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("stats.byType")}</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  {t("stats.type")}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("stats.time")}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("stats.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {SCHEDULE_TYPES.map((type) => (
                <tr key={type} className="border-t border-line">
                  <th scope="row" className="py-1.5 font-normal">
                    <span className="flex items-center gap-2">
                      <svg viewBox="0 0 10 10" className="size-3" aria-hidden="true">
                        <rect width={10} height={10} rx={2} className={TYPE_COLOURS[type].fill} />
                      </svg>
                      {t(`task.types.${type}`)}
                    </span>
                  </th>
                  <td className="py-1.5 text-right tabular-nums" data-testid={`type-${type}`}>
                    {duration(t, stats.byType[type])}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{percent(stats.byType[type], stats.totalSeconds)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
