import fc from "fast-check";
import { expect } from "vitest";
import { BreakdownProposal } from "@/lib/contracts/breakdown";
import { findCycle, type Edge } from "@/lib/domain/graph";
import type { BreakdownRequest, ProposedTask } from "@/lib/domain/breakdown/proposal";
import { addDays } from "@/lib/domain/time";

export const edgesOf = (tasks: readonly ProposedTask[]): Edge[] =>
  tasks.flatMap((t) => t.after.map((ref): Edge => [ref, t.ref]));

/** everything planning.md promises of any proposal for `request` (the language is checked apart) */
export function expectValidFor(proposal: unknown, request: BreakdownRequest): BreakdownProposal {
  const parsed = BreakdownProposal.parse(proposal);
  expect(findCycle(edgesOf(parsed.tasks))).toBeNull();
  expect(parsed.tasks.length).toBeLessThanOrEqual(request.maxTasks);
  const { today } = request;
  const target = request.goal.targetDate;
  // a target already past leaves only today: never a deadline in the past
  const last = target === null ? null : target >= today ? target : today;
  const deadlineOf = new Map(parsed.tasks.map((t) => [t.ref, t.deadline]));
  for (const task of parsed.tasks) {
    expect(task.deadline >= today, `${task.deadline} before today ${today}`).toBe(true);
    if (last !== null) expect(task.deadline <= last, `${task.deadline} after ${last}`).toBe(true);
    for (const ref of task.after) expect(task.deadline >= deadlineOf.get(ref)!).toBe(true);
  }
  return parsed;
}

/** a break-down request for a goal due 2026-12-21, asked on 2026-12-07 in English, up to 8 tasks */
export function breakdownRequest(
  over: Partial<Omit<BreakdownRequest, "goal">> & { goal?: Partial<BreakdownRequest["goal"]> } = {},
): BreakdownRequest {
  const { goal, ...rest } = over;
  return {
    goal: { title: "Open a blog", description: "", targetDate: "2026-12-21", ...goal },
    locale: "en",
    today: "2026-12-07",
    hint: "",
    maxTasks: 8,
    ...rest,
  };
}

/** a proposed task as a model would answer it: 30 minutes, difficulty 2, due 2026-12-10, after nothing */
export const proposedTask = (ref: string, over: Record<string, unknown> = {}) => ({
  ref,
  title: `Task ${ref}`,
  description: "",
  expectedMinutes: 30,
  difficulty: 2,
  importance: 5,
  deadline: "2026-12-10",
  after: [] as string[],
  ...over,
});

/** Hangul syllables and jamo, written out here rather than taken from the code under test */
export const hasHangul = (s: string) => /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/.test(s);

export function expectLanguage(proposal: BreakdownProposal, locale: "ko" | "en") {
  for (const task of proposal.tasks) {
    expect(hasHangul(task.title), `${locale}: ${task.title}`).toBe(locale === "ko");
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const phrases = [
  "블로그",
  "2주 안에 블로그 열기",
  "open a blog in two weeks",
  "learn Spanish",
  "영어 공부",
  "TOEIC 900",
  "토익 시험",
  "wedding",
  "결혼식 준비",
  "run a marathon",
  "마라톤 완주",
  "move to Busan",
  "이사",
  "declutter the garage",
  "옷장 정리",
  "write a novel",
  "논문 쓰기",
  "launch an app",
  "앱 출시",
  "within 3 months",
  "한 달 안에",
  "in a fortnight",
  "5 days a week",
  "3일에 한 번",
  "🎉",
  "\n",
  "\u0000",
  "\uD800",
  "  ",
  "a".repeat(60),
];

/** free text with goal-like phrases, odd characters and lengths mixed in */
export const goalText = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...phrases), fc.string({ maxLength: 30, unit: "binary" })), { maxLength: 6 })
    .map((parts) => Array.from(parts.join(" ")).slice(0, maxLength).join(""));

export const localDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2900-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const request: fc.Arbitrary<BreakdownRequest> = fc
  .record({
    title: goalText(60),
    description: goalText(1000),
    hint: goalText(500),
    today: localDate,
    targetOffset: fc.option(fc.integer({ min: -60, max: 800 }), { nil: null }),
    locale: fc.constantFrom("ko" as const, "en" as const),
    maxTasks: fc.integer({ min: 3, max: 15 }),
  })
  .map(({ title, description, hint, today, targetOffset, locale, maxTasks }) => ({
    goal: { title, description, targetDate: targetOffset === null ? null : addDays(today, targetOffset) },
    locale,
    today,
    hint,
    maxTasks,
  }));
