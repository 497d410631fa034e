import { describe, expect, it } from "vitest";
import { BreakdownInput, BreakdownProposal, modelAnswerSchema } from "@/lib/contracts/breakdown";
import { accept, refuse } from "../contracts/helpers";
import { proposedTask } from "./helpers";

const task = (ref: string, after: string[] = [], over: Record<string, unknown> = {}) =>
  proposedTask(ref, { after, ...over });
const proposal = (tasks: unknown[]) => ({ source: "offline", model: null, tasks, notes: [] });

describe("BreakdownInput", () => {
  it("defaults to no hint and 8 tasks", () => {
    expect(accept(BreakdownInput, {})).toEqual({ hint: "", maxTasks: 8 });
    expect(accept(BreakdownInput, { hint: "  I know HTML \n", maxTasks: 3 })).toEqual({
      hint: "I know HTML",
      maxTasks: 3,
    });
  });
  it("refuses a hint over 500 characters, maxTasks outside 3–15 and unknown fields", () => {
    expect(refuse(BreakdownInput, { hint: "x".repeat(501) })).toEqual({ hint: ["must be at most 500 characters"] });
    expect(refuse(BreakdownInput, { maxTasks: 2 })).toEqual({ maxTasks: ["must be at least 3"] });
    expect(refuse(BreakdownInput, { maxTasks: 16 })).toEqual({ maxTasks: ["must be at most 15"] });
    expect(refuse(BreakdownInput, { maxTasks: 4.5 })).toEqual({ maxTasks: ["must be a whole number"] });
    expect(refuse(BreakdownInput, { goalId: "x" })).toEqual({ goalId: ["is not a known field"] });
  });
});

describe("BreakdownProposal", () => {
  it("accepts tasks within the task limits whose edges form no cycle", () => {
    accept(BreakdownProposal, proposal([task("a"), task("b", ["a"])]));
  });
  it("holds each task to the task rules", () => {
    const errors = refuse(
      BreakdownProposal,
      proposal([
        task("a", [], {
          difficulty: 4,
          importance: 10,
          expectedMinutes: 0,
          title: "x".repeat(41),
          deadline: "2026-02-30",
        }),
      ]),
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        "tasks.0.deadline",
        "tasks.0.difficulty",
        "tasks.0.expectedMinutes",
        "tasks.0.importance",
        "tasks.0.title",
      ].sort(),
    );
  });
  it("refuses repeated refs, unknown refs, self edges and cycles", () => {
    expect(refuse(BreakdownProposal, proposal([task("a"), task("a")]))).toEqual({ "tasks.1.ref": ["must be unique"] });
    expect(refuse(BreakdownProposal, proposal([task("a", ["z"])]))).toEqual({
      "tasks.0.after.0": ["must name a task of this answer"],
    });
    expect(refuse(BreakdownProposal, proposal([task("a", ["a"])]))).toEqual({
      "tasks.0.after.0": ["must not name the task itself"],
    });
    expect(refuse(BreakdownProposal, proposal([task("a", ["b"]), task("b", ["a"])]))).toEqual({
      tasks: [expect.stringMatching(/must not form a cycle/)],
    });
  });
  it("refuses an empty answer and one of more than 15 tasks", () => {
    refuse(BreakdownProposal, proposal([]));
    refuse(BreakdownProposal, proposal(Array.from({ length: 16 }, (_, i) => task(`t${i}`))));
  });
  it("asks a model for at most maxTasks tasks", () => {
    refuse(modelAnswerSchema(3), { tasks: [task("a"), task("b"), task("c"), task("d")] });
    accept(modelAnswerSchema(3), { tasks: [task("a")] });
  });
});
