// Estimates that learn (planning.md "Estimates that learn"): a task without expected minutes is estimated from
// the member's own history — the median real minutes of their completed tasks of the same difficulty, once there
// are MIN_ESTIMATE_SAMPLES of them — else from a default per difficulty. Estimates are clamped as planned minutes.
import { DEFAULT_ESTIMATE_MINUTES, MIN_ESTIMATE_SAMPLES, PLANNED_MINUTES, type Difficulty } from "../limits";

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
