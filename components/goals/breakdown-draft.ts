// The break-down being edited, as plain data: rows the member renames, re-times, drops, adds and re-links, and
// the accept body they become. Kept apart from the form so the edits and the body can be tested on their own.
import type { BreakdownProposal } from "@/lib/contracts/breakdown";

export type DraftRow = {
  /** our name for the row: printable ASCII as the accept body requires, whatever refs the proposal used */
  ref: string;
  title: string;
  description: string;
  /** as typed; the contract judges it */
  minutes: string;
  difficulty: string;
  importance: string;
  deadline: string;
  after: string[];
};

/** the proposal's tasks as rows t1…tn, their `after` renamed to match */
export function draftOf(proposal: BreakdownProposal): DraftRow[] {
  const renamed = new Map(proposal.tasks.map((task, i) => [task.ref, `t${i + 1}`]));
  return proposal.tasks.map((task) => ({
    ref: renamed.get(task.ref)!,
    title: task.title,
    description: task.description,
    minutes: String(task.expectedMinutes),
    difficulty: String(task.difficulty),
    importance: String(task.importance),
    deadline: task.deadline,
    after: task.after.flatMap((ref) => (renamed.has(ref) ? [renamed.get(ref)!] : [])),
  }));
}

/** drops a row and every edge to it */
export function dropRow(rows: readonly DraftRow[], ref: string): DraftRow[] {
  return rows.filter((r) => r.ref !== ref).map((r) => ({ ...r, after: r.after.filter((a) => a !== ref) }));
}

/** a new row after the others, with a ref no row has */
export function addRow(rows: readonly DraftRow[], template: Pick<DraftRow, "title" | "deadline">): DraftRow[] {
  let n = rows.length + 1;
  const taken = new Set(rows.map((r) => r.ref));
  while (taken.has(`t${n}`)) n += 1;
  return [
    ...rows,
    {
      ref: `t${n}`,
      title: template.title,
      description: "",
      minutes: "30",
      difficulty: "2",
      importance: "5",
      deadline: template.deadline,
      after: [],
    },
  ];
}

const numberOrText = (value: string): number | string => (/^\s*-?\d+\s*$/.test(value) ? Number(value) : value);

/** the body of POST /goals/{id}/tasks (or its action): text that is not a number is passed on for zod to refuse */
export function acceptBody(rows: readonly DraftRow[]) {
  return rows.map((r) => ({
    ref: r.ref,
    title: r.title,
    description: r.description,
    expectedMinutes: r.minutes.trim() === "" ? null : numberOrText(r.minutes),
    difficulty: numberOrText(r.difficulty),
    importance: numberOrText(r.importance),
    deadline: r.deadline,
    after: r.after,
  }));
}
