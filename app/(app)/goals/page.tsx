// /goals — the member's goals, each with its progress at a glance (a bar), its target date and projected finish,
// and a form for a new one that goes straight to its break-down.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { GoalForm } from "@/components/goals/goal-form";
import { ProgressBar } from "@/components/goals/progress-bar";
import { formatDeadline } from "@/components/tasks/task-list";
import { cardClass } from "@/components/tasks/styles";
import { requireMember } from "@/lib/auth/current-member";
import { listGoals } from "@/lib/services/goals/read-goals";

export const metadata: Metadata = { title: "목표 · Goals" };

export default async function GoalsPage() {
  const member = await requireMember();
  const t = await getTranslations("goals");
  const { items } = await listGoals(member.id);

  return (
    <main className="flex flex-1 flex-col gap-5 py-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("list.title")}</h1>

      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line p-6 text-center text-muted">{t("list.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="goal-list">
          {items.map((goal) => {
            const p = goal.progress;
            return (
              <li key={goal.id} className={cardClass}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link
                    href={`/goals/${goal.id}`}
                    className="text-lg font-semibold text-ink underline-offset-2 hover:underline"
                  >
                    {goal.title}
                  </Link>
                  <span className="flex gap-1.5 text-xs font-semibold">
                    {goal.status !== "ACTIVE" ? (
                      <span className="rounded-full bg-surface-tint px-2 py-0.5 text-ink">
                        {t(`list.status.${goal.status}`)}
                      </span>
                    ) : null}
                    {p.onTrack === true ? (
                      <span className="rounded-full bg-surface-tint px-2 py-0.5 text-ink">{t("list.onTrack")}</span>
                    ) : p.onTrack === false ? (
                      <span className="rounded-full bg-red-50 px-2 py-0.5 text-red-800 dark:bg-red-950 dark:text-red-200">
                        {t("list.behind")}
                      </span>
                    ) : null}
                  </span>
                </div>
                <div className="mt-3 flex items-center gap-3">
                  <ProgressBar
                    done={p.completedTasks}
                    total={p.tasks}
                    label={t("list.progressLabel", { title: goal.title })}
                  />
                  <span className="shrink-0 text-sm text-muted">
                    {p.tasks === 0 ? t("list.noTasks") : t("list.progress", { done: p.completedTasks, total: p.tasks })}
                  </span>
                </div>
                <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
                  <span>
                    {goal.targetDate
                      ? t("list.target", { date: formatDeadline(goal.targetDate, member.locale) })
                      : t("list.noTarget")}
                  </span>
                  {p.projectedFinishDate ? (
                    <span>{t("list.projected", { date: formatDeadline(p.projectedFinishDate, member.locale) })}</span>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}

      <section aria-labelledby="new-goal-heading" className={cardClass}>
        <h2 id="new-goal-heading" className="mb-3 text-xl font-semibold">
          {t("form.createTitle")}
        </h2>
        <GoalForm idPrefix="new-goal" breakDownAfter />
      </section>
    </main>
  );
}
