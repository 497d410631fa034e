import { describe, expect, it } from "vitest";
import { violations } from "@/lib/domain/planner/rules";
import { plan, type PlanInput } from "@/lib/domain/planner/solve";

const at = (time: string) => new Date(`2026-12-07T${time}:00Z`);
const input: PlanInput = {
  tasks: [
    { id: "a", minutes: 30, importance: 5, deadline: null, prerequisites: [] },
    { id: "b", minutes: 20, importance: 5, deadline: null, prerequisites: ["a"] },
  ],
  free: [{ start: at("09:00"), end: at("11:00") }],
  bufferMinutes: 10,
  now: at("08:00"),
};
const placed = (taskId: string, start: string, minutes: number) => ({
  taskId,
  startAt: at(start),
  endAt: new Date(at(start).getTime() + minutes * 60_000),
});

describe("violations", () => {
  it("finds none in the solver's own plan", () => {
    expect(violations(input, plan(input).placements)).toEqual([]);
  });

  it("names each broken rule with the task that breaks it", () => {
    expect(violations(input, [placed("a", "09:00", 30), placed("b", "09:35", 20)])).toEqual([
      { taskId: "b", rule: "PREREQUISITE" },
      { taskId: "b", rule: "OVERLAP" },
    ]);
    expect(violations(input, [placed("a", "09:02", 30)])).toEqual([{ taskId: "a", rule: "OFF_GRID" }]);
    expect(violations(input, [placed("a", "10:45", 30)])).toEqual([{ taskId: "a", rule: "OUTSIDE_FREE_TIME" }]);
    expect(violations(input, [placed("a", "09:00", 25)])).toEqual([{ taskId: "a", rule: "LENGTH" }]);
    expect(violations(input, [placed("b", "09:00", 20)])).toEqual([{ taskId: "b", rule: "PREREQUISITE" }]);
    expect(violations(input, [placed("x", "09:00", 20)])).toEqual([{ taskId: "x", rule: "UNKNOWN_TASK" }]);
    expect(violations({ ...input, now: at("09:30") }, [placed("a", "09:00", 30)])).toEqual([
      { taskId: "a", rule: "BEFORE_NOW" },
    ]);
  });
});
