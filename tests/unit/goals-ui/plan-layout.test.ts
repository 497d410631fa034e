import { describe, expect, it } from "vitest";
import { BOX, criticalPath, layoutPlan, shorten, type PlanTask } from "@/components/goals/plan-layout";

const task = (id: string, after: string[] = [], minutes = 30, completed = false): PlanTask => ({
  id,
  title: id,
  completed,
  minutes,
  after,
});

describe("layoutPlan", () => {
  it("puts each task one column right of its deepest prerequisite, stacking a column's tasks in order", () => {
    // a → b → d, a → c, c → d: d's deepest prerequisite is at depth 1
    const plan = layoutPlan([task("a"), task("b", ["a"]), task("c", ["a"]), task("d", ["b", "c"])]);
    const at = Object.fromEntries(plan.boxes.map((b) => [b.id, [b.column, b.row]]));
    expect(at).toEqual({ a: [0, 0], b: [1, 0], c: [1, 1], d: [2, 0] });
    expect(plan.width).toBe(BOX.margin * 2 + 3 * BOX.width + 2 * BOX.columnGap);
    expect(plan.height).toBe(BOX.margin * 2 + 2 * BOX.height + BOX.rowGap);
    const c = plan.boxes.find((b) => b.id === "c");
    expect(c).toMatchObject({ x: BOX.margin + BOX.width + BOX.columnGap, y: BOX.margin + BOX.height + BOX.rowGap });
  });

  it("draws one arrow per edge inside the plan, from the right edge of the earlier box to the left edge of the later", () => {
    const plan = layoutPlan([task("a"), task("b", ["a", "outside"])]);
    expect(plan.arrows.map((a) => [a.from, a.to])).toEqual([["a", "b"]]);
    const y = BOX.margin + BOX.height / 2;
    expect(plan.arrows[0]?.d.startsWith(`M ${BOX.margin + BOX.width} ${y} `)).toBe(true);
    expect(plan.arrows[0]?.d.endsWith(`${BOX.margin + BOX.width + BOX.columnGap} ${y}`)).toBe(true);
  });

  it("marks the heaviest chain of open tasks as critical, boxes and edges, and skips completed ones", () => {
    // a(10) → b(100) → d(10); a → c(20) → d: a-b-d weighs 120, a-c-d 40
    const tasks = [task("a", [], 10), task("b", ["a"], 100), task("c", ["a"], 20), task("d", ["b", "c"], 10)];
    const plan = layoutPlan(tasks);
    expect(plan.criticalIds).toEqual(["a", "b", "d"]);
    expect(plan.boxes.filter((b) => b.critical).map((b) => b.id)).toEqual(["a", "b", "d"]);
    expect(plan.arrows.filter((a) => a.critical).map((a) => `${a.from}${a.to}`)).toEqual(["ab", "bd"]);
    // once b is done, the chain runs through c
    expect(criticalPath([tasks[0]!, { ...tasks[1]!, completed: true }, tasks[2]!, tasks[3]!])).toEqual(["a", "c", "d"]);
  });

  it("draws nothing for no tasks, and survives a cycle without hanging", () => {
    expect(layoutPlan([])).toEqual({ boxes: [], arrows: [], width: 0, height: 0, criticalIds: [] });
    const plan = layoutPlan([task("a", ["b"]), task("b", ["a"])]);
    expect(plan.boxes).toHaveLength(2);
  });

  it("puts no two boxes on the same spot", () => {
    const tasks = Array.from({ length: 12 }, (_, i) => task(`t${i}`, i === 0 ? [] : [`t${Math.floor((i - 1) / 3)}`]));
    const spots = layoutPlan(tasks).boxes.map((b) => `${b.x},${b.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });
});

describe("shorten (the box's title)", () => {
  it("keeps a short title, cuts a long one with an ellipsis, and counts Hangul as wide", () => {
    expect(shorten("Pick a topic")).toBe("Pick a topic");
    expect(shorten("Write the first post and edit it twice")).toBe("Write the first pos…");
    const korean = shorten("블로그 개설하고 기본 설정하기");
    expect(korean.endsWith("…")).toBe(true);
    expect([...korean].length).toBeLessThan(15);
    expect(shorten("첫 글 초안 쓰기")).toBe("첫 글 초안 쓰기");
  });
});
