// Makes a language model's answer a valid proposal, or as much of it as can be saved (planning.md: "its answer is
// repaired or refused"). Every change is said in a note, in the member's language. The rules, in order:
// a task without a title is dropped; a missing ref is given one and a repeated ref drops the later task; text is
// fitted to the task limits; difficulty goes to the nearest Fibonacci value, importance and minutes are clamped
// (missing minutes are estimated from the difficulty); only the first maxTasks tasks are kept; edges to unknown
// refs, self edges and edges that would close a cycle are dropped; deadlines are clamped into [today, target]
// (a missing one is spread like the offline planner's) and moved to no earlier than their prerequisites'.

import { findCycle, type Edge } from "../graph";
import { DESCRIPTION, EXPECTED_MINUTES, IMPORTANCE } from "../limits";
import { isSupportedDate } from "../time";
import { statedLength } from "./horizon";
import { recognise } from "./kinds";
import { BREAKDOWN } from "./limits";
import { NOTES } from "./notes";
import {
  clamp,
  deadlineBounds,
  deadlinesAfterPrerequisites,
  fitDescription,
  fitTitle,
  lastDay,
  minutesFor,
  nearestDifficulty,
  oneLine,
  prerequisitesFirst,
  spreadDeadlines,
  truncate,
  type BreakdownRequest,
  type ProposedTask,
} from "./proposal";
import { PLANS } from "./templates";

/** an answer as a model gave it: a list of objects whose fields may be anything */
export type RawProposal = { tasks: readonly Readonly<Record<string, unknown>>[] };

export type Repaired = { tasks: ProposedTask[]; notes: string[] };

const numberOf = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const shown = (v: unknown): string => (v === undefined ? "—" : truncate(oneLine(JSON.stringify(v) ?? String(v)), 20));
const refText = (v: unknown): string =>
  typeof v === "string" || typeof v === "number" ? truncate(oneLine(String(v)), BREAKDOWN.ref.max).trim() : "";

type Draft = ProposedTask & { deadline: string; givenDeadline: boolean; rawAfter: readonly unknown[] };

