// One page of tasks as a list of cards: title (a link to the task), deadline, importance and difficulty.
import Link from "next/link";
import { isOverdue } from "@/lib/domain/deadline";
import type { Locale } from "@/lib/domain/limits";
import type { TaskView } from "@/lib/services/views";
import { useTranslations } from "next-intl";
import { intlLocale } from "./library-i18n";
import { cardClass } from "./styles";

export function formatDeadline(date: string, locale: Locale): string {
  // a calendar date, not an instant: format it at UTC so no zone moves it to another day
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** `goalTitles`: goal id → title, to name each task's goal */
export function TaskList({
  tasks,
  today,
  locale,
  goalTitles = {},
}: {
  tasks: TaskView[];
  today: string;
  locale: Locale;
  goalTitles?: Record<string, string>;
}) {
  const t = useTranslations("library");
  return (
    <ul className="flex flex-col gap-3" data-testid="task-list">
      {tasks.map((task) => (
        <li key={task.id} className={cardClass}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link
              href={`/tasks/${task.id}`}
              className="text-lg font-semibold text-ink underline-offset-2 hover:underline"
            >
              {task.title}
            </Link>
            <span className="flex gap-1.5 text-xs font-semibold">
              {task.completed ? (
                <span className="rounded-full bg-surface-tint px-2 py-0.5 text-ink">{t("tasks.completedBadge")}</span>
              ) : isOverdue(task, today) ? (
                <span className="rounded-full bg-red-50 px-2 py-0.5 text-red-800 dark:bg-red-950 dark:text-red-200">
                  {t("tasks.overdueBadge")}
                </span>
              ) : null}
            </span>
          </div>
          <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
            {task.goalId && goalTitles[task.goalId] ? (
              <Link
                href={`/goals/${task.goalId}`}
                className="font-medium text-brand-strong underline-offset-2 hover:underline"
                data-testid="task-goal"
              >
                {goalTitles[task.goalId]}
              </Link>
            ) : null}
            <span>{t("tasks.deadline", { date: formatDeadline(task.deadline, locale) })}</span>
            <span>{t("tasks.importanceShort", { value: task.importance })}</span>
            <span>{t("tasks.difficultyShort", { value: task.difficulty })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
