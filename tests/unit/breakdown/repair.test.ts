import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairProposal, type RawProposal } from "@/lib/domain/breakdown/repair";
import type { BreakdownRequest } from "@/lib/domain/breakdown/proposal";
import { breakdownRequest, expectValidFor, proposedTask, request } from "./helpers";

const r: BreakdownRequest = breakdownRequest();

const good = proposedTask;

const repair = (tasks: Record<string, unknown>[], request: BreakdownRequest = r) => {
  const repaired = repairProposal({ tasks }, request);
  expectValidFor({ source: "llm", model: "m", ...repaired }, request);
  return repaired;
};

describe("repairProposal", () => {
  it("leaves a valid answer as it is, without notes", () => {
    const tasks = [good("a"), good("b", { after: ["a"], deadline: "2026-12-12" })];
    expect(repair(tasks)).toEqual({ tasks, notes: [] });
  });

  it("moves difficulty to the nearest Fibonacci value (halfway: the harder)", () => {
    const { tasks, notes } = repair([
      good("a", { difficulty: 4 }),
      good("b", { difficulty: 6 }),
      good("c", { difficulty: 100 }),
      good("d", { difficulty: 0 }),
      good("e", { difficulty: "8" }),
      good("f", { difficulty: null }),
    ]);
    expect(tasks.map((t) => t.difficulty)).toEqual([5, 5, 21, 1, 8, 3]);
    expect(notes.filter((n) => n.includes("Fibonacci"))).toHaveLength(5);
  });

  it("clamps importance, minutes and text to the task limits", () => {
    const { tasks, notes } = repair([
      good("a", { importance: 12, expectedMinutes: 5000, title: "x".repeat(60), description: "y".repeat(600) }),
      good("b", { importance: -3, expectedMinutes: 0.2 }),
      good("c", { importance: 4.6, expectedMinutes: undefined, difficulty: 8 }),
    ]);
    expect(tasks.map((t) => [t.importance, t.expectedMinutes])).toEqual([
      [9, 1440],
      [1, 1],
      [5, 150],
    ]);
    expect(tasks[0]!.title).toBe("x".repeat(40));
    expect(tasks[0]!.description).toHaveLength(500);
    expect(notes).toContain("The title of a was shortened to 40 characters.");
    expect(notes).toContain("c had no expected minutes; 150 from its difficulty.");
  });

  it("drops tasks without a title and repeated refs, and names tasks without a ref", () => {
    const { tasks, notes } = repair([
      good("a"),
      good("a", { title: "Second a" }),
      good("b", { title: "   " }),
      good("", { title: "No ref" }),
      { title: "Also no ref", ref: 42 },
    ]);
    expect(tasks.map((t) => [t.ref, t.title])).toEqual([
      ["a", "Task a"],
      ["t4", "No ref"],
      ["42", "Also no ref"],
    ]);
    expect(notes).toEqual(
      expect.arrayContaining([
        "Ref a was used twice; the later task was dropped.",
        "Task 3 had no title and was dropped.",
      ]),
    );
  });

  it("drops unknown refs, self edges, repeated edges and the edge that closes a cycle", () => {
    const { tasks, notes } = repair([
      good("a", { after: ["c"] }),
      good("b", { after: ["a", "a", "b", "ghost"] }),
      good("c", { after: ["b"] }),
    ]);
    // a after c is kept first; then c after b would close a → b → c → a
    expect(tasks.map((t) => t.after)).toEqual([["c"], ["a"], []]);
    expect(notes).toEqual([
      "b named itself as a prerequisite; that edge was dropped.",
      "b named an unknown task (ghost); that edge was dropped.",
      "The edge b → c closed a cycle and was dropped.",
    ]);
  });

  it("clamps deadlines into [today, target], fills missing ones and keeps them after prerequisites'", () => {
    const { tasks, notes } = repair([
      good("a", { deadline: "2020-01-01" }),
      good("b", { deadline: "2030-01-01", after: ["a"] }),
      good("c", { deadline: "2026-12-08", after: ["b"] }),
      good("d", { deadline: "not a date", after: ["c"] }),
      good("e", { deadline: "2026-02-30" }),
    ]);
    expect(tasks.map((t) => t.deadline)).toEqual([
      "2026-12-07",
      "2026-12-21",
      "2026-12-21",
      "2026-12-21",
      expect.any(String),
    ]);
    expect(notes).toContain("The deadline of a moved from 2020-01-01 to 2026-12-07.");
    expect(notes).toContain("The deadline of c moved to 2026-12-21, not before its prerequisites'.");
    expect(notes).toContain("d had no valid deadline; it is now 2026-12-21.");
  });

  it("spreads missing deadlines without a target date as the offline planner would: over the stated length", () => {
    const noTarget = { ...r, goal: { title: "Open a blog in 10 days", description: "", targetDate: null } };
    const { tasks } = repair([good("a", { deadline: null }), good("b", { deadline: null, after: ["a"] })], noTarget);
    expect(tasks.map((t) => t.deadline)).toEqual(["2026-12-12", "2026-12-17"]);
  });

  it("keeps only the first maxTasks tasks, and edges to the others are unknown", () => {
    const tasks = Array.from({ length: 12 }, (_, i) => good(`t${i}`, { after: i > 0 ? [`t${i - 1}`] : ["t11"] }));
    const repaired = repair(tasks, { ...r, maxTasks: 5 });
    expect(repaired.tasks.map((t) => t.ref)).toEqual(["t0", "t1", "t2", "t3", "t4"]);
    expect(repaired.tasks[0]!.after).toEqual([]);
    expect(repaired.notes).toContain("Only the first 5 of 12 tasks were kept.");
  });

  it("writes its notes in Korean for a Korean member", () => {
    const { notes } = repair([good("a", { difficulty: 4 })], { ...r, locale: "ko" });
    expect(notes).toEqual(["a의 난이도 4을(를) 가장 가까운 피보나치 수 5(으)로 바꿨어요."]);
  });

  it("turns any answer of the right shape into a valid proposal, or nothing", () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.string()),
    );
    const rawTask = fc.record(
      {
        ref: fc.oneof(fc.constantFrom("a", "b", "c", "d", " a ", ""), anything),
        title: fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), anything),
        description: fc.oneof(fc.string({ unit: "binary", maxLength: 700 }), anything),
        expectedMinutes: fc.oneof(fc.integer({ min: -100, max: 3000 }), anything),
        difficulty: fc.oneof(fc.integer({ min: -5, max: 40 }), anything),
        importance: fc.oneof(fc.integer({ min: -5, max: 15 }), anything),
        deadline: fc.oneof(fc.constantFrom("2026-12-01", "2027-01-05", "2100-01-01", "x"), anything),
        after: fc.oneof(fc.array(fc.constantFrom("a", "b", "c", "d", "e")), anything),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(request, fc.array(rawTask, { maxLength: 20 }), (req, tasks) => {
        const raw: RawProposal = { tasks };
        const repaired = repairProposal(raw, req);
        expect(repaired.tasks.length).toBeLessThanOrEqual(req.maxTasks);
        if (repaired.tasks.length > 0) expectValidFor({ source: "llm", model: "m", ...repaired }, req);
        expect(repairProposal(raw, req)).toEqual(repaired);
      }),
      { numRuns: 300 },
    );
  });
});