export function repairProposal(raw: RawProposal, request: BreakdownRequest): Repaired {
  const { locale } = request;
  const notes: string[] = [];
  const { first, last } = deadlineBounds(request);
  const maxTasks = clamp(Math.trunc(request.maxTasks) || BREAKDOWN.maxTasks.default, 1, BREAKDOWN.maxTasks.max);

  const rawRefs = new Set(raw.tasks.map((t) => refText(t.ref)).filter((r) => r !== ""));
  const seen = new Set<string>();
  const drafts: Draft[] = [];
  raw.tasks.forEach((t, i) => {
    const position = i + 1;
    const rawTitle = typeof t.title === "string" ? oneLine(t.title) : "";
    const title = fitTitle(rawTitle);
    if (title === "") {
      notes.push(NOTES.droppedUntitled(locale, position));
      return;
    }
    let ref = refText(t.ref);
    if (ref === "") {
      let n = position;
      while (rawRefs.has(`t${n}`) || seen.has(`t${n}`)) n++;
      ref = `t${n}`;
      notes.push(NOTES.refAssigned(locale, position, ref));
    } else if (seen.has(ref)) {
      notes.push(NOTES.duplicateRef(locale, ref));
      return;
    }
    seen.add(ref);
    if (title !== rawTitle) notes.push(NOTES.titleShortened(locale, ref));

    const rawDescription = typeof t.description === "string" ? t.description : "";
    const description = fitDescription(rawDescription);
    if (Array.from(rawDescription.trim()).length > DESCRIPTION.max) notes.push(NOTES.descriptionShortened(locale, ref));

    const givenDifficulty = numberOf(t.difficulty);
    const difficulty = nearestDifficulty(givenDifficulty ?? 3);
    if (givenDifficulty !== difficulty)
      notes.push(NOTES.difficultyRounded(locale, ref, shown(t.difficulty), difficulty));

    const givenImportance = numberOf(t.importance);
    const importance = clamp(Math.round(givenImportance ?? 5), IMPORTANCE.min, IMPORTANCE.max);
    if (givenImportance !== importance)
      notes.push(NOTES.importanceClamped(locale, ref, shown(t.importance), importance));

    const givenMinutes = numberOf(t.expectedMinutes);
    let expectedMinutes: number;
    if (givenMinutes === null) {
      expectedMinutes = minutesFor(difficulty);
      notes.push(NOTES.minutesEstimated(locale, ref, expectedMinutes));
    } else {
      expectedMinutes = clamp(Math.round(givenMinutes), EXPECTED_MINUTES.min, EXPECTED_MINUTES.max);
      if (expectedMinutes !== givenMinutes)
        notes.push(NOTES.minutesClamped(locale, ref, shown(t.expectedMinutes), expectedMinutes));
    }

    let deadline = typeof t.deadline === "string" ? t.deadline.trim() : "";
    const givenDeadline = isSupportedDate(deadline);
    if (givenDeadline) {
      const clamped = deadline < first ? first : last !== null && deadline > last ? last : deadline;
      if (clamped !== deadline) notes.push(NOTES.deadlineMoved(locale, ref, deadline, clamped));
      deadline = clamped;
    }

    drafts.push({
      ref,
      title,
      description,
      expectedMinutes,
      difficulty,
      importance,
      deadline,
      after: [],
      givenDeadline,
      rawAfter: Array.isArray(t.after) ? t.after : [],
    });
  });

  if (drafts.length > maxTasks) {
    notes.push(NOTES.truncated(locale, maxTasks, drafts.length));
    drafts.length = maxTasks;
  }

  // edges, in the answer's order: each one kept unless it names no task of the answer, the task itself, or closes a cycle
  const known = new Set(drafts.map((d) => d.ref));
  const edges: Edge[] = [];
  for (const draft of drafts) {
    for (const ref of new Set(draft.rawAfter.map(refText).filter((r) => r !== ""))) {
      if (ref === draft.ref) notes.push(NOTES.selfEdge(locale, draft.ref));
      else if (!known.has(ref)) notes.push(NOTES.unknownRef(locale, draft.ref, ref));
      else if (findCycle([...edges, [ref, draft.ref]]) !== null) notes.push(NOTES.cycleEdge(locale, ref, draft.ref));
      else {
        edges.push([ref, draft.ref]);
        draft.after.push(ref);
      }
    }
  }

  // missing deadlines: where the offline planner would put them, in the order of the prerequisites
  if (drafts.some((d) => !d.givenDeadline)) {
    // the offline planner's horizon: the target date, else the length the goal states, else its kind's usual one
    const fields = { title: request.goal.title, description: request.goal.description, hint: request.hint };
    const stated = request.goal.targetDate === null ? statedLength(fields) : null;
    const end = lastDay(request, stated?.days ?? PLANS[recognise(fields).kind].days);
    const ordered = prerequisitesFirst(drafts);
    const spread = spreadDeadlines(
      ordered.map((d) => d.expectedMinutes),
      first,
      end,
    );
    ordered.forEach((d, i) => {
      if (!d.givenDeadline) d.deadline = spread[i]!;
    });
  }

  const tasks: ProposedTask[] = drafts.map((d) => ({
    ref: d.ref,
    title: d.title,
    description: d.description,
    expectedMinutes: d.expectedMinutes,
    difficulty: d.difficulty,
    importance: d.importance,
    deadline: d.deadline,
    after: d.after,
  }));
  const byRef = new Map(tasks.map((t) => [t.ref, t]));
  const filled = new Set(drafts.filter((d) => !d.givenDeadline).map((d) => d.ref));
  for (const ref of deadlinesAfterPrerequisites(tasks)) {
    if (!filled.has(ref)) notes.push(NOTES.deadlineAfterPrerequisites(locale, ref, byRef.get(ref)!.deadline));
  }
  // a filled deadline is told once, where it ended up
  for (const ref of filled) notes.push(NOTES.deadlineSet(locale, ref, byRef.get(ref)!.deadline));
  return { tasks, notes };
}
