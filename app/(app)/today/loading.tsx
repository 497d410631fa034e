// While the day view loads: the shape of the page, so nothing jumps when it arrives.
import { getTranslations } from "next-intl/server";

export default async function TodayLoading() {
  const t = await getTranslations("player.today");
  return (
    <main className="flex flex-1 flex-col gap-5 py-4" aria-busy="true">
      <p role="status" className="text-muted">
        {t("loading")}
      </p>
      <div className="h-20 animate-pulse rounded-xl bg-surface-tint" />
      <div className="h-32 animate-pulse rounded-2xl bg-surface-tint" />
      <div className="h-32 animate-pulse rounded-2xl bg-surface-tint" />
    </main>
  );
}
