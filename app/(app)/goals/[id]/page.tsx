// /goals/[id] — one goal: progress, the next tasks (schedule it / start), the plan as a picture, the target date
// against the projected finish, edit and delete, and "Break it down" (`?breakdown=1` proposes on arrival).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BreakdownEditor } from "@/components/goals/breakdown-editor";
import { GoalControls } from "@/components/goals/goal-controls";
import { PlanPicture } from "@/components/goals/plan-picture";
import { PlanSheet } from "@/components/plan/plan-sheet";
import { criticalPath, type PlanTask } from "@/components/goals/plan-layout";
import { ProgressBar } from "@/components/goals/progress-bar";
import { StartTaskButton } from "@/components/goals/start-task-button";
import { formatDeadline } from "@/components/tasks/task-list";
import { cardClass, quietButtonClass, textLinkClass } from "@/components/tasks/styles";
import { requireMember } from "@/lib/auth/current-member";
import { MINUTES_BY_DIFFICULTY } from "@/lib/domain/breakdown/limits";
import { isDomainError } from "@/lib/domain/errors";
import type { Difficulty } from "@/lib/domain/limits";
import { localDate } from "@/lib/domain/time";
import { getGoal, type GoalView } from "@/lib/services/goals/read-goals";
import { listTasks } from "@/lib/services/tasks/read-tasks";
import type { TaskView } from "@/lib/services/views";

export const metadata: Metadata = { title: "목표 · Goal" };

/** every task of the goal: the open ones (overdue included) and the archive (completed) */
const TASKS_READ = 100;

