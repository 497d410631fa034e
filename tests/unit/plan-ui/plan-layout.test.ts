import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import {
  blockBox,
  byDay,
  daysBetween,
  endsLate,
  filledUntil,
  moveRefusal,
  pictureHours,
  totalMinutes,
  wallMinutes,
  withMoves,
} from "@/components/plan/plan-layout";
import { PLACEMENT_REFUSALS, UNPLACED_REASONS } from "@/lib/contracts/plan";
import en from "@/messages/en/plan.json";
import ko from "@/messages/ko/plan.json";

const SEOUL = "Asia/Seoul";
// 2026-12-07 is a Monday; Seoul is UTC+9 all year
const at = (localIso: string) => new Date(`${localIso}+09:00`).toISOString();
const block = (taskId: string, local: string, plannedMinutes: number) => ({
  taskId,
  startAt: at(local),
  plannedMinutes,
});

describe("the plan sheet's arithmetic", () => {
  it("lists the days of the range, both ends included, across a month's end", () => {
    expect(daysBetween("2026-12-29", "2027-01-02")).toEqual([
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
    expect(daysBetween("2026-12-07", "2026-12-07")).toEqual(["2026-12-07"]);
  });

  it("groups blocks by the member's local day, in order of start", () => {
    // 08:30 in Seoul on Tuesday is still Monday in UTC: the member's day counts
    const placements = [
      block("b", "2026-12-08T14:00:00", 30),
      block("a", "2026-12-08T08:30:00", 60),
      block("c", "2026-12-07T23:00:00", 60),
    ];
    const days = byDay(placements, SEOUL);
    expect([...days.keys()]).toEqual(["2026-12-07", "2026-12-08"]);
    expect(days.get("2026-12-08")!.map((p) => p.taskId)).toEqual(["a", "b"]);
  });

  it("reads wall minutes on the member's clock; an end at midnight is 1440", () => {
    expect(wallMinutes(block("a", "2026-12-07T09:15:00", 45), SEOUL)).toEqual({ start: 555, end: 600 });
    expect(wallMinutes(block("a", "2026-12-07T23:00:00", 60), SEOUL)).toEqual({ start: 1380, end: 1440 });
  });

  it("draws the picture over whole hours around the blocks (09–18 with none) and places each block inside it", () => {
    expect(pictureHours([], SEOUL)).toEqual({ start: 540, end: 1080 });
    const placements = [block("a", "2026-12-07T09:30:00", 60), block("b", "2026-12-08T16:10:00", 20)];
    const hours = pictureHours(placements, SEOUL);
    expect(hours).toEqual({ start: 540, end: 1020 });
    expect(blockBox(placements[0]!, SEOUL, hours)).toEqual({ top: 6.25, height: 12.5 });
    const last = blockBox(placements[1]!, SEOUL, hours);
    expect(last.top + last.height).toBeLessThanOrEqual(100);
  });

  it("marks a block late only when it ends after its deadline day; an end at midnight is on time", () => {
    expect(endsLate(block("a", "2026-12-07T23:00:00", 60), "2026-12-07", SEOUL)).toBe(false);
    expect(endsLate(block("a", "2026-12-08T09:00:00", 30), "2026-12-07", SEOUL)).toBe(true);
    expect(endsLate(block("a", "2026-12-08T09:00:00", 30), undefined, SEOUL)).toBe(false);
  });

  it("says until when the kept blocks fill the working hours, and how long they are", () => {
    expect(filledUntil([])).toBeNull();
    const placements = [block("a", "2026-12-09T15:00:00", 45), block("b", "2026-12-07T09:00:00", 60)];
    expect(filledUntil(placements)!.toISOString()).toBe(at("2026-12-09T15:45:00"));
    expect(totalMinutes(placements)).toBe(105);
  });
});

describe("the plan messages", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object" && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it("have the same keys in Korean and English", () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });

  it.each(["ko", "en"] as const)("say every unplaced reason, its advice and every accept refusal (%s)", (locale) => {
    const t = createTranslator({ locale, messages: { plan: locale === "ko" ? ko : en }, namespace: "plan" });
    for (const reason of UNPLACED_REASONS) {
      expect(t(`reasons.${reason}`)).not.toContain("reasons.");
      expect(t(`advice.${reason}`)).not.toContain("advice.");
    }
    for (const refusal of PLACEMENT_REFUSALS) expect(t(`conflictReasons.${refusal}`)).not.toContain("conflictReasons.");
    expect(t("accepted", { count: 1 })).toMatch(locale === "en" ? /^1 schedule added/ : /1개/);
    expect(t("accept", { count: 3 })).toContain("3");
  });
});

describe("moving a block", () => {
  const a = block("a", "2026-12-07T09:00:00", 60);
  const b = block("b", "2026-12-07T11:00:00", 30);

  it("replaces only the moved block's start", () => {
    const moved = withMoves([a, b], new Map([["b", at("2026-12-08T10:00:00")]]));
    expect(moved).toEqual([a, { ...b, startAt: at("2026-12-08T10:00:00") }]);
  });

  it("refuses a start off the 5-minute grid or overlapping another kept block; touching is fine", () => {
    expect(moveRefusal(b, new Date(at("2026-12-07T10:03:00")), [a, b], SEOUL)).toEqual({ reason: "OFF_GRID" });
    expect(moveRefusal(b, new Date(at("2026-12-07T09:45:00")), [a, b], SEOUL)).toEqual({
      reason: "OVERLAP",
      taskId: "a",
    });
    expect(moveRefusal(b, new Date(at("2026-12-07T08:30:00")), [a, b], SEOUL)).toBeNull();
    expect(moveRefusal(b, new Date(at("2026-12-07T10:00:00")), [a, b], SEOUL)).toBeNull();
    // its own old place is no obstacle
    expect(moveRefusal(b, new Date(at("2026-12-07T11:10:00")), [a, b], SEOUL)).toBeNull();
  });
});
