// The goals on the today page: the active goals' progress as small bars under the heading, or — for a new
// member with no goal and no task — the first-run card asking for a first goal, which goes straight to its
// break-down (no empty dead end).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { GoalView } from "@/lib/services/goals/read-goals";
import { GoalForm } from "./goal-form";
import { ProgressBar } from "./progress-bar";

/** how many active goals the header shows */
const SHOWN = 3;

export async function TodayGoals({ goals, firstRun }: { goals: GoalView[]; firstRun: boolean }) {
  const t = await getTranslations("goals");
  if (firstRun) {
    return (
      <section
        aria-labelledby="first-goal-heading"
        className="rounded-2xl border border-brand/40 bg-surface p-4 shadow-sm"
        data-testid="first-goal"
      >
        <h2 id="first-goal-heading" className="text-xl font-semibold">
          {t("firstRun.title")}
        </h2>
        <p className="mb-3 text-muted">{t("firstRun.lead")}</p>
        <GoalForm idPrefix="first-goal" breakDownAfter />
      </section>
    );
  }
  const active = goals.filter((g) => g.status === "ACTIVE").slice(0, SHOWN);
  if (active.length === 0) return null;
  return (
    <nav aria-label={t("list.title")} data-testid="today-goals">
      <ul className="grid gap-2 sm:grid-cols-3">
        {active.map((goal) => (
          <li key={goal.id}>
            <Link
              href={`/goals/${goal.id}`}
              className="flex flex-col gap-1 rounded-lg border border-line bg-surface px-3 py-2 hover:bg-surface-tint"
            >
              <span className="flex justify-between gap-2 text-sm">
                <span className="truncate font-medium">{goal.title}</span>
                <span className="shrink-0 text-muted">
                  {goal.progress.completedTasks}/{goal.progress.tasks}
                </span>
              </span>
              <ProgressBar
                done={goal.progress.completedTasks}
                total={goal.progress.tasks}
                label={t("list.progressLabel", { title: goal.title })}
                size="sm"
              />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
