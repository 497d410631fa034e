import { describe, expect, it } from "vitest";
import { barChart, donutSegments, hoursAndMinutes, percent } from "@/components/stats/geometry";

const BOX = { width: 700, height: 200, gap: 20 };

describe("barChart", () => {
  it("puts seven bars side by side and scales to the highest value with head-room", () => {
    const g = barChart([0, 3600, 7200, 0, 0, 0, 0], 3600, BOX);
    expect(g.bars).toHaveLength(7);
    expect(g.scaleMax).toBeCloseTo(7920);
    expect(g.bars.map((b) => b.x)).toEqual([10, 110, 210, 310, 410, 510, 610]);
    expect(g.bars.every((b) => b.width === 80)).toBe(true);
    expect(g.bars[0]).toMatchObject({ height: 0, y: 200 });
    expect(g.bars[2]!.height).toBeCloseTo(200 / 1.1);
    expect(g.bars[2]!.y + g.bars[2]!.height).toBeCloseTo(200); // every bar stands on the floor
    expect(g.goalY).toBeCloseTo(200 - 100 / 1.1);
  });

  it("keeps the goal line on the chart when nothing reaches it", () => {
    const g = barChart([600, 0, 0, 0, 0, 0, 0], 14_400, BOX);
    expect(g.goalY).toBeGreaterThan(0);
    expect(g.goalY).toBeLessThan(200);
    expect(g.bars[0]!.height).toBeLessThan(200 - g.goalY);
  });

  it("draws flat bars and a line on the floor when there is nothing at all", () => {
    const g = barChart([0, 0, 0, 0, 0, 0, 0], 0, BOX);
    expect(g.scaleMax).toBe(1);
    expect(g.goalY).toBe(200);
    expect(g.bars.every((b) => b.height === 0 && Number.isFinite(b.y))).toBe(true);
  });

  it("treats a negative value as nothing", () => {
    expect(barChart([-5], 10, BOX).bars[0]!.height).toBe(0);
  });
});

describe("donutSegments", () => {
  const r = 50;
  const c = 2 * Math.PI * r;

  it("splits the circumference by share, each segment starting where the last ended", () => {
    const s = donutSegments([3, 1, 0], r);
    expect(s.map((x) => x.share)).toEqual([0.75, 0.25, 0]);
    const [first, second, third] = s;
    expect(Number(first!.dashArray.split(" ")[0])).toBeCloseTo(0.75 * c, 2);
    expect(first!.dashOffset).toBe(0);
    expect(second!.dashOffset).toBeCloseTo(-0.75 * c, 2);
    expect(Number(third!.dashArray.split(" ")[0])).toBe(0);
  });

  it("draws one full ring for a single type", () => {
    const [only] = donutSegments([120], r);
    const [dash, gap] = only!.dashArray.split(" ").map(Number);
    expect(dash).toBeCloseTo(c, 2);
    expect(gap).toBeCloseTo(0, 2);
  });

  it("draws nothing when everything is zero", () => {
    expect(donutSegments([0, 0, 0], r).every((x) => x.share === 0 && x.dashArray.startsWith("0 "))).toBe(true);
  });
});

describe("hoursAndMinutes and percent", () => {
  it("splits whole seconds into hours, minutes and seconds", () => {
    expect(hoursAndMinutes(0)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
    expect(hoursAndMinutes(59.9)).toEqual({ hours: 0, minutes: 0, seconds: 59 });
    expect(hoursAndMinutes(3599)).toEqual({ hours: 0, minutes: 59, seconds: 59 });
    expect(hoursAndMinutes(3600 * 25 + 61)).toEqual({ hours: 25, minutes: 1, seconds: 1 });
  });

  it("rounds shares and survives a zero whole", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 0)).toBe(0);
  });
});
