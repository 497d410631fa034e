// The limits of a break-down request and answer (planning.md, "Break-down"). Task limits are those of
// lib/domain/limits.ts: a proposed task is a task the member may accept as it is.

import type { Difficulty } from "../limits";

export const BREAKDOWN = {
  hint: { max: 500 },
  maxTasks: { min: 3, max: 15, default: 8 },
  /** a ref is ours or the model's name for a task inside one answer: short, one line */
  ref: { max: 40 },
} as const;

/** planning.md "Estimates": the minutes a task of each difficulty takes when nothing better is known */
export const MINUTES_BY_DIFFICULTY: Record<Difficulty, number> = {
  1: 15,
  2: 30,
  3: 45,
  5: 90,
  8: 150,
  13: 240,
  21: 360,
};
