// The frame of every signed-in page: the nav bar (Today, Goals, Tasks, Stats, Settings), the page, and the mini
// player fixed at the bottom with its dialogs. The language and its words come from next-intl (i18n/request.ts).
import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { KeyboardShortcuts } from "@/components/player/keyboard-shortcuts";
import { MiniPlayer } from "@/components/player/mini-player";
import { PlayerDialogs } from "@/components/player/player-dialogs";
import { PlayerSync } from "@/components/player/player-sync";
import type { MemberView, ScheduleView } from "@/lib/services/views";
import { NavLink } from "./nav-link";

/** the statistics page is built in parallel; typed routes know it only once it exists */
const STATS_PATH = "/stats" as Route;

type Props = { member: MemberView; current: ScheduleView | null; serverNow: string; children: ReactNode };

export async function AppShell({ member, current, serverNow, children }: Props) {
  const t = await getTranslations("player.nav");
  const goals = await getTranslations("goals.nav");
  return (
    <NextIntlClientProvider>
      <div lang={member.locale} className="mx-auto flex min-h-dvh w-full max-w-3xl flex-col px-5 pb-28 sm:px-8">
        <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
          <Link href="/today" className="text-lg font-semibold tracking-tight text-brand">
            Pinit
          </Link>
          <nav aria-label={t("label")} className="flex items-center gap-1">
            <ul className="flex gap-0.5">
              <li>
                <NavLink href="/today">{t("today")}</NavLink>
              </li>
              <li>
                <NavLink href="/goals">{goals("goals")}</NavLink>
              </li>
              <li>
                <NavLink href="/tasks">{t("tasks")}</NavLink>
              </li>
              <li>
                <NavLink href={STATS_PATH}>{t("stats")}</NavLink>
              </li>
              <li>
                <NavLink href="/settings">{t("settings")}</NavLink>
              </li>
            </ul>
            <KeyboardShortcuts />
          </nav>
        </header>
        {children}
      </div>
      <PlayerSync serverNow={serverNow} current={current} refreshOnFocus />
      <MiniPlayer initial={current} serverNow={serverNow} />
      <PlayerDialogs />
    </NextIntlClientProvider>
  );
}
