import "server-only";
// What services answer: plain JSON-ready views, the same for the HTTP API (api.md's shapes), the server
// actions and the UI. Instants are ISO 8601 strings, dates are YYYY-MM-DD, durations whole seconds.
import { allowedActions, type ScheduleState } from "@/lib/domain/schedule-transitions";
import { elapsedSeconds } from "@/lib/domain/time";
import type { ScheduleType } from "@/lib/domain/limits";
import type { ScheduleView } from "@/lib/contracts/schedule";
import type { TaskView } from "@/lib/contracts/task";

// the views' types are the contracts' (lib/contracts): one definition, which the API also documents
export type { ScheduleView } from "@/lib/contracts/schedule";
export type { TaskView } from "@/lib/contracts/task";
export type { MemberView } from "@/lib/contracts/member";

type Session = { startedAt: Date; endedAt: Date | null };
export type ScheduleRow = {
  id: string;
  title: string;
  description: string;
  startAt: Date;
  plannedMinutes: number;
  type: ScheduleType;
  state: ScheduleState;
  taskId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  sessions: Session[];
};

/** the sessions a schedule view needs, for Prisma `include`/`select` */
export const VIEW_SESSIONS = { select: { startedAt: true, endedAt: true } } as const;

export function scheduleView(s: ScheduleRow, now: Date): ScheduleView {
  const open = s.sessions.find((x) => x.endedAt === null);
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    startAt: s.startAt.toISOString(),
    plannedMinutes: s.plannedMinutes,
    type: s.type,
    state: s.state,
    taskId: s.taskId,
    elapsedSeconds: elapsedSeconds(s.sessions, now),
    sessionStartedAt: open ? open.startedAt.toISOString() : null,
    allowedActions: allowedActions(s.state),
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export type TaskRow = {
  id: string;
  title: string;
  description: string;
  deadline: Date;
  importance: number;
  difficulty: number;
  expectedMinutes: number | null;
  completedAt: Date | null;
  goalId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  previousEdges: { previousTaskId: string }[];
  nextEdges: { nextTaskId: string }[];
  schedule: { id: string } | null;
};

/** the relations a task view needs, for Prisma `include` */
export const TASK_VIEW_INCLUDE = {
  previousEdges: { select: { previousTaskId: true }, orderBy: { createdAt: "asc" } },
  nextEdges: { select: { nextTaskId: true }, orderBy: { createdAt: "asc" } },
  schedule: { select: { id: true } },
} as const;

export function taskView(t: TaskRow): TaskView {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    deadline: toDateString(t.deadline),
    importance: t.importance,
    difficulty: t.difficulty,
    expectedMinutes: t.expectedMinutes,
    completed: t.completedAt !== null,
    previousTaskIds: t.previousEdges.map((e) => e.previousTaskId),
    nextTaskIds: t.nextEdges.map((e) => e.nextTaskId),
    scheduleId: t.schedule?.id ?? null,
    goalId: t.goalId,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** a PostgreSQL `date` comes back as UTC midnight of that date */
export function toDateString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function fromDateString(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
