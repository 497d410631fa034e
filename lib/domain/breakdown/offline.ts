// The offline planner: a break-down that needs no network and gives the same proposal for the same request
// (planning.md, "Break-down"). It recognises the kind of goal, takes that kind's plan (templates.ts), merges its
// least essential steps away when fewer tasks are asked for, estimates each task by its difficulty and spreads
// the deadlines from today to the target date in the order of the prerequisites.

import { EXPECTED_MINUTES } from "../limits";
import { recognise } from "./kinds";
import { BREAKDOWN } from "./limits";
import { statedLength } from "./horizon";
import { NOTES } from "./notes";
import {
  clamp,
  difficultyFor,
  fitDescription,
  fitTitle,
  lastDay,
  minutesFor,
  oneLine,
  spreadDeadlines,
  truncate,
  type BreakdownProposal,
  type BreakdownRequest,
  type ProposedTask,
} from "./proposal";
import { PLANS, type Step } from "./templates";

const GOAL_IN_DESCRIPTION_MAX = 60;
const HINT_IN_DESCRIPTION_MAX = 200;

type Kept = { step: Step; minutes: number; merged: Step[] };

/**
 * The `maxTasks` most essential steps (lowest rank), in plan order. Each step left out is merged into the
 * first kept step after it that depends on it (else the last kept step before it): its minutes and title go there.
 */
function keepSteps(steps: readonly Step[], maxTasks: number): Kept[] {
  const keptKeys = new Set(
    [...steps]
      .sort((a, b) => a.rank - b.rank)
      .slice(0, maxTasks)
      .map((s) => s.key),
  );
  const kept = new Map<string, Kept>(
    steps
      .filter((s) => keptKeys.has(s.key))
      .map((s) => [s.key, { step: s, minutes: minutesFor(s.difficulty), merged: [] }]),
  );
  const reach = reachability(steps);
  steps.forEach((step, i) => {
    if (keptKeys.has(step.key)) return;
    const later = steps.slice(i + 1).find((s) => keptKeys.has(s.key) && reach.get(step.key)!.has(s.key));
    const earlier = [...steps.slice(0, i)].reverse().find((s) => keptKeys.has(s.key));
    const into = kept.get((later ?? earlier)!.key)!;
    into.minutes += minutesFor(step.difficulty);
    into.merged.push(step);
  });
  return [...kept.values()];
}

/** for each step, every step that comes (directly or not) after it */
function reachability(steps: readonly Step[]): Map<string, Set<string>> {
  const reach = new Map<string, Set<string>>(steps.map((s) => [s.key, new Set()]));
  // steps are listed prerequisites first, so walking backwards sees each step's followers complete
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    for (const previous of step.after) {
      const set = reach.get(previous)!;
      set.add(step.key);
      for (const k of reach.get(step.key)!) set.add(k);
    }
  }
  return reach;
}

/**
 * The edges among the kept steps: A before B when B came after A in the full plan (through steps merged
 * away too), without the edges implied by others (A → C is left out when A → B → C is there).
 */
function keptEdges(steps: readonly Step[], kept: readonly Kept[]): Map<string, string[]> {
  const reach = reachability(steps);
  const keys = kept.map((k) => k.step.key);
  const after = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const a of keys) {
    for (const b of keys) {
      if (a === b || !reach.get(a)!.has(b)) continue;
      const implied = keys.some((c) => c !== a && c !== b && reach.get(a)!.has(c) && reach.get(c)!.has(b));
      if (!implied) after.get(b)!.push(a);
    }
  }
  return after;
}

function fill(template: string, goal: string, locale: "ko" | "en"): string {
  const quotedGoal =
    goal === "" ? (locale === "ko" ? "이 목표" : "This goal") : locale === "ko" ? `'${goal}'` : `“${goal}”`;
  return template.replace("{goal}", quotedGoal);
}

export function offlineBreakdown(request: BreakdownRequest): BreakdownProposal {
  const { locale, today, goal } = request;
  const maxTasks = Number.isFinite(request.maxTasks)
    ? Math.max(1, Math.trunc(request.maxTasks))
    : BREAKDOWN.maxTasks.default;
  const recognition = recognise({ title: goal.title, description: goal.description, hint: request.hint });
  const plan = PLANS[recognition.kind];
  const notes: string[] = [
    recognition.kind === "generic"
      ? NOTES.generic(locale)
      : NOTES.recognised(locale, plan.name[locale], recognition.keywords),
  ];

  // how far the deadlines reach
  const stated =
    goal.targetDate === null
      ? statedLength({ title: goal.title, description: goal.description, hint: request.hint })
      : null;
  const last = lastDay(request, stated?.days ?? plan.days);
  if (goal.targetDate !== null && goal.targetDate < today) notes.push(NOTES.targetPassed(locale, goal.targetDate));
  else if (goal.targetDate !== null) notes.push(NOTES.spreadToTarget(locale, today, goal.targetDate));
  else if (stated) notes.push(NOTES.spreadStated(locale, stated.days, stated.phrase));
  else notes.push(NOTES.spreadDefault(locale, plan.days));

  const kept = keepSteps(plan.steps, maxTasks);
  const edges = keptEdges(plan.steps, kept);
  const refOf = new Map(kept.map((k, i) => [k.step.key, `t${i + 1}`]));
  const minutes = kept.map((k) => clamp(k.minutes, EXPECTED_MINUTES.min, EXPECTED_MINUTES.max));
  const deadlines = spreadDeadlines(minutes, today, last);

  const goalText = truncate(oneLine(goal.title), GOAL_IN_DESCRIPTION_MAX);
  const hintText = truncate(oneLine(request.hint), HINT_IN_DESCRIPTION_MAX);
  const merged: string[] = [];
  const tasks: ProposedTask[] = kept.map((k, i) => {
    const [title, description] = k.step[locale];
    let text = fill(description, goalText, locale);
    if (i === 0 && hintText !== "")
      text += locale === "ko" ? `\n\n알려 주신 내용: ${hintText}` : `\n\nKeep in mind: ${hintText}`;
    if (k.merged.length > 0) {
      const titles = k.merged.map((s) => s[locale][0]);
      merged.push(...titles);
      text += (locale === "ko" ? "\n\n함께 할 일: " : "\n\nAlso covers: ") + titles.join("; ");
    }
    return {
      ref: refOf.get(k.step.key)!,
      title: fitTitle(title),
      description: fitDescription(text),
      expectedMinutes: minutes[i]!,
      // a merged task takes longer: its difficulty grows with its minutes
      difficulty:
        k.merged.length > 0 ? difficultyFor(Math.max(minutes[i]!, minutesFor(k.step.difficulty))) : k.step.difficulty,
      importance: k.step.importance,
      deadline: deadlines[i]!,
      after: edges.get(k.step.key)!.map((key) => refOf.get(key)!),
    };
  });
  if (merged.length > 0) notes.push(NOTES.merged(locale, maxTasks, merged));
  if (hintText !== "") notes.push(NOTES.hintKept(locale));

  return { source: "offline", model: null, tasks, notes };
}
