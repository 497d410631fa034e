"use client";
// Schedules whose start time has passed and that are still not started: a nudge to start (or move) them.
// Reads their live state from the store, so starting one takes it off the banner at once.
import { useTranslations } from "next-intl";
import { usePlayerStore } from "@/components/player/store";

export function OverdueBanner({ items }: { items: { id: string; title: string; time: string }[] }) {
  const t = useTranslations("player.overdue");
  const states = usePlayerStore((s) => s.schedules);
  const overdue = items.filter((item) => (states[item.id]?.state ?? "NOT_STARTED") === "NOT_STARTED");
  if (overdue.length === 0) return null;
  return (
    <section
      aria-labelledby="overdue-title"
      data-testid="overdue-banner"
      className="rounded-xl border border-amber-700 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950 dark:text-amber-50"
    >
      <h2 id="overdue-title" className="font-semibold">
        {t("title", { count: overdue.length })}
      </h2>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {overdue.map((item) => (
          <li key={item.id}>
            <a href={`#schedule-${item.id}-title`} className="underline underline-offset-2">
              {t("item", { title: item.title, time: item.time })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
