import { describe, expect, it } from "vitest";
import type * as z from "zod";
import {
  CreateScheduleInput,
  DeleteScheduleQuery,
  ListSchedulesQuery,
  ScheduleActionParams,
  ScheduleList,
  ScheduleView,
  TransitionInput,
  UpdateScheduleInput,
  scheduleRange,
} from "@/lib/contracts/schedule";
import { WeekQuery, WeekStatistics } from "@/lib/contracts/statistics";
import { summarizeWeek, type WeekSummary } from "@/lib/domain/statistics";
import { allowedActions } from "@/lib/domain/schedule-transitions";
import { ID1, ID2, accept, refuse, type Equal } from "./helpers";

const valid = { title: "Focus", startAt: "2026-03-01T09:00:00+09:00", type: "DEEP_WORK" };

describe("CreateScheduleInput", () => {
  it("takes the required fields and fills in the rest; the instant arrives as a Date", () => {
    const startAt = new Date("2026-03-01T00:00:00Z");
    expect(accept(CreateScheduleInput, valid)).toEqual({ ...valid, startAt, description: "", taskId: null });
    expect(accept(CreateScheduleInput, { ...valid, taskId: ID1, description: "d" })).toEqual({
      ...valid,
      startAt,
      taskId: ID1,
      description: "d",
    });
  });
  it("lists every missing field", () => {
    expect(refuse(CreateScheduleInput, {})).toEqual({
      title: ["is required"],
      startAt: ["is required"],
      type: ["is required"],
    });
  });
  it("refuses startAt without an offset", () => {
    expect(refuse(CreateScheduleInput, { ...valid, startAt: "2026-03-01T09:00:00" })).toEqual({
      startAt: ["must be an ISO 8601 date and time with an offset, such as 2026-03-01T09:00:00+09:00"],
    });
  });
  it("title 40 vs 41, blank; type; unknown keys", () => {
    expect(accept(CreateScheduleInput, { ...valid, title: "s".repeat(40) }).title).toHaveLength(40);
    expect(
      refuse(CreateScheduleInput, { ...valid, title: "s".repeat(41), type: "deep_work", state: "IN_PROGRESS" }),
    ).toEqual({
      title: ["must be at most 40 characters"],
      type: ["must be one of DEEP_WORK, QUICK_TASK, ADMIN_TASK"],
      state: ["is not a known field"],
    });
    expect(refuse(CreateScheduleInput, { ...valid, title: " \t " })).toEqual({ title: ["must not be blank"] });
  });
});

describe("UpdateScheduleInput", () => {
  it("takes any of the editable fields and a version", () => {
    expect(accept(UpdateScheduleInput, {})).toEqual({});
    expect(accept(UpdateScheduleInput, { startAt: "2026-03-02T10:00:00Z", version: 4 })).toEqual({
      startAt: new Date("2026-03-02T10:00:00Z"),
      version: 4,
    });
  });
  it("refuses the state and the task, which are not edited here", () => {
    expect(refuse(UpdateScheduleInput, { state: "COMPLETED", taskId: ID1 })).toEqual({
      state: ["is not a known field"],
      taskId: ["is not a known field"],
    });
  });
});

describe("ListSchedulesQuery", () => {
  it("takes one day", () => {
    const q = accept(ListSchedulesQuery, { date: "2026-03-01" });
    expect(scheduleRange(q)).toEqual({ from: "2026-03-01", to: "2026-03-01" });
  });
  it("takes a range of up to 42 days, both included", () => {
    const q = accept(ListSchedulesQuery, { from: "2026-03-01", to: "2026-04-11" }); // 42 days
    expect(scheduleRange(q)).toEqual({ from: "2026-03-01", to: "2026-04-11" });
    expect(accept(ListSchedulesQuery, { from: "2026-03-01", to: "2026-03-01" })).toEqual({
      from: "2026-03-01",
      to: "2026-03-01",
    });
  });
  it("refuses 43 days", () => {
    expect(refuse(ListSchedulesQuery, { from: "2026-03-01", to: "2026-04-12" })).toEqual({
      to: ["must be at most 42 days from from, both days included"],
    });
  });
  it("refuses to before from", () => {
    expect(refuse(ListSchedulesQuery, { from: "2026-03-02", to: "2026-03-01" })).toEqual({
      to: ["must not be before from"],
    });
  });
  it("wants exactly one of the two forms", () => {
    expect(refuse(ListSchedulesQuery, {})).toEqual({ _: ["give date, or from and to"] });
    expect(refuse(ListSchedulesQuery, { date: "2026-03-01", from: "2026-03-01", to: "2026-03-02" })).toEqual({
      _: ["give either date, or from and to, not both"],
    });
    expect(refuse(ListSchedulesQuery, { from: "2026-03-01" })).toEqual({ to: ["is required with from"] });
    expect(refuse(ListSchedulesQuery, { to: "2026-03-01" })).toEqual({ from: ["is required with to"] });
  });
  it("refuses days that do not exist", () => {
    expect(refuse(ListSchedulesQuery, { date: "2026-02-30" })).toEqual({
      date: ["must be a date YYYY-MM-DD that exists"],
    });
    expect(refuse(ListSchedulesQuery, { from: "", to: "2026-02-30" })).toEqual({
      from: ["must be a date YYYY-MM-DD that exists"],
      to: ["must be a date YYYY-MM-DD that exists"],
    });
  });
});

