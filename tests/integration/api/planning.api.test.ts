// Schedules' planned minutes and the member's working hours through the real route handlers (planning.md
// "Schedules get a planned length", "Working hours").
import { afterAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import { MemberView } from "@/lib/contracts/member";
import { ScheduleView } from "@/lib/contracts/schedule";
import { db } from "@/lib/db/client";
import { DEFAULT_WORKING_HOURS } from "@/lib/domain/goals/working-hours";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import {
  act,
  client,
  forgetMembers,
  getSchedule,
  invalid,
  newSchedule,
  newTask,
  ok,
  refused,
  testMember,
  routeCaller,
} from "./client";

afterAll(forgetMembers);

async function signedIn() {
  const member = await testMember();
  const callMe = routeCaller({ "/me": meRoute }, member);
  const me = (method: "GET" | "PATCH", body?: unknown) => callMe(method, "/me", { body });
  return { member, api: client(member), me };
}

describe("plannedMinutes", () => {
  it("is given, else the linked task's expected minutes (clamped to 5–720), else its estimate, else 30", async () => {
    const { api } = await signedIn();
    expect((await newSchedule(api)).plannedMinutes).toBe(30);
    expect((await newSchedule(api, { plannedMinutes: 45 })).plannedMinutes).toBe(45);
    expect((await newSchedule(api, { taskId: (await newTask(api, { expectedMinutes: 90 })).id })).plannedMinutes).toBe(
      90,
    );
    expect(
      (await newSchedule(api, { taskId: (await newTask(api, { expectedMinutes: 1000 })).id })).plannedMinutes,
    ).toBe(720);
    expect((await newSchedule(api, { taskId: (await newTask(api, { expectedMinutes: 2 })).id })).plannedMinutes).toBe(
      5,
    );
    expect((await newSchedule(api, { taskId: (await newTask(api, { difficulty: 8 })).id })).plannedMinutes).toBe(150);
    const viaTask = await newTask(api, { difficulty: 13 });
    const scheduled = ok(
      await api.post("/tasks/{id}/schedule", {
        params: { id: viaTask.id },
        body: { startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK" },
      }),
      201,
      ScheduleView,
    );
    expect(scheduled.plannedMinutes).toBe(240);
    const given = await newTask(api);
    const withGiven = ok(
      await api.post("/tasks/{id}/schedule", {
        params: { id: given.id },
        body: { startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK", plannedMinutes: 5 },
      }),
      201,
      ScheduleView,
    );
    expect(withGiven.plannedMinutes).toBe(5);
    invalid(
      await api.post("/schedules", {
        body: { title: "x", startAt: "2026-11-20T09:00:00Z", type: "DEEP_WORK", plannedMinutes: 721 },
      }),
      "plannedMinutes",
    );
  });

  it("learns the estimate from the member's completed tasks once there are three of a difficulty", async () => {
    const { member, api } = await signedIn();
    const t0 = Date.now() - 10 * 3600_000;
    for (const [i, minutes] of [10, 12, 50].entries()) {
      const task = await newTask(api, { difficulty: 2 });
      const s = await newSchedule(api, { taskId: task.id });
      const start = new Date(t0 + i * 3600_000);
      await transitionSchedule(member.id, s.id, "start", { now: start });
      await transitionSchedule(member.id, s.id, "complete", { now: new Date(start.getTime() + minutes * 60_000) });
    }
    // the median of 10, 12 and 50
    expect((await newSchedule(api, { taskId: (await newTask(api, { difficulty: 2 })).id })).plannedMinutes).toBe(12);
    // another difficulty keeps its default
    expect((await newSchedule(api, { taskId: (await newTask(api, { difficulty: 1 })).id })).plannedMinutes).toBe(15);
  });

  it("is editable while NOT_STARTED only", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    const edited = ok(
      await api.patch("/schedules/{id}", { params: { id: s.id }, body: { plannedMinutes: 120, version: 1 } }),
      200,
      ScheduleView,
    );
    expect(edited).toMatchObject({ plannedMinutes: 120, version: 2 });
    invalid(
      await api.patch("/schedules/{id}", { params: { id: s.id }, body: { plannedMinutes: 4 } }),
      "plannedMinutes",
    );
    await act(api, s.id, "start");
    refused(
      await api.patch("/schedules/{id}", { params: { id: s.id }, body: { plannedMinutes: 60 } }),
      409,
      "ILLEGAL_TRANSITION",
    );
    expect((await getSchedule(api, s.id)).plannedMinutes).toBe(120);
  });

  it("the database refuses a length outside 5–720 whatever the code does", async () => {
    const { api } = await signedIn();
    const s = await newSchedule(api);
    await expect(
      db().$executeRaw`UPDATE schedules SET "plannedMinutes" = 4 WHERE id = ${s.id}::uuid`,
    ).rejects.toThrow();
    await expect(
      db().$executeRaw`UPDATE schedules SET "plannedMinutes" = 721 WHERE id = ${s.id}::uuid`,
    ).rejects.toThrow();
  });
});

describe("working hours and buffer on /me", () => {
  it("default to Monday–Friday 09:00–18:00 and a 10-minute buffer", async () => {
    const { me } = await signedIn();
    expect(ok(await me("GET"), 200, MemberView)).toMatchObject({
      workingHours: DEFAULT_WORKING_HOURS,
      bufferMinutes: 10,
    });
  });

  it("a PATCH replaces the whole week; the buffer is 0–60", async () => {
    const { me } = await signedIn();
    const week = {
      "1": [
        { start: "08:00", end: "12:00" },
        { start: "13:00", end: "17:30" },
      ],
      "2": [],
      "3": [{ start: "20:00", end: "24:00" }],
      "4": [],
      "5": [],
      "6": [{ start: "10:00", end: "11:00" }],
      "7": [],
    };
    expect(ok(await me("PATCH", { workingHours: week, bufferMinutes: 0 }), 200, MemberView)).toMatchObject({
      workingHours: week,
      bufferMinutes: 0,
    });
    expect(ok(await me("GET"), 200, MemberView)).toMatchObject({ workingHours: week, bufferMinutes: 0 });
    // a change of something else keeps the week
    expect(ok(await me("PATCH", { bufferMinutes: 60 }), 200, MemberView)).toMatchObject({
      workingHours: week,
      bufferMinutes: 60,
    });
  });

  it("refuses overlaps, an end not after its start, a missing day and a buffer out of range, and changes nothing", async () => {
    const { member, me } = await signedIn();
    const before = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    const overlapping = {
      ...DEFAULT_WORKING_HOURS,
      "2": [
        { start: "09:00", end: "12:00" },
        { start: "11:00", end: "13:00" },
      ],
    };
    invalid(await me("PATCH", { workingHours: overlapping }), "workingHours.2.1");
    invalid(
      await me("PATCH", { workingHours: { ...DEFAULT_WORKING_HOURS, "3": [{ start: "18:00", end: "09:00" }] } }),
      "workingHours.3.0.end",
    );
    const sixDays: Partial<typeof DEFAULT_WORKING_HOURS> = { ...DEFAULT_WORKING_HOURS };
    delete sixDays["7"];
    invalid(await me("PATCH", { workingHours: sixDays }), "workingHours.7");
    invalid(await me("PATCH", { bufferMinutes: 61 }), "bufferMinutes");
    invalid(await me("PATCH", { bufferMinutes: -1 }), "bufferMinutes");
    expect(await db().member.findUniqueOrThrow({ where: { id: member.id } })).toEqual(before);
  });
});
