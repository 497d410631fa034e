// What a break-down is made of, as plain types (lib/contracts/breakdown.ts holds the same shapes as zod
// schemas), and the small rules both sources share: text that fits a task, the nearest Fibonacci difficulty,
// dates between today and the target, deadlines that never precede a prerequisite's.

import { DESCRIPTION, DIFFICULTIES, TITLE, type Difficulty, type Locale } from "../limits";
import { addDays, isSupportedDate } from "../time";
import { MINUTES_BY_DIFFICULTY } from "./limits";

export type BreakdownRequest = {
  goal: { title: string; description: string; targetDate: string | null };
  locale: Locale;
  /** the member's local date */
  today: string;
  hint: string;
  maxTasks: number;
};

export type ProposedTask = {
  ref: string;
  title: string;
  description: string;
  expectedMinutes: number;
  difficulty: Difficulty;
  importance: number;
  deadline: string;
  after: string[];
};

export type BreakdownProposal = {
  source: "llm" | "offline";
  model: string | null;
  tasks: ProposedTask[];
  notes: string[];
};

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

// what the contracts refuse: C0/C1 controls (a description keeps tab and line breaks)
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** at most `max` Unicode characters (code points, as the contracts count them), cut at a character */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max).join("");
}

/** one line of well-formed text: controls become spaces, runs of white space one space, trimmed */
export function oneLine(s: string): string {
  return s.toWellFormed().replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** a title the contract accepts (possibly empty: the caller drops a task without one) */
export function fitTitle(s: string): string {
  return truncate(oneLine(s), TITLE.max).trim();
}

/** a description the contract accepts: lines kept, other controls removed, at most DESCRIPTION.max */
export function fitDescription(s: string): string {
  return truncate(s.toWellFormed().replace(CONTROL_EXCEPT_LINES, "").trim(), DESCRIPTION.max).trimEnd();
}

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/u;
export function hasHangul(s: string): boolean {
  return HANGUL.test(s);
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/** the Fibonacci difficulty nearest to `n`; halfway between two, the harder (an estimate errs long) */
export function nearestDifficulty(n: number): Difficulty {
  let best: Difficulty = DIFFICULTIES[0];
  for (const d of DIFFICULTIES) if (Math.abs(d - n) <= Math.abs(best - n)) best = d;
  return best;
}

export function minutesFor(difficulty: Difficulty): number {
  return MINUTES_BY_DIFFICULTY[difficulty];
}

/** the easiest difficulty whose estimate covers `minutes` (21 when none does) */
export function difficultyFor(minutes: number): Difficulty {
  return DIFFICULTIES.find((d) => MINUTES_BY_DIFFICULTY[d] >= minutes) ?? 21;
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** whole days from `from` to `to` (negative when `to` is earlier) */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The last day a proposal may use: the target date when it has one and it is not past, else today + `days`.
 * A target date already past leaves only today (deadlines are never proposed in the past; a note says why).
 */
export function lastDay(request: BreakdownRequest, daysWithoutTarget: number): string {
  const { today } = request;
  const target = request.goal.targetDate;
  if (target !== null) return target >= today ? target : today;
  const end = addDays(today, Math.max(0, daysWithoutTarget));
  return isSupportedDate(end) ? end : today;
}

/** the window every deadline lies in: [today, targetDate], or [today, today] when the target has passed */
export function deadlineBounds(request: BreakdownRequest): { first: string; last: string | null } {
  const target = request.goal.targetDate;
  if (target === null) return { first: request.today, last: null };
  return { first: request.today, last: target >= request.today ? target : request.today };
}

/**
 * Deadlines spread over [first, last] in proportion to the work done so far: the task that ends the first
 * third of the minutes is due a third of the way. `tasks` must be in an order where prerequisites come first;
 * then the deadlines never decrease along it, so no task is due before a prerequisite.
 */
export function spreadDeadlines(minutes: readonly number[], first: string, last: string): string[] {
  const days = Math.max(0, daysBetween(first, last));
  const total = minutes.reduce((a, b) => a + b, 0);
  let done = 0;
  return minutes.map((m) => {
    done += m;
    return addDays(first, total === 0 ? days : Math.round((days * done) / total));
  });
}

/** tasks ordered so that every prerequisite comes before the tasks after it; ties keep the given order */
export function prerequisitesFirst<T extends { ref: string; after: readonly string[] }>(tasks: readonly T[]): T[] {
  const byRef = new Map(tasks.map((t) => [t.ref, t]));
  const placed = new Set<string>();
  const order: T[] = [];
  const visiting = new Set<string>();
  const visit = (task: T) => {
    if (placed.has(task.ref) || visiting.has(task.ref)) return; // visiting: a cycle, which callers have removed
    visiting.add(task.ref);
    for (const ref of task.after) {
      const previous = byRef.get(ref);
      if (previous) visit(previous);
    }
    visiting.delete(task.ref);
    placed.add(task.ref);
    order.push(task);
  };
  tasks.forEach(visit);
  return order;
}

/**
 * Moves each deadline to no earlier than its prerequisites' (it cannot be finished before them).
 * Returns the refs whose deadline moved. The graph must be acyclic.
 */
export function deadlinesAfterPrerequisites(tasks: ProposedTask[]): string[] {
  const deadlineOf = new Map<string, string>();
  const moved: string[] = [];
  for (const task of prerequisitesFirst(tasks)) {
    const latest = task.after.reduce((d, ref) => {
      const previous = deadlineOf.get(ref);
      return previous !== undefined && previous > d ? previous : d;
    }, task.deadline);
    if (latest !== task.deadline) {
      task.deadline = latest;
      moved.push(task.ref);
    }
    deadlineOf.set(task.ref, task.deadline);
  }
  return moved;
}

// ---------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------

const LATIN = /[A-Za-z\u00C0-\u024F]/;
// kana and CJK ideographs: a model asked for English sometimes answers in Chinese or Japanese
const OTHER_SCRIPTS = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]/;

/** a Korean title has Hangul; an English one has Latin letters and no Hangul, kana or ideographs */
export function titleInLanguage(title: string, locale: Locale): boolean {
  if (locale === "ko") return hasHangul(title);
  return LATIN.test(title) && !hasHangul(title) && !OTHER_SCRIPTS.test(title);
}

/** more than half of the titles are in the member's language (a product name in Latin letters is fine in Korean) */
export function inLanguage(tasks: readonly { title: string }[], locale: Locale): boolean {
  return tasks.filter((t) => titleInLanguage(t.title, locale)).length * 2 > tasks.length;
}
