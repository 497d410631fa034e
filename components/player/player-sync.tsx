"use client";
// Hands a server render's schedules to the player store, each time the server renders them anew (after a
// navigation, or an action's refresh). Also refreshes the page when the tab comes back into view, so a
// change made in another tab or on another device shows up.
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { usePlayerStore } from "./store";
import type { ScheduleView } from "@/lib/services/views";

type Props = {
  serverNow: string;
  schedules?: ScheduleView[];
  current?: ScheduleView | null;
  taskTitles?: Record<string, string>;
  dayIds?: string[];
  /** refresh on coming back to the tab (once per page: the layout's instance does it) */
  refreshOnFocus?: boolean;
};

export function PlayerSync({ serverNow, schedules, current, taskTitles, dayIds, refreshOnFocus = false }: Props) {
  const hydrate = usePlayerStore((s) => s.hydrate);
  const router = useRouter();

  useEffect(() => {
    hydrate({ serverNow, schedules, current, taskTitles, dayIds });
    // serverNow changes with every server render: that is when the data is new
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverNow]);

  useEffect(() => {
    if (!refreshOnFocus) return;
    const onVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [refreshOnFocus, router]);

  return null;
}
