import { describe, expect, it } from "vitest";
import {
  CreateTaskInput,
  DeleteTaskQuery,
  ListTasksQuery,
  ScheduleTaskInput,
  TaskPage,
  TaskView,
  UpdateTaskInput,
} from "@/lib/contracts/task";
import { MAX_DEPENDENCY_IDS } from "@/lib/domain/limits";
import { ID1, ID2, ID3, accept, refuse } from "./helpers";

const valid = { title: "Write the report", deadline: "2026-03-01", importance: 5, difficulty: 3 };

describe("CreateTaskInput", () => {
  it("takes the required fields and fills in the rest", () => {
    expect(accept(CreateTaskInput, valid)).toEqual({
      ...valid,
      description: "",
      expectedMinutes: null,
      previousTaskIds: [],
      nextTaskIds: [],
      goalId: null,
    });
  });

  it("takes every field", () => {
    const all = {
      ...valid,
      description: "d",
      expectedMinutes: 90,
      previousTaskIds: [ID1],
      nextTaskIds: [ID2],
      goalId: ID3,
    };
    expect(accept(CreateTaskInput, all)).toEqual(all);
  });

  it("lists every missing field at once", () => {
    expect(refuse(CreateTaskInput, {})).toEqual({
      title: ["is required"],
      deadline: ["is required"],
      importance: ["is required"],
      difficulty: ["is required"],
    });
  });

  it("title: trimmed, 1–40 characters", () => {
    expect(accept(CreateTaskInput, { ...valid, title: "  x  " }).title).toBe("x");
    expect(accept(CreateTaskInput, { ...valid, title: "t".repeat(40) }).title).toHaveLength(40);
    expect(refuse(CreateTaskInput, { ...valid, title: "t".repeat(41) })).toEqual({
      title: ["must be at most 40 characters"],
    });
    expect(refuse(CreateTaskInput, { ...valid, title: "   " })).toEqual({ title: ["must not be blank"] });
  });

  it("description: at most 500 characters", () => {
    expect(accept(CreateTaskInput, { ...valid, description: "d".repeat(500) }).description).toHaveLength(500);
    expect(refuse(CreateTaskInput, { ...valid, description: "d".repeat(501) })).toEqual({
      description: ["must be at most 500 characters"],
    });
  });

  it("deadline: a day that exists", () => {
    expect(refuse(CreateTaskInput, { ...valid, deadline: "2026-02-30" })).toEqual({
      deadline: ["must be a date YYYY-MM-DD that exists"],
    });
    expect(refuse(CreateTaskInput, { ...valid, deadline: "2026-03-01T00:00:00Z" })).toEqual({
      deadline: ["must be a date YYYY-MM-DD that exists"],
    });
  });

  it.each([
    [0, "must be at least 1"],
    [10, "must be at most 9"],
    [5.5, "must be a whole number"],
    ["5", "must be a whole number"],
  ])("importance %j is refused: %s", (importance, reason) => {
    expect(refuse(CreateTaskInput, { ...valid, importance })).toEqual({ importance: [reason] });
  });

  it.each([1, 9])("importance %i is taken", (importance) => {
    expect(accept(CreateTaskInput, { ...valid, importance }).importance).toBe(importance);
  });

  it.each([1, 2, 3, 5, 8, 13, 21])("difficulty %i is taken", (difficulty) => {
    expect(accept(CreateTaskInput, { ...valid, difficulty }).difficulty).toBe(difficulty);
  });

  it.each([0, 4, 22, "3", null])("difficulty %j is refused", (difficulty) => {
    expect(refuse(CreateTaskInput, { ...valid, difficulty })).toEqual({
      difficulty: ["must be one of 1, 2, 3, 5, 8, 13, 21"],
    });
  });

  it("expectedMinutes: 1–1440 or null", () => {
    expect(accept(CreateTaskInput, { ...valid, expectedMinutes: 1 }).expectedMinutes).toBe(1);
    expect(accept(CreateTaskInput, { ...valid, expectedMinutes: 1440 }).expectedMinutes).toBe(1440);
    expect(accept(CreateTaskInput, { ...valid, expectedMinutes: null }).expectedMinutes).toBeNull();
    expect(refuse(CreateTaskInput, { ...valid, expectedMinutes: 0 })).toEqual({
      expectedMinutes: ["must be at least 1"],
    });
    expect(refuse(CreateTaskInput, { ...valid, expectedMinutes: 1441 })).toEqual({
      expectedMinutes: ["must be at most 1440"],
    });
  });

  it("dependency ids: UUIDs, each once, at most MAX_DEPENDENCY_IDS", () => {
    expect(accept(CreateTaskInput, { ...valid, previousTaskIds: [ID1, ID1, ID2] }).previousTaskIds).toEqual([ID1, ID2]);
    expect(refuse(CreateTaskInput, { ...valid, previousTaskIds: [ID1, "nope"] })).toEqual({
      "previousTaskIds.1": ["must be a UUID"],
    });
    expect(refuse(CreateTaskInput, { ...valid, nextTaskIds: ID1 })).toEqual({
      nextTaskIds: ["must be a list of task ids"],
    });
    const many = Array.from(
      { length: MAX_DEPENDENCY_IDS + 1 },
      (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`,
    );
    expect(refuse(CreateTaskInput, { ...valid, nextTaskIds: many })).toEqual({
      nextTaskIds: ["must name at most 50 tasks"],
    });
    expect(accept(CreateTaskInput, { ...valid, nextTaskIds: many.slice(1) }).nextTaskIds).toHaveLength(
      MAX_DEPENDENCY_IDS,
    );
  });

  it("refuses unknown fields, each by name", () => {
    expect(refuse(CreateTaskInput, { ...valid, completed: true, memberId: ID1 })).toEqual({
      completed: ["is not a known field"],
      memberId: ["is not a known field"],
    });
  });

  it("refuses what is not an object", () => {
    for (const value of [null, [], "task", 1])
      expect(refuse(CreateTaskInput, value)).toEqual({ _: ["must be a JSON object"] });
  });
});

describe("UpdateTaskInput", () => {
  it("takes nothing (no change) or any field", () => {
    expect(accept(UpdateTaskInput, {})).toEqual({});
    expect(accept(UpdateTaskInput, { title: " New ", version: 3 })).toEqual({ title: "New", version: 3 });
    expect(accept(UpdateTaskInput, { expectedMinutes: null })).toEqual({ expectedMinutes: null });
    expect(accept(UpdateTaskInput, { addPreviousTaskIds: [ID1], removePreviousTaskIds: [ID2] })).toEqual({
      addPreviousTaskIds: [ID1],
      removePreviousTaskIds: [ID2],
    });
    expect(accept(UpdateTaskInput, { previousTaskIds: [], nextTaskIds: [ID3] })).toEqual({
      previousTaskIds: [],
      nextTaskIds: [ID3],
    });
  });

  it("applies the same limits as creation", () => {
    expect(
      refuse(UpdateTaskInput, {
        title: "",
        importance: 10,
        difficulty: 4,
        expectedMinutes: 1441,
        deadline: "2026-02-30",
      }),
    ).toEqual({
      title: ["must not be blank"],
      importance: ["must be at most 9"],
      difficulty: ["must be one of 1, 2, 3, 5, 8, 13, 21"],
      expectedMinutes: ["must be at most 1440"],
      deadline: ["must be a date YYYY-MM-DD that exists"],
    });
  });

  it("version: a whole number ≥ 1", () => {
    expect(refuse(UpdateTaskInput, { version: 0 })).toEqual({ version: ["must be at least 1"] });
    expect(refuse(UpdateTaskInput, { version: "1" })).toEqual({ version: ["must be a whole number"] });
    expect(refuse(UpdateTaskInput, { version: 2 ** 31 })).toEqual({ version: ["must be at most 2147483647"] });
  });

  it("does not mix replacing and editing the prerequisites", () => {
    expect(refuse(UpdateTaskInput, { previousTaskIds: [ID1], addPreviousTaskIds: [ID2] })).toEqual({
      previousTaskIds: ["replaces the whole list: send it without addPreviousTaskIds and removePreviousTaskIds"],
    });
    expect(refuse(UpdateTaskInput, { addPreviousTaskIds: [ID1], removePreviousTaskIds: [ID1] })).toEqual({
      removePreviousTaskIds: ["must not name a task that addPreviousTaskIds adds"],
    });
  });

  it("refuses fields that are not editable", () => {
    expect(refuse(UpdateTaskInput, { completed: true, id: ID1 })).toEqual({
      completed: ["is not a known field"],
      id: ["is not a known field"],
    });
  });
});

describe("ListTasksQuery", () => {
  it("defaults to the open tasks, 20 at a time", () => {
    expect(accept(ListTasksQuery, {})).toEqual({ status: "open", limit: 20 });
  });
  it("takes status, cursor and limit from the query string", () => {
    expect(accept(ListTasksQuery, { status: "archived", cursor: "abc", limit: "100" })).toEqual({
      status: "archived",
      cursor: "abc",
      limit: 100,
    });
  });
  it("refuses limit 0 and 101 and an unknown status", () => {
    expect(refuse(ListTasksQuery, { limit: "0" })).toEqual({ limit: ["must be at least 1"] });
    expect(refuse(ListTasksQuery, { limit: "101" })).toEqual({ limit: ["must be at most 100"] });
    expect(refuse(ListTasksQuery, { status: "done" })).toEqual({
      status: ["must be one of open, completed, archived"],
    });
  });
  it("ignores unknown query keys", () => {
    expect(accept(ListTasksQuery, { _: "123" })).toEqual({ status: "open", limit: 20 });
  });
});

describe("DeleteTaskQuery", () => {
  it("deleteSchedule=true|false, default false; version optional", () => {
    expect(accept(DeleteTaskQuery, {})).toEqual({ deleteSchedule: false });
    expect(accept(DeleteTaskQuery, { deleteSchedule: "true", version: "2" })).toEqual({
      deleteSchedule: true,
      version: 2,
    });
    expect(refuse(DeleteTaskQuery, { deleteSchedule: "yes" })).toEqual({
      deleteSchedule: ["must be one of true, false"],
    });
  });
});

describe("ScheduleTaskInput", () => {
  it("takes startAt with an offset and a type", () => {
    expect(accept(ScheduleTaskInput, { startAt: "2026-03-01T09:00:00+09:00", type: "DEEP_WORK" })).toEqual({
      startAt: new Date("2026-03-01T00:00:00Z"),
      type: "DEEP_WORK",
    });
  });
  it("refuses startAt without an offset and an unknown type", () => {
    const errors = refuse(ScheduleTaskInput, { startAt: "2026-03-01T09:00:00", type: "NAP" });
    expect(Object.keys(errors).sort()).toEqual(["startAt", "type"]);
  });
});

describe("TaskView", () => {
  const view = {
    id: ID1,
    title: "t",
    description: "",
    deadline: "2026-03-01",
    importance: 5,
    difficulty: 3,
    expectedMinutes: null,
    completed: false,
    previousTaskIds: [ID2],
    nextTaskIds: [],
    scheduleId: null,
    goalId: null,
    version: 1,
    createdAt: "2026-03-01T00:00:00.000Z",
    updatedAt: "2026-03-01T00:00:00.000Z",
  };
  it("describes a task in answers", () => {
    expect(accept(TaskView, view)).toEqual(view);
    expect(accept(TaskPage, { items: [view], nextCursor: null })).toEqual({ items: [view], nextCursor: null });
  });
  it("catches a leaked field or a missing one", () => {
    expect(refuse(TaskView, { ...view, memberId: ID1 })).toEqual({ memberId: ["is not a known field"] });
    const withoutVersion: Partial<typeof view> = { ...view };
    delete withoutVersion.version;
    expect(Object.keys(refuse(TaskView, withoutVersion))).toEqual(["version"]);
  });
});
