// /tasks — the member's tasks in three lists (open, completed, archive), one page at a time. The list service
// gives a page and an opaque nextCursor; "show more" links to the next page (?status=&cursor=), so paging works
// without JavaScript and each page has its own URL (which the offline cache can keep).
import type { Metadata } from "next";
import Link from "next/link";
import { TaskList } from "@/components/tasks/task-list";
import { getTranslations } from "next-intl/server";
import { linkButtonClass, textLinkClass } from "@/components/tasks/styles";
import { requireMember } from "@/lib/auth/current-member";
import { TASK_LIST_STATUSES, type TaskListStatus } from "@/lib/contracts/task";
import { isDomainError } from "@/lib/domain/errors";
import { localDate } from "@/lib/domain/time";
import { listGoals } from "@/lib/services/goals/read-goals";
import { listTasks, type TaskPage } from "@/lib/services/tasks/read-tasks";
import { choiceParam, textParam, type SearchParams } from "../page-params";
import { ParamNotice } from "../param-notice";

export const metadata: Metadata = { title: "할 일 · Tasks" };

const PAGE_SIZE = 20;

export default async function TasksPage({ searchParams }: { searchParams: SearchParams }) {
  const member = await requireMember();
  const t = await getTranslations("library");
  const params = await searchParams;
  const requested = choiceParam<TaskListStatus>(params.status, TASK_LIST_STATUSES, "open");
  const status = requested.value;
  const requestedCursor = textParam(params.cursor);
  let cursor = requestedCursor.value;
  let refused = requested.refused || requestedCursor.refused;

  let page: TaskPage;
  try {
    page = await listTasks(member.id, { status, cursor, limit: PAGE_SIZE });
  } catch (error) {
    // a cursor from an old or edited URL: show the first page rather than an error, and say so
    if (!isDomainError(error) || !cursor) throw error;
    cursor = undefined;
    refused = true;
    page = await listTasks(member.id, { status, limit: PAGE_SIZE });
  }
  const today = localDate(new Date(), member.timezone);
  const goalTitles = Object.fromEntries((await listGoals(member.id)).items.map((g) => [g.id, g.title]));

  return (
    <main className="flex flex-1 flex-col gap-5 py-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("tasks.title")}</h1>
        <Link href="/tasks/new" className={linkButtonClass}>
          {t("tasks.new")}
        </Link>
      </div>

      {refused ? <ParamNotice message={t("tasks.badQuery")} /> : null}

      <nav aria-label={t("tasks.tabsLabel")}>
        <ul className="flex gap-1 rounded-xl border border-line bg-surface p-1">
          {TASK_LIST_STATUSES.map((s) => (
            <li key={s} className="flex-1">
              <Link
                href={`/tasks?status=${s}`}
                aria-current={s === status ? "page" : undefined}
                className="flex min-h-11 items-center justify-center rounded-lg px-2 font-medium [overflow-wrap:normal] whitespace-nowrap text-muted hover:bg-surface-tint aria-[current=page]:bg-brand aria-[current=page]:text-on-brand"
              >
                {t(`tasks.tabs.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {page.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line p-6 text-center text-muted">
          {t(`tasks.empty.${status}`)}
        </p>
      ) : (
        <TaskList tasks={page.items} today={today} locale={member.locale} goalTitles={goalTitles} />
      )}

      <div className="flex flex-wrap items-center justify-between gap-3">
        {cursor ? (
          <Link href={`/tasks?status=${status}`} className={textLinkClass}>
            {t("tasks.first")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link
            href={`/tasks?status=${status}&cursor=${encodeURIComponent(page.nextCursor)}`}
            className={linkButtonClass}
            rel="next"
          >
            {t("tasks.more")}
          </Link>
        ) : null}
      </div>
    </main>
  );
}
