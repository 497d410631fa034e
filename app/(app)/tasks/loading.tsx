// Shown while a task page reads from the database (streamed first, replaced when the page is ready).
import { getTranslations } from "next-intl/server";

export default async function TasksLoading() {
  const t = await getTranslations("library");
  return (
    <main className="flex flex-1 flex-col gap-3 py-6" aria-busy="true">
      <div className="h-9 w-40 animate-pulse rounded-lg bg-surface-tint" />
      <div className="h-12 animate-pulse rounded-xl bg-surface-tint" />
      <div className="h-20 animate-pulse rounded-xl bg-surface-tint" />
      <div className="h-20 animate-pulse rounded-xl bg-surface-tint" />
      <span className="sr-only" role="status">
        {t("tasks.loading")}
      </span>
    </main>
  );
}
