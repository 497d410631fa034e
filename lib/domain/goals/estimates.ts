// Estimates that learn (planning.md "Estimates that learn"): a task without expected minutes is estimated from
// the member's own history — the median real minutes of their completed tasks of the same difficulty, once there
// are MIN_ESTIMATE_SAMPLES of them — else from a default per difficulty. Estimates are clamped as planned minutes.
import {
  DEFAULT_ESTIMATE_MINUTES,
  DIFFICULTIES,
  MIN_ESTIMATE_SAMPLES,
  PLANNED_MINUTES,
  type Difficulty,
} from "../limits";

/** one completed task of the member with recorded time: its difficulty and real minutes */
export type RealMinutesSample = { difficulty: number; minutes: number };

/** minutes an open task is expected to take, by its difficulty */
export type Estimator = (difficulty: number) => number;

/** a completed task's real minutes: its schedules' recorded seconds ÷ 60, rounded */
export function realMinutes(recordedSeconds: number): number {
  return Math.round(recordedSeconds / 60);
}

export function clampPlannedMinutes(minutes: number): number {
  return Math.min(PLANNED_MINUTES.max, Math.max(PLANNED_MINUTES.min, Math.round(minutes)));
}

/** the median; of an even count, the mean of the two middle values */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("the median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function defaultEstimate(difficulty: number): number {
  return DEFAULT_ESTIMATE_MINUTES[difficulty as Difficulty] ?? PLANNED_MINUTES.default;
}

/** the member's estimator from their samples; a sample of 0 real minutes (no recorded time) does not count */
export function estimator(samples: readonly RealMinutesSample[]): Estimator {
  const byDifficulty = new Map<number, number[]>();
  for (const s of samples) {
    if (!(s.minutes > 0)) continue;
    const list = byDifficulty.get(s.difficulty);
    if (list) list.push(s.minutes);
    else byDifficulty.set(s.difficulty, [s.minutes]);
  }
  const learned = new Map<number, number>();
  for (const [difficulty, minutes] of byDifficulty) {
    if (minutes.length >= MIN_ESTIMATE_SAMPLES) learned.set(difficulty, clampPlannedMinutes(median(minutes)));
  }
  return (difficulty) => learned.get(difficulty) ?? clampPlannedMinutes(defaultEstimate(difficulty));
}

/** a task's minutes for planning: its expected minutes when it has them, else the estimate */
export function taskMinutes(task: { difficulty: number; expectedMinutes: number | null }, estimate: Estimator): number {
  return task.expectedMinutes ?? estimate(task.difficulty);
}

/**
 * A schedule's planned minutes: the given ones, else the linked task's expected minutes (clamped to the planned
 * range), else the task's estimate, else the default.
 */
export function plannedMinutesFor(
  given: number | undefined,
  task: { difficulty: number; expectedMinutes: number | null } | null,
  estimate: Estimator,
): number {
  if (given !== undefined) return given;
  if (!task) return PLANNED_MINUTES.default;
  return clampPlannedMinutes(taskMinutes(task, estimate));
}

/** the estimate for every difficulty at once (what a planning request needs) */
export function estimatesByDifficulty(estimate: Estimator): Record<Difficulty, number> {
  return Object.fromEntries(DIFFICULTIES.map((d) => [d, estimate(d)])) as Record<Difficulty, number>;
}

/** a completed task: its difficulty, what the member expected (if they said), what it really took (if recorded) */
export type CompletedTask = { difficulty: Difficulty; expectedMinutes: number | null; realMinutes: number | null };

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
      if (t.difficulty !== difficulty || t.realMinutes === null || t.expectedMinutes === null || t.expectedMinutes <= 0)
        continue;
      real += t.realMinutes;
      expected += t.expectedMinutes;
      tasks++;
    }
    if (tasks > 0) result.push({ difficulty, tasks, ratio: real / expected });
  }
  return result;
}
