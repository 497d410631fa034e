// Break-down: POST /goals/{id}/breakdown proposes tasks for a goal and writes nothing (planning.md, "Break-down").
// The same ProposedTask schema checks the offline planner's answer, shapes the language model's structured output
// and is the body POST /goals/{id}/tasks will accept, so the task limits are written once (task.ts, common.ts).

import * as z from "zod";
import { findCycle, type Edge } from "@/lib/domain/graph";
import { BREAKDOWN } from "@/lib/domain/breakdown/limits";
import type { BreakdownProposal as DomainProposal, ProposedTask as DomainTask } from "@/lib/domain/breakdown/proposal";
import { Description, LocalDate, Title, body, integer, text } from "./common";
import { Difficulty, ExpectedMinutes, Importance } from "./task";

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** POST /goals/{id}/breakdown */
export const BreakdownInput = body({
  hint: text({
    max: BREAKDOWN.hint.max,
    trim: true,
    multiline: true,
    description: "What the member already knows, or constraints to respect. Trimmed.",
  }).default(""),
  maxTasks: integer(BREAKDOWN.maxTasks.min, BREAKDOWN.maxTasks.max, "How many tasks at most.").default(
    BREAKDOWN.maxTasks.default,
  ),
}).meta({ id: "BreakdownInput" });
export type BreakdownInput = z.output<typeof BreakdownInput>;

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** names a proposed task inside one answer; `after` lists these */
export const ProposalRef = text({
  min: 1,
  max: BREAKDOWN.ref.max,
  trim: true,
  description: "Names the task inside this answer; unique within it.",
});

const proposedTaskShape = {
  ref: ProposalRef,
  title: Title,
  description: Description,
  expectedMinutes: ExpectedMinutes,
  difficulty: Difficulty,
  importance: Importance,
  deadline: LocalDate.meta({ description: "Today or later; on or before the goal's target date when it has one." }),
  after: z.array(ProposalRef).max(BREAKDOWN.maxTasks.max).meta({ description: "Refs of the tasks to finish first." }),
};

export const ProposedTask = z.strictObject(proposedTaskShape).meta({ id: "ProposedTask" });
export type ProposedTask = z.output<typeof ProposedTask>;

/** refs unique, every `after` names another task of the answer, and the edges form no cycle */
function checkGraph(tasks: readonly ProposedTask[], ctx: z.RefinementCtx, path: (string | number)[]) {
  const refs = new Set<string>();
  tasks.forEach((task, i) => {
    if (refs.has(task.ref)) ctx.addIssue({ code: "custom", path: [...path, i, "ref"], message: "must be unique" });
    refs.add(task.ref);
  });
  const edges: Edge[] = [];
  tasks.forEach((task, i) =>
    task.after.forEach((ref, j) => {
      if (ref === task.ref) {
        ctx.addIssue({ code: "custom", path: [...path, i, "after", j], message: "must not name the task itself" });
      } else if (!refs.has(ref)) {
        ctx.addIssue({ code: "custom", path: [...path, i, "after", j], message: "must name a task of this answer" });
      } else edges.push([ref, task.ref]);
    }),
  );
  const cycle = findCycle(edges);
  if (cycle) ctx.addIssue({ code: "custom", path, message: `must not form a cycle (${cycle.join(" → ")})` });
}

export const BreakdownProposal = z
  .strictObject({
    source: z
      .enum(["llm", "offline"])
      .meta({ description: "llm: a language model's answer; offline: the built-in planner." }),
    model: z.string().nullable().meta({ description: "The language model's name, or null for the offline planner." }),
    tasks: z
      .array(ProposedTask)
      .min(1)
      .max(BREAKDOWN.maxTasks.max)
      .superRefine((tasks, ctx) => checkGraph(tasks, ctx, [])),
    notes: z.array(z.string()).meta({ description: "What the planner assumed, repaired or fell back from." }),
  })
  .meta({ id: "BreakdownProposal" });
export type BreakdownProposal = z.output<typeof BreakdownProposal>;

/**
 * What the language model is asked for: the tasks only, at most `maxTasks` (source, model and notes are ours).
 * Sent as its JSON schema; the model's answer is then only held to `ModelAnswerShape` and repaired.
 */
export function modelAnswerSchema(maxTasks: number) {
  // the shape without ProposedTask's OpenAPI id, so that its JSON schema is inline (no $ref for a model to follow)
  return z.strictObject({ tasks: z.array(z.strictObject(proposedTaskShape)).min(1).max(maxTasks) });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The least an answer must be to be worth repairing: a list of tasks under `tasks` (or the bare list, as some
 * models answer). Every field is judged by repairProposal (lib/domain/breakdown/repair.ts), which clamps what it
 * can and drops the rest; an item that is not an object counts as a task without a title.
 */
export const ModelAnswerShape = z.preprocess(
  (v) => (Array.isArray(v) ? { tasks: v } : v),
  z.object({ tasks: z.array(z.unknown()).transform((items) => items.map((item) => (isRecord(item) ? item : {}))) }),
);
export type ModelAnswerShape = z.output<typeof ModelAnswerShape>;

// the domain's plain types and the contract's must stay the same shape
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTask: Same<ProposedTask, DomainTask> = true;
const sameProposal: Same<BreakdownProposal, DomainProposal> = true;
void sameTask;
void sameProposal;
