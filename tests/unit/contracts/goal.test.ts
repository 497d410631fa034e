// The goal contracts, working hours and planned minutes at their edges (planning.md "Shapes and fine points").
import { describe, expect, it } from "vitest";
import { AcceptTasksInput, CreateGoalInput, GoalView, UpdateGoalInput } from "@/lib/contracts/goal";
import { UpdateMemberInput, WorkingHours } from "@/lib/contracts/member";
import { CreateScheduleInput } from "@/lib/contracts/schedule";
import { DEFAULT_WORKING_HOURS } from "@/lib/domain/goals/working-hours";
import { ID1, ID2, accept, refuse } from "./helpers";

const accepted = { ref: "a", title: "Read", difficulty: 3, importance: 5, deadline: "2099-01-01" };

describe("goals", () => {
  it("CreateGoalInput: title trimmed 1–60, description 0–1000, targetDate a date or null", () => {
    expect(accept(CreateGoalInput, { title: "  Learn Go  " })).toEqual({
      title: "Learn Go",
      description: "",
      targetDate: null,
    });
    expect(
      accept(CreateGoalInput, { title: "t".repeat(60), description: "d".repeat(1000), targetDate: "2027-03-01" })
        .targetDate,
    ).toBe("2027-03-01");
    expect(
      refuse(CreateGoalInput, { title: "t".repeat(61), description: "d".repeat(1001), targetDate: "2027-02-30" }),
    ).toEqual({
      title: ["must be at most 60 characters"],
      description: ["must be at most 1000 characters"],
      targetDate: ["must be a date YYYY-MM-DD that exists"],
    });
    expect(refuse(CreateGoalInput, { title: "   " })).toEqual({ title: ["must not be blank"] });
  });

  it("UpdateGoalInput: any field, a status of three, a version", () => {
    expect(accept(UpdateGoalInput, { status: "ACHIEVED", targetDate: null, version: 2 })).toEqual({
      status: "ACHIEVED",
      targetDate: null,
      version: 2,
    });
    expect(refuse(UpdateGoalInput, { status: "DONE" })).toEqual({
      status: ["must be one of ACTIVE, ACHIEVED, ARCHIVED"],
    });
  });

  it("AcceptTasksInput: refs unique, not after themselves, defaults filled in", () => {
    expect(accept(AcceptTasksInput, { tasks: [accepted] })).toEqual({
      tasks: [{ ...accepted, description: "", expectedMinutes: null, after: [] }],
    });
    expect(
      refuse(AcceptTasksInput, {
        tasks: [accepted, { ...accepted, after: ["a", "a"] }, { ...accepted, ref: "b", after: ["b"] }],
      }),
    ).toEqual({
      "tasks.1.ref": ["is used by an earlier task"],
      "tasks.1.after": ["must not name the task itself"],
      "tasks.2.after": ["must not name the task itself"],
    });
    expect(refuse(AcceptTasksInput, { tasks: [] })).toEqual({ tasks: ["must name at least one task"] });
    expect(refuse(AcceptTasksInput, { tasks: [{ ...accepted, ref: "has space", difficulty: 4 }] })).toEqual({
      "tasks.0.ref": ["must be printable ASCII without spaces"],
      "tasks.0.difficulty": ["must be one of 1, 2, 3, 5, 8, 13, 21"],
    });
  });

  it("GoalView describes a goal with its progress", () => {
    const view = {
      id: ID1,
      title: "g",
      description: "",
      targetDate: null,
      status: "ACTIVE",
      version: 1,
      createdAt: "2026-12-07T00:00:00.000Z",
      updatedAt: "2026-12-07T00:00:00.000Z",
      progress: {
        tasks: 1,
        completedTasks: 0,
        spentSeconds: 0,
        remainingMinutes: 45,
        nextTaskIds: [ID2],
        criticalPathMinutes: 45,
        projectedFinishDate: "2026-12-07",
        onTrack: null,
      },
    };
    expect(accept(GoalView, view)).toEqual(view);
  });
});

describe("working hours", () => {
  it("takes the default week, empty days and 24:00 as an end", () => {
    expect(accept(WorkingHours, DEFAULT_WORKING_HOURS)).toEqual(DEFAULT_WORKING_HOURS);
    const nights = {
      ...DEFAULT_WORKING_HOURS,
      "6": [
        { start: "20:00", end: "24:00" },
        { start: "08:00", end: "12:00" },
      ],
    };
    expect(accept(WorkingHours, nights)).toEqual(nights);
  });

  it("needs every day (a PATCH replaces the whole week) and knows no other key", () => {
    const sixDays: Partial<typeof DEFAULT_WORKING_HOURS> = { ...DEFAULT_WORKING_HOURS };
    delete sixDays["7"];
    expect(refuse(WorkingHours, sixDays)).toEqual({ "7": ["is required"] });
    expect(refuse(WorkingHours, { ...DEFAULT_WORKING_HOURS, "8": [] })).toEqual({ "8": ["is not a known field"] });
  });

  it("refuses an end not after its start, bad times and overlaps within a day", () => {
    const week = (day: { start: string; end: string }[]) => ({ ...DEFAULT_WORKING_HOURS, "1": day });
    expect(refuse(WorkingHours, week([{ start: "10:00", end: "10:00" }]))).toEqual({
      "1.0.end": ["must be after start"],
    });
    expect(refuse(WorkingHours, week([{ start: "24:00", end: "24:00" }]))).toEqual({
      "1.0.start": ["must be a time HH:MM from 00:00 to 23:59"],
    });
    expect(refuse(WorkingHours, week([{ start: "9:00", end: "25:00" }]))).toEqual({
      "1.0.start": ["must be a time HH:MM from 00:00 to 23:59"],
      "1.0.end": ["must be a time HH:MM from 00:01 to 24:00"],
    });
    expect(
      refuse(
        WorkingHours,
        week([
          { start: "09:00", end: "13:00" },
          { start: "12:00", end: "18:00" },
        ]),
      ),
    ).toEqual({
      "1.1": ["must not overlap another interval of the day"],
    });
    expect(
      accept(
        WorkingHours,
        week([
          { start: "09:00", end: "12:00" },
          { start: "12:00", end: "18:00" },
        ]),
      ),
    ).toBeTruthy();
  });

  it("bufferMinutes 0–60 on PATCH /me", () => {
    expect(accept(UpdateMemberInput, { bufferMinutes: 0 })).toEqual({ bufferMinutes: 0 });
    expect(accept(UpdateMemberInput, { bufferMinutes: 60 })).toEqual({ bufferMinutes: 60 });
    expect(refuse(UpdateMemberInput, { bufferMinutes: 61 })).toEqual({ bufferMinutes: ["must be at most 60"] });
  });
});

describe("planned minutes", () => {
  it("5–720 when given, absent otherwise", () => {
    const valid = { title: "Focus", startAt: "2026-03-01T09:00:00+09:00", type: "DEEP_WORK" };
    expect(accept(CreateScheduleInput, valid).plannedMinutes).toBeUndefined();
    expect(accept(CreateScheduleInput, { ...valid, plannedMinutes: 5 }).plannedMinutes).toBe(5);
    expect(accept(CreateScheduleInput, { ...valid, plannedMinutes: 720 }).plannedMinutes).toBe(720);
    expect(refuse(CreateScheduleInput, { ...valid, plannedMinutes: 4 })).toEqual({
      plannedMinutes: ["must be at least 5"],
    });
    expect(refuse(CreateScheduleInput, { ...valid, plannedMinutes: 721 })).toEqual({
      plannedMinutes: ["must be at most 720"],
    });
  });
});