async function goalOrNotFound(memberId: string, goalId: string, now: Date): Promise<GoalView> {
  try {
    return await getGoal(memberId, goalId, now);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function GoalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember();
  const { id } = await params;
  const { breakdown } = await searchParams;
  const now = new Date();
  const goal = await goalOrNotFound(member.id, id, now);
  const t = await getTranslations("goals");
  const [open, archived] = await Promise.all([
    listTasks(member.id, { status: "open", goalId: goal.id, limit: TASKS_READ }),
    listTasks(member.id, { status: "archived", goalId: goal.id, limit: TASKS_READ }),
  ]);
  // the plan reads in deadline order, whatever list a task came from
  const tasks: TaskView[] = [...open.items, ...archived.items].sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.createdAt.localeCompare(b.createdAt),
  );
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const today = localDate(now, member.timezone);
  const p = goal.progress;

  const planTasks: PlanTask[] = tasks.map((task) => ({
    id: task.id,
    title: task.title,
    completed: task.completed,
    minutes: task.expectedMinutes ?? MINUTES_BY_DIFFICULTY[task.difficulty as Difficulty] ?? 30,
    after: task.previousTaskIds,
  }));
  const critical = new Set(criticalPath(planTasks));
  const next = p.nextTaskIds.flatMap((taskId) => (byId.has(taskId) ? [byId.get(taskId)!] : []));
  const duration = (minutes: number) =>
    minutes >= 60
      ? t("goal.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
      : t("goal.minutes", { count: minutes });
  const date = (d: string | null) => (d ? formatDeadline(d, member.locale) : t("goal.none"));

  return (
    <main className="flex flex-1 flex-col gap-6 py-6">
      <Link href="/goals" className={textLinkClass}>
        ← {t("goal.back")}
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">{goal.title}</h1>
        {goal.description ? <p className="whitespace-pre-line text-muted">{goal.description}</p> : null}
      </div>

      <section aria-labelledby="goal-progress" className={cardClass}>
        <h2 id="goal-progress" className="text-lg font-semibold">
          {t("goal.progress")}
        </h2>
        <div className="mt-2 flex items-center gap-3">
          <ProgressBar done={p.completedTasks} total={p.tasks} label={t("list.progressLabel", { title: goal.title })} />
          <span className="shrink-0 text-sm text-muted" data-testid="goal-progress-text">
            {p.tasks === 0 ? t("list.noTasks") : t("list.progress", { done: p.completedTasks, total: p.tasks })}
          </span>
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <div>
            <dt className="text-sm text-muted">{t("goal.spent")}</dt>
            <dd className="font-semibold">{duration(Math.floor(p.spentSeconds / 60))}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("goal.remaining")}</dt>
            <dd className="font-semibold">{duration(p.remainingMinutes)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("goal.target")}</dt>
            <dd className="font-semibold">{date(goal.targetDate)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("goal.projected")}</dt>
            <dd className="font-semibold" data-testid="goal-projected">
              {date(p.projectedFinishDate)}
            </dd>
          </div>
        </dl>
        {p.onTrack !== null ? (
          <p
            className={`mt-3 rounded-lg px-3 py-2 text-sm font-medium ${p.onTrack ? "bg-surface-tint text-ink" : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"}`}
          >
            {p.onTrack ? t("goal.onTrack") : t("goal.behind")}
          </p>
        ) : p.tasks > 0 && p.projectedFinishDate === null && p.completedTasks < p.tasks ? (
          <p className="mt-3 text-sm text-muted">{t("goal.noProjection")}</p>
        ) : null}
      </section>

      <section aria-labelledby="goal-next" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="goal-next" className="text-xl font-semibold">
            {t("goal.nextTasks")}
          </h2>
          <PlanSheet
            today={today}
            timeZone={member.timezone}
            hasWorkingHours={Object.values(member.workingHours).some((day) => day.length > 0)}
            goalId={goal.id}
          />
        </div>
        {next.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line p-4 text-center text-muted">
            {t("goal.noNextTasks")}
          </p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="goal-next-tasks">
            {next.map((task) => (
              <li key={task.id} className={`${cardClass} flex flex-wrap items-center justify-between gap-3`}>
                <div>
                  <Link
                    href={`/tasks/${task.id}`}
                    className="font-semibold text-ink underline-offset-2 hover:underline"
                  >
                    {task.title}
                  </Link>
                  <p className="text-sm text-muted">{formatDeadline(task.deadline, member.locale)}</p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  {task.scheduleId ? (
                    <span className="inline-flex min-h-11 items-center rounded-full bg-surface-tint px-3 text-sm font-semibold text-ink">
                      {t("goal.scheduled")}
                    </span>
                  ) : (
                    <Link
                      href={`/tasks/${task.id}#task-schedule-title`}
                      className={quietButtonClass}
                      aria-label={`${t("goal.scheduleIt")}: ${task.title}`}
                    >
                      {t("goal.scheduleIt")}
                    </Link>
                  )}
                  <StartTaskButton taskId={task.id} title={task.title} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="goal-plan" className="flex flex-col gap-3">
        <h2 id="goal-plan" className="text-xl font-semibold">
          {t("goal.plan")}
        </h2>
        {tasks.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line p-4 text-center text-muted">
            {t("goal.planEmpty")}
          </p>
        ) : (
          <>
            <PlanPicture
              tasks={planTasks}
              label={t("goal.planLabel", { title: goal.title, count: tasks.length })}
              doneLabel={t("goal.done")}
              criticalLabel={t("goal.critical")}
            />
            <p className="text-sm text-muted">{t("goal.planLegend")}</p>
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">{t("goal.tasks")}</summary>
              <ol className="mt-2 flex flex-col gap-1" data-testid="goal-task-list">
                {tasks.map((task) => (
                  <li key={task.id}>
                    <Link href={`/tasks/${task.id}`} className={textLinkClass}>
                      {task.title}
                    </Link>{" "}
                    <span className="text-muted">
                      {formatDeadline(task.deadline, member.locale)}
                      {task.completed ? ` · ${t("goal.done")}` : ""}
                      {critical.has(task.id) ? ` · ${t("goal.critical")}` : ""}
                    </span>
                  </li>
                ))}
              </ol>
            </details>
          </>
        )}
      </section>

      <BreakdownEditor goalId={goal.id} today={today} autoPropose={breakdown === "1"} />

      <GoalControls
        goal={{
          id: goal.id,
          title: goal.title,
          description: goal.description,
          targetDate: goal.targetDate,
          version: goal.version,
        }}
      />
    </main>
  );
}
