import { describe, expect, it } from "vitest";
import { firstSlot } from "@/lib/domain/planner/first-slot";

const at = (time: string) => new Date(`2026-12-07T${time}:00Z`);
const grid = { minutes: 5, origin: at("00:00") };

describe("firstSlot", () => {
  it("answers the earliest grid start at which the task fits wholly in one interval", () => {
    const free = [
      { start: at("09:00"), end: at("09:45") },
      { start: at("10:02"), end: at("11:05") },
      { start: at("12:00"), end: at("14:00") },
    ];
    // 09:00–09:45 is too short; 10:02 rounds up to 10:05, and 10:05–11:05 fits exactly
    expect(firstSlot(free, 60, grid)).toEqual(at("10:05"));
    expect(firstSlot(free, 45, grid)).toEqual(at("09:00"));
    expect(firstSlot(free, 61, grid)).toEqual(at("12:00"));
  });

  it("reads the intervals in time order, and answers null when none is long enough", () => {
    const free = [
      { start: at("15:00"), end: at("17:00") },
      { start: at("08:00"), end: at("10:00") },
    ];
    expect(firstSlot(free, 60, grid)).toEqual(at("08:00"));
    expect(firstSlot(free, 121, grid)).toBeNull();
    expect(firstSlot([], 5, grid)).toBeNull();
  });
});