describe("transitions", () => {
  it("path: a schedule id and one of the six actions", () => {
    expect(accept(ScheduleActionParams, { id: ID1, action: "start" })).toEqual({ id: ID1, action: "start" });
    expect(refuse(ScheduleActionParams, { id: "x", action: "jump" })).toEqual({
      id: ["must be a UUID"],
      action: ["must be one of start, pause, resume, complete, stop, reset"],
    });
  });
  it("body: {} or { switch }", () => {
    expect(accept(TransitionInput, {})).toEqual({ switch: false });
    expect(accept(TransitionInput, { switch: true })).toEqual({ switch: true });
    expect(refuse(TransitionInput, { switch: "yes" })).toEqual({ switch: ["must be true or false"] });
    expect(refuse(TransitionInput, { version: 1 })).toEqual({ version: ["is not a known field"] });
  });
});

describe("DeleteScheduleQuery", () => {
  it("deleteTask=true|false, default false", () => {
    expect(accept(DeleteScheduleQuery, {})).toEqual({ deleteTask: false });
    expect(accept(DeleteScheduleQuery, { deleteTask: "true" })).toEqual({ deleteTask: true });
    expect(refuse(DeleteScheduleQuery, { deleteTask: "TRUE" })).toEqual({ deleteTask: ["must be one of true, false"] });
  });
});

describe("ScheduleView", () => {
  const view = {
    id: ID1,
    title: "Focus",
    description: "",
    startAt: "2026-03-01T00:00:00.000Z",
    plannedMinutes: 30,
    type: "DEEP_WORK",
    state: "PAUSED",
    taskId: ID2,
    elapsedSeconds: 61,
    sessionStartedAt: null,
    allowedActions: allowedActions("PAUSED"),
    version: 3,
    createdAt: "2026-03-01T00:00:00.000Z",
    updatedAt: "2026-03-01T00:00:00.000Z",
  };
  it("describes a schedule in answers", () => {
    expect(accept(ScheduleView, view)).toEqual(view);
    expect(accept(ScheduleList, { items: [view] })).toEqual({ items: [view] });
  });
  it("refuses a negative elapsed time or an unknown action", () => {
    expect(Object.keys(refuse(ScheduleView, { ...view, elapsedSeconds: -1, allowedActions: ["fly"] })).sort()).toEqual([
      "allowedActions.0",
      "elapsedSeconds",
    ]);
  });
});

describe("statistics", () => {
  it("WeekQuery: an optional day", () => {
    expect(accept(WeekQuery, {})).toEqual({});
    expect(accept(WeekQuery, { date: "2026-03-04" })).toEqual({ date: "2026-03-04" });
    expect(refuse(WeekQuery, { date: "2026-02-30" })).toEqual({ date: ["must be a date YYYY-MM-DD that exists"] });
  });
  it("WeekStatistics describes what the domain sums up", () => {
    const week = summarizeWeek(
      [{ day: "2026-03-03", type: "QUICK_TASK", seconds: 600, completedCount: 1 }],
      "2026-03-02",
      240,
    );
    expect(accept(WeekStatistics, week)).toEqual(week);
    expect(refuse(WeekStatistics, { ...week, days: week.days.slice(1) })).toHaveProperty("days");
    expect(Object.keys(refuse(WeekStatistics, { ...week, byType: { DEEP_WORK: 0 } })).sort()).toEqual([
      "byType.ADMIN_TASK",
      "byType.QUICK_TASK",
    ]);
  });
  it("has the type the domain returns", () => {
    type Declared = {
      weekStart: string;
      totalSeconds: number;
      byType: Record<"DEEP_WORK" | "QUICK_TASK" | "ADMIN_TASK", number>;
      days: {
        date: string;
        seconds: number;
        byType: Record<"DEEP_WORK" | "QUICK_TASK" | "ADMIN_TASK", number>;
        completedCount: number;
        goalSeconds: number;
      }[];
      completedCount: number;
    };
    const same: Equal<z.output<typeof WeekStatistics>, Declared> = true;
    const sameAsDomain: Equal<z.output<typeof WeekStatistics>, WeekSummary> = true;
    expect(same && sameAsDomain).toBe(true);
  });
});
