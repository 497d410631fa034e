// /tasks/[id] — one task: its fields, its prerequisites and follow-ups (links), its schedule (state, start time,
// a link to the day in Today), and what can be done with it (complete / reopen / delete / schedule it).
import type { Metadata } from "next";
import Link from "next/link";
import { formatDeadline } from "@/components/tasks/task-list";
import { getTranslations } from "next-intl/server";
import { intlLocale } from "@/components/tasks/library-i18n";
import { TaskControls } from "@/components/tasks/task-controls";
import { cardClass, quietButtonClass, textLinkClass } from "@/components/tasks/styles";
import { requireMember } from "@/lib/auth/current-member";
import { taskOrNotFound } from "./task-or-not-found";
import { localDate } from "@/lib/domain/time";
import { getGoal } from "@/lib/services/goals/read-goals";
import { getSchedule } from "@/lib/services/schedules/read-schedules";
import { getTask } from "@/lib/services/tasks/read-tasks";
import type { ScheduleView, TaskView } from "@/lib/services/views";

export const metadata: Metadata = { title: "할 일 · Task" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember();
  const { id } = await params;
  const task = await taskOrNotFound(member.id, id);
  const t = await getTranslations("library");
  const [previous, next, schedule, goal] = await Promise.all([
    Promise.all(task.previousTaskIds.map((taskId) => getTask(member.id, taskId))),
    Promise.all(task.nextTaskIds.map((taskId) => getTask(member.id, taskId))),
    task.scheduleId ? getSchedule(member.id, task.scheduleId) : Promise.resolve<ScheduleView | null>(null),
    task.goalId ? getGoal(member.id, task.goalId) : Promise.resolve(null),
  ]);
  const openPrerequisites = previous.filter((p) => !p.completed);
  const titles = Object.fromEntries(previous.map((p) => [p.id, p.title]));

  const facts: [string, string][] = [
    [t("task.status"), task.completed ? t("task.completed") : t("task.open")],
    [t("task.deadline"), formatDeadline(task.deadline, member.locale)],
    [t("task.importance"), `${task.importance} / 9`],
    [t("task.difficulty"), String(task.difficulty)],
    [t("task.expected"), task.expectedMinutes ? t("task.minutes", { count: task.expectedMinutes }) : t("task.none")],
  ];

  return (
    <main className="flex flex-1 flex-col gap-6 py-6">
      <Link href="/tasks" className={textLinkClass}>
        ← {t("task.back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          {goal ? (
            <Link
              href={`/goals/${goal.id}`}
              className="font-medium text-brand-strong underline-offset-2 hover:underline"
              data-testid="task-goal"
            >
              {goal.title}
            </Link>
          ) : null}
          <h1 className="text-3xl font-bold tracking-tight">{task.title}</h1>
        </div>
        <Link href={`/tasks/${task.id}/edit`} className={quietButtonClass}>
          {t("task.edit")}
        </Link>
      </div>

      <p className="whitespace-pre-line text-muted">{task.description || t("task.noDescription")}</p>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {facts.map(([term, value]) => (
          <div key={term} className={cardClass}>
            <dt className="text-sm text-muted">{term}</dt>
            <dd className="font-semibold">{value}</dd>
          </div>
        ))}
      </dl>

      {openPrerequisites.length > 0 && !task.completed ? (
        <p
          className="rounded-lg border border-amber-700/40 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          data-testid="blocked"
        >
          {t("task.blocked", { tasks: openPrerequisites.map((p) => p.title).join(", ") })}
        </p>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <TaskLinks
          title={t("task.prerequisites")}
          tasks={previous}
          empty={t("task.noPrerequisites")}
          doneLabel={t("tasks.completedBadge")}
        />
        <TaskLinks
          title={t("task.followUps")}
          tasks={next}
          empty={t("task.noFollowUps")}
          doneLabel={t("tasks.completedBadge")}
        />
      </div>

      <section aria-labelledby="task-schedule-title" className={cardClass}>
        <h2 id="task-schedule-title" className="text-lg font-semibold">
          {t("task.schedule")}
        </h2>
        {schedule ? (
          <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
            <p>
              <span className="font-semibold">{t(`task.states.${schedule.state}`)}</span>
              {" · "}
              <time dateTime={schedule.startAt}>
                {new Intl.DateTimeFormat(intlLocale(member.locale), {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: member.timezone,
                }).format(new Date(schedule.startAt))}
              </time>
              {" · "}
              {t(`task.types.${schedule.type}`)}
            </p>
            <Link
              href={`/today?date=${localDate(new Date(schedule.startAt), member.timezone)}`}
              className={textLinkClass}
            >
              {t("task.openToday")}
            </Link>
          </div>
        ) : (
          <p className="mt-2 text-muted">{t("task.notScheduled")}</p>
        )}
      </section>

      <TaskControls
        timeZone={member.timezone}
        task={{ id: task.id, version: task.version, completed: task.completed, scheduleId: task.scheduleId }}
        titles={titles}
      />
    </main>
  );
}

function TaskLinks({
  title,
  tasks,
  empty,
  doneLabel,
}: {
  title: string;
  tasks: TaskView[];
  empty: string;
  doneLabel: string;
}) {
  return (
    <section className={cardClass} aria-label={title}>
      <h2 className="font-semibold">{title}</h2>
      {tasks.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-1">
          {tasks.map((p) => (
            <li key={p.id} className="flex min-h-11 items-center gap-2">
              <Link href={`/tasks/${p.id}`} className={textLinkClass}>
                {p.title}
              </Link>
              {p.completed ? <span className="text-sm text-muted">({doneLabel})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
