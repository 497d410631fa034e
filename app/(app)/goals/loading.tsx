// Shown while a goal page reads from the database.
import { getTranslations } from "next-intl/server";

export default async function GoalsLoading() {
  const t = await getTranslations("goals.list");
  return (
    <main className="flex flex-1 flex-col gap-3 py-6" aria-busy="true">
      <div className="h-9 w-40 animate-pulse rounded-lg bg-surface-tint" />
      <div className="h-24 animate-pulse rounded-xl bg-surface-tint" />
      <div className="h-24 animate-pulse rounded-xl bg-surface-tint" />
      <span className="sr-only" role="status">
        {t("loading")}
      </span>
    </main>
  );
}
