import { describe, expect, it } from "vitest";
import { isOverdue, warnsOfPastDeadline } from "@/lib/domain/deadline";

describe("overdue", () => {
  it("is an open task whose deadline day has passed", () => {
    expect(isOverdue({ deadline: "2026-12-06", completed: false }, "2026-12-07")).toBe(true);
    expect(isOverdue({ deadline: "2026-12-07", completed: false }, "2026-12-07")).toBe(false);
    expect(isOverdue({ deadline: "2026-12-06", completed: true }, "2026-12-07")).toBe(false);
  });
});

describe("the past-deadline warning", () => {
  it("asks before saving a day before today, however far back", () => {
    expect(warnsOfPastDeadline("1999-01-01", "2026-12-07")).toBe(true);
    expect(warnsOfPastDeadline("2026-12-06", "2026-12-07")).toBe(true);
  });
  it("asks nothing for today, a later day, or something that is not a date (the contracts refuse that)", () => {
    expect(warnsOfPastDeadline("2026-12-07", "2026-12-07")).toBe(false);
    expect(warnsOfPastDeadline("2027-01-01", "2026-12-07")).toBe(false);
    expect(warnsOfPastDeadline("", "2026-12-07")).toBe(false);
    expect(warnsOfPastDeadline("2026-02-30", "2026-12-07")).toBe(false);
  });
  it("asks nothing when an edit keeps the deadline the task already has", () => {
    expect(warnsOfPastDeadline("2026-11-01", "2026-12-07", "2026-11-01")).toBe(false);
    expect(warnsOfPastDeadline("2026-10-01", "2026-12-07", "2026-11-01")).toBe(true);
  });
});
