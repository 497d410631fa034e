// Shown while the week's statistics are read (streamed first, replaced when the page is ready).
import { getTranslations } from "next-intl/server";

export default async function StatsLoading() {
  const t = await getTranslations("library");
  return (
    <main className="flex flex-1 flex-col gap-4 py-6" aria-busy="true">
      <div className="h-9 w-44 animate-pulse rounded-lg bg-surface-tint" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <div className="h-24 animate-pulse rounded-xl bg-surface-tint" />
        <div className="h-24 animate-pulse rounded-xl bg-surface-tint" />
        <div className="h-24 animate-pulse rounded-xl bg-surface-tint" />
      </div>
      <div className="h-72 animate-pulse rounded-xl bg-surface-tint" />
      <span className="sr-only" role="status">
        {t("stats.loading")}
      </span>
    </main>
  );
}
