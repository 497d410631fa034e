// GET /api/v1/statistics/week through the real route handler, with the work done through the API too:
// the shape (every type, seven days, goalSeconds), the member's time zone, midnight splits, and the invariant
// "a week's totalSeconds equals the sum of elapsedSeconds of its completed schedules" (deleted ones included).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ScheduleList } from "@/lib/contracts/schedule";
import { WeekStatistics } from "@/lib/contracts/statistics";
import { SCHEDULE_TYPES } from "@/lib/domain/limits";
import {
  act,
  client,
  forgetMembers,
  invalid,
  newSchedule,
  notAServerError,
  ok,
  testMember,
  type Client,
} from "./client";

afterAll(forgetMembers);

afterEach(() => {
  vi.useRealTimers();
});

/** freezes `new Date()` only (timers and I/O run as usual) */
function freezeAt(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

async function week(api: Client, date?: string): Promise<WeekStatistics> {
  return ok(await api.get("/statistics/week", { query: { date } }), 200, WeekStatistics);
}

const ZERO = { DEEP_WORK: 0, QUICK_TASK: 0, ADMIN_TASK: 0 };

describe("GET /statistics/week", () => {
  it("lists Monday to Sunday, every type, and the daily goal in seconds, even when empty", async () => {
    const member = await testMember({ dailyGoalMinutes: 90 });
    const stats = await week(client(member), "2026-11-19");
    expect(stats).toEqual({
      weekStart: "2026-11-16",
      totalSeconds: 0,
      byType: ZERO,
      completedCount: 0,
      days: ["16", "17", "18", "19", "20", "21", "22"].map((d) => ({
        date: `2026-11-${d}`,
        seconds: 0,
        byType: ZERO,
        completedCount: 0,
        goalSeconds: 5400,
      })),
    });
    expect(Object.keys(stats.byType).sort()).toEqual([...SCHEDULE_TYPES].sort());
  });

  it("any day of the week names the same week, across a month and a year boundary", async () => {
    const api = client(await testMember());
    const monday = await week(api, "2026-12-28");
    for (const date of ["2026-12-29", "2026-12-31", "2027-01-01", "2027-01-03"])
      expect(await week(api, date)).toEqual(monday);
    expect(monday.days.map((d) => d.date)).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
    expect((await week(api, "2027-01-04")).weekStart).toBe("2027-01-04");
  });

  it("defaults to this week in the member's time zone", async () => {
    // Sunday 20:00 UTC: already Monday the 23rd in Seoul, still Sunday the 22nd in Los Angeles
    freezeAt("2026-11-22T20:00:00.000Z");
    const seoul = client(await testMember({ timezone: "Asia/Seoul" }));
    const la = client(await testMember({ timezone: "America/Los_Angeles" }));
    expect((await week(seoul)).weekStart).toBe("2026-11-23");
    expect((await week(la)).weekStart).toBe("2026-11-16");
  });

  it.each([
    ["2026-02-30", { date: "2026-02-30" }],
    ["2026/11/19", { date: "2026/11/19" }],
    ["a date with a time", { date: "2026-11-19T00:00:00Z" }],
    ["an empty date", { date: "" }],
    ["date given twice", { date: ["2026-11-19", "2026-11-20"] }],
  ])("refuses date %s (400 naming date)", async (_what, query) => {
    const api = client(await testMember());
    invalid(await api.get("/statistics/week", { query }), "date");
  });

  it("adds up completed schedules only, by the local day their sessions ran, and equals their elapsedSeconds", async () => {
    const member = await testMember({ timezone: "Asia/Seoul", dailyGoalMinutes: 90 });
    const api = client(member);
    // Seoul is UTC+9 all year; the week is Monday 2026-11-16 to Sunday 2026-11-22 there
    const at = (local: string) => freezeAt(new Date(`${local}+09:00`).toISOString());

    // Tuesday: two sessions, 30.7 s and 10.999 s → 30 + 10
    at("2026-11-17T09:00:00");
    const tuesday = await newSchedule(api, { title: "tue", type: "DEEP_WORK", startAt: "2026-11-17T10:00:00+09:00" });
    at("2026-11-17T10:00:00.000");
    await act(api, tuesday.id, "start");
    at("2026-11-17T10:00:30.700");
    await act(api, tuesday.id, "pause");
    at("2026-11-17T10:05:00.000");
    await act(api, tuesday.id, "resume");
    at("2026-11-17T10:05:10.999");
    expect((await act(api, tuesday.id, "complete")).elapsedSeconds).toBe(40);

    // Wednesday 23:59:50.300 to Thursday 00:00:20.500: split at midnight into 9.7 s and 20.5 s → 9 + 20
    // (30.2 s unsplit would truncate to 30: the split is what both sides must agree on)
    at("2026-11-18T23:00:00");
    const overnight = await newSchedule(api, {
      title: "overnight",
      type: "QUICK_TASK",
      startAt: "2026-11-18T23:59:00+09:00",
    });
    at("2026-11-18T23:59:50.300");
    await act(api, overnight.id, "start");
    at("2026-11-19T00:00:20.500");
    expect((await act(api, overnight.id, "complete")).elapsedSeconds).toBe(29);

    // Friday: completed without running: one completion, 0 s
    at("2026-11-20T12:00:00");
    const never = await newSchedule(api, {
      title: "never ran",
      type: "ADMIN_TASK",
      startAt: "2026-11-20T12:00:00+09:00",
    });
    expect((await act(api, never.id, "complete")).elapsedSeconds).toBe(0);

    // Friday: completed, then reset: nothing left
    const undone = await newSchedule(api, {
      title: "undone",
      type: "QUICK_TASK",
      startAt: "2026-11-20T13:00:00+09:00",
    });
    at("2026-11-20T13:00:00");
    await act(api, undone.id, "start");
    at("2026-11-20T13:10:00");
    await act(api, undone.id, "complete");
    await act(api, undone.id, "reset");

    // Saturday: completed (1200 s), then deleted: it leaves the calendar, its recorded time stays in the statistics
    at("2026-11-21T08:00:00");
    const deleted = await newSchedule(api, {
      title: "deleted",
      type: "DEEP_WORK",
      startAt: "2026-11-21T08:00:00+09:00",
    });
    await act(api, deleted.id, "start");
    at("2026-11-21T08:20:00");
    const deletedSeconds = (await act(api, deleted.id, "complete")).elapsedSeconds;
    expect(deletedSeconds).toBe(1200);
    expect((await api.delete("/schedules/{id}", { params: { id: deleted.id } })).status).toBe(204);

    // the Sunday before: another week
    at("2026-11-15T22:00:00");
    const before = await newSchedule(api, {
      title: "last week",
      type: "DEEP_WORK",
      startAt: "2026-11-15T22:00:00+09:00",
    });
    await act(api, before.id, "start");
    at("2026-11-15T22:00:07.000");
    await act(api, before.id, "complete");

    // Sunday: started and still running: not counted
    at("2026-11-22T09:00:00");
    const running = await newSchedule(api, {
      title: "running",
      type: "DEEP_WORK",
      startAt: "2026-11-22T09:00:00+09:00",
    });
    await act(api, running.id, "start");

    at("2026-11-22T10:00:00");
    const stats = await week(api, "2026-11-19");
    const byDate = Object.fromEntries(stats.days.map((d) => [d.date, d]));
    expect(stats).toMatchObject({
      weekStart: "2026-11-16",
      totalSeconds: 1269,
      byType: { DEEP_WORK: 1240, QUICK_TASK: 29, ADMIN_TASK: 0 },
      completedCount: 4,
    });
    expect(byDate["2026-11-16"]).toMatchObject({ seconds: 0, completedCount: 0 });
    expect(byDate["2026-11-17"]).toMatchObject({ seconds: 40, byType: { ...ZERO, DEEP_WORK: 40 }, completedCount: 1 });
    expect(byDate["2026-11-18"]).toMatchObject({ seconds: 9, byType: { ...ZERO, QUICK_TASK: 9 }, completedCount: 0 });
    expect(byDate["2026-11-19"]).toMatchObject({ seconds: 20, byType: { ...ZERO, QUICK_TASK: 20 }, completedCount: 1 });
    expect(byDate["2026-11-20"]).toMatchObject({ seconds: 0, byType: ZERO, completedCount: 1 });
    expect(byDate["2026-11-21"]).toMatchObject({
      seconds: 1200,
      byType: { ...ZERO, DEEP_WORK: 1200 },
      completedCount: 1,
    });
    expect(byDate["2026-11-22"]).toMatchObject({ seconds: 0, completedCount: 0 });
    for (const d of stats.days) {
      expect(d.goalSeconds).toBe(5400);
      expect(d.seconds).toBe(Object.values(d.byType).reduce((a, b) => a + b, 0));
    }
    expect(stats.days.reduce((sum, d) => sum + d.seconds, 0)).toBe(stats.totalSeconds);
    expect(stats.days.reduce((sum, d) => sum + d.completedCount, 0)).toBe(stats.completedCount);

    // the invariant, read back through GET /schedules: the week's completed schedules' elapsedSeconds, plus the
    // time of the deleted one (no longer listed, still recorded)
    const listed = ok(
      await api.get("/schedules", { query: { from: "2026-11-16", to: "2026-11-22" } }),
      200,
      ScheduleList,
    ).items;
    const completed = listed.filter((s) => s.state === "COMPLETED");
    expect(completed.map((s) => s.title).sort()).toEqual(["never ran", "overnight", "tue"]);
    expect(completed.reduce((sum, s) => sum + s.elapsedSeconds, 0) + deletedSeconds).toBe(stats.totalSeconds);
    for (const type of SCHEDULE_TYPES) {
      const recorded = type === "DEEP_WORK" ? deletedSeconds : 0;
      expect(completed.filter((s) => s.type === type).reduce((sum, s) => sum + s.elapsedSeconds, 0) + recorded).toBe(
        stats.byType[type],
      );
    }

    expect(await week(api, "2026-11-15")).toMatchObject({
      weekStart: "2026-11-09",
      totalSeconds: 7,
      completedCount: 1,
    });
  });

  it("another member's work never shows", async () => {
    freezeAt("2026-11-17T01:00:00.000Z");
    const mine = client(await testMember());
    const theirs = client(await testMember());
    const s = await newSchedule(theirs, { startAt: "2026-11-17T10:00:00+09:00" });
    await act(theirs, s.id, "start");
    freezeAt("2026-11-17T01:00:09.000Z");
    await act(theirs, s.id, "complete");
    expect((await week(theirs, "2026-11-17")).totalSeconds).toBe(9);
    expect(await week(mine, "2026-11-17")).toMatchObject({ totalSeconds: 0, completedCount: 0 });
  });
});

// Requests that once showed app bugs (found by these tests, now fixed): each test states the right behaviour.
describe("requests that once showed bugs", () => {
  // Was a bug: a date the contract accepts whose week the database cannot hold answers 500 INTERNAL:
  // GET /statistics/week?date=0000-01-01 → 500 (year 0); GET /statistics/week?date=9999-12-27 → 500 (the week
  // ends on 10000-01-02). Either a 400 VALIDATION naming date or a 200 is right; a 500 is not.
  it.each(["0000-01-01", "9999-12-27"])("GET /statistics/week?date=%s is not a server error", async (date) => {
    const api = client(await testMember());
    notAServerError(await api.get("/statistics/week", { query: { date } }));
  });
});
