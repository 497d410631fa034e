// Estimates that learn (planning.md): how long a task of some difficulty takes this member, from their own
// completed tasks, and how far their own expectations are off.

import { DIFFICULTIES, type Difficulty } from "../limits";

/** minutes a task of each difficulty is given before the member has history (planning.md's fixed table) */
export const DEFAULT_MINUTES: Readonly<Record<Difficulty, number>> = { 1: 15, 2: 30, 3: 45, 5: 90, 8: 150, 13: 240, 21: 360 };
/** estimates are clamped as planned minutes are */
export const ESTIMATE_MINUTES = { min: 5, max: 720 } as const;
/** completed tasks of a difficulty needed before their median replaces the table */
export const MIN_HISTORY = 3;

/** a completed task: its difficulty, what the member expected (if they said), what it really took */
export type CompletedTask = { difficulty: Difficulty; expectedMinutes: number | null; realMinutes: number | null };

/** a completed task's real minutes: its schedules' recorded seconds ÷ 60, rounded; no recorded time counts as none */
export function realMinutesOf(recordedSeconds: number): number | null {
  const minutes = Math.round(recordedSeconds / 60);
  return recordedSeconds > 0 && minutes > 0 ? minutes : null;
}

function clamp(minutes: number): number {
  return Math.min(ESTIMATE_MINUTES.max, Math.max(ESTIMATE_MINUTES.min, Math.round(minutes)));
}

/** the middle value; for an even count the mean of the two middle ones */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("The median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** the minutes to plan for a task of `difficulty` without expected minutes */
export function estimateMinutes(difficulty: Difficulty, history: readonly CompletedTask[]): number {
  const real = history.filter((t) => t.difficulty === difficulty && t.realMinutes !== null).map((t) => t.realMinutes!);
  return clamp(real.length >= MIN_HISTORY ? median(real) : DEFAULT_MINUTES[difficulty]);
}

/** the estimate for every difficulty at once (what a planning request needs) */
export function estimatesByDifficulty(history: readonly CompletedTask[]): Record<Difficulty, number> {
  return Object.fromEntries(DIFFICULTIES.map((d) => [d, estimateMinutes(d, history)])) as Record<Difficulty, number>;
}

export type Calibration = {
  difficulty: Difficulty;
  /** completed tasks with both expected and real minutes */
  tasks: number;
  /** Σ real ÷ Σ expected: 1.4 means these tasks take 1.4× what the member expects */
  ratio: number;
};

/**
 * Real ÷ expected per difficulty, over the completed tasks that have both. A ratio of sums rather than a mean of
 * ratios, so that a 5-minute task that took 15 does not outweigh a day's work that went as planned. Difficulties
 * without such tasks are left out; the ratio is offered as a correction, never applied silently.
 */
export function calibration(history: readonly CompletedTask[]): Calibration[] {
  const result: Calibration[] = [];
  for (const difficulty of DIFFICULTIES) {
    let real = 0;
    let expected = 0;
    let tasks = 0;
    for (const t of history) {
      if (t.difficulty !== difficulty || t.realMinutes === null || t.expectedMinutes === null || t.expectedMinutes <= 0) continue;
      real += t.realMinutes;
      expected += t.expectedMinutes;
      tasks++;
    }
    if (tasks > 0) result.push({ difficulty, tasks, ratio: real / expected });
  }
  return result;
}
