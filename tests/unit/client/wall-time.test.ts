import { describe, expect, it } from "vitest";
import { instantOfWallTime, moveToDate, wallTimeOf } from "@/lib/domain/time";
import { instantToWallTime, nextWholeHour, wallTimeToInstant } from "@/components/tasks/local-time";

describe("wall-clock times in the member's zone", () => {
  it("turn a local date and time into the instant, whatever the browser's zone", () => {
    expect(instantOfWallTime("2026-11-25", "09:30", "Asia/Seoul").toISOString()).toBe("2026-11-25T00:30:00.000Z");
    expect(wallTimeOf(new Date("2026-11-25T00:30:00Z"), "Asia/Seoul")).toBe("09:30");
  });
  it("put a time the clocks skip just after the gap, and a repeated time at its first showing", () => {
    // New York, 2026-03-08: 02:00 → 03:00; 2026-11-01: 02:00 → 01:00
    expect(instantOfWallTime("2026-03-08", "02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(instantOfWallTime("2026-11-01", "01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
  it("keep the time of day when a schedule moves to another day across a DST change", () => {
    const moved = moveToDate(new Date("2026-03-07T14:00:00Z"), "2026-03-09", "America/New_York"); // 09:00 EST
    expect(wallTimeOf(moved, "America/New_York")).toBe("09:00");
    expect(moved.toISOString()).toBe("2026-03-09T13:00:00.000Z"); // 09:00 EDT
  });
  it("read and write the datetime-local format, refusing what is not one", () => {
    expect(wallTimeToInstant("2026-11-25T09:30", "Asia/Seoul")?.toISOString()).toBe("2026-11-25T00:30:00.000Z");
    expect(instantToWallTime(new Date("2026-11-25T00:30:00Z"), "Asia/Seoul")).toBe("2026-11-25T09:30");
    for (const bad of ["2026-11-25 09:30", "2026-02-30T09:30", "2026-11-25T24:00", "2026-11-25T09:60", ""]) {
      expect(wallTimeToInstant(bad, "Asia/Seoul")).toBeNull();
    }
    expect(nextWholeHour(new Date("2026-11-25T00:30:00Z"), "Asia/Seoul")).toBe("2026-11-25T10:00");
  });
});
