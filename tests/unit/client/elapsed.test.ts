// The mini player's clock: derived from the server's figures, so a reload, a second tab or a phone waking
// from sleep shows the same time; never from counted ticks.
import { describe, expect, it } from "vitest";
import {
  clockOffsetMs,
  formatElapsed,
  liveElapsedSeconds,
  predictTransition,
  type TrackedSchedule,
} from "@/lib/client/elapsed";
import { instantOfWallTime, moveToDate, wallTimeOf } from "@/lib/domain/time";

const T0 = Date.parse("2026-11-25T09:00:00.000Z");

function schedule(overrides: Partial<TrackedSchedule> = {}): TrackedSchedule {
  return {
    id: "s1",
    title: "Write",
    description: "",
    startAt: "2026-11-25T09:00:00.000Z",
    plannedMinutes: 30,
    type: "DEEP_WORK",
    state: "NOT_STARTED",
    taskId: null,
    elapsedSeconds: 0,
    sessionStartedAt: null,
    allowedActions: ["start", "complete"],
    version: 1,
    createdAt: "2026-11-25T08:00:00.000Z",
    updatedAt: "2026-11-25T08:00:00.000Z",
    answeredAtMs: T0,
    ...overrides,
  };
}

describe("liveElapsedSeconds", () => {
  it("is the server's figure while no session is open", () => {
    const paused = schedule({ state: "PAUSED", elapsedSeconds: 125 });
    expect(liveElapsedSeconds(paused, T0 + 3_600_000)).toBe(125);
  });

  it("adds the open session up to now to the closed sessions", () => {
    // 100 s in earlier sessions; the open one started 20 s before the answer (so the server said 120)
    const running = schedule({
      state: "IN_PROGRESS",
      elapsedSeconds: 120,
      sessionStartedAt: new Date(T0 - 20_000).toISOString(),
      answeredAtMs: T0,
    });
    expect(liveElapsedSeconds(running, T0)).toBe(120);
    expect(liveElapsedSeconds(running, T0 + 1_000)).toBe(121);
    expect(liveElapsedSeconds(running, T0 + 59_999)).toBe(179);
  });

  it("is right after a long gap without ticks (a phone that slept), with no tick counted", () => {
    const running = schedule({ state: "IN_PROGRESS", elapsedSeconds: 0, sessionStartedAt: new Date(T0).toISOString() });
    expect(liveElapsedSeconds(running, T0 + 2 * 3_600_000 + 5_000)).toBe(7205);
  });

  it("gives the same figure for two answers of the same session (a reload, a second tab)", () => {
    const started = new Date(T0).toISOString();
    const first = schedule({
      state: "IN_PROGRESS",
      elapsedSeconds: 30,
      sessionStartedAt: started,
      answeredAtMs: T0 + 30_000,
    });
    const later = schedule({
      state: "IN_PROGRESS",
      elapsedSeconds: 95,
      sessionStartedAt: started,
      answeredAtMs: T0 + 95_400,
    });
    expect(liveElapsedSeconds(first, T0 + 200_000)).toBe(liveElapsedSeconds(later, T0 + 200_000));
  });

  it("never goes below the closed sessions when the clocks disagree", () => {
    const running = schedule({
      state: "IN_PROGRESS",
      elapsedSeconds: 50,
      sessionStartedAt: new Date(T0).toISOString(),
      answeredAtMs: T0,
    });
    expect(liveElapsedSeconds(running, T0 - 10_000)).toBe(50);
  });
});

describe("clockOffsetMs", () => {
  it("is the server clock minus the browser clock", () => {
    expect(clockOffsetMs("2026-11-25T09:00:10.000Z", T0)).toBe(10_000);
    expect(clockOffsetMs("not a time", T0)).toBe(0);
  });
});

describe("formatElapsed", () => {
  it("shows minutes and seconds, and hours once there are any", () => {
    expect(formatElapsed(0)).toBe("00:00");
    expect(formatElapsed(75)).toBe("01:15");
    expect(formatElapsed(3725)).toBe("1:02:05");
    expect(formatElapsed(-3)).toBe("00:00");
  });
});

describe("predictTransition (the optimistic update)", () => {
  it("start opens a session now; pause freezes the time; resume continues it", () => {
    const started = predictTransition(schedule(), "start", T0);
    expect(started).toMatchObject({
      state: "IN_PROGRESS",
      sessionStartedAt: new Date(T0).toISOString(),
      allowedActions: ["pause", "complete", "stop"],
    });
    const paused = predictTransition(started, "pause", T0 + 42_000);
    expect(paused).toMatchObject({ state: "PAUSED", elapsedSeconds: 42, sessionStartedAt: null });
    const resumed = predictTransition(paused, "resume", T0 + 100_000);
    expect(liveElapsedSeconds(resumed, T0 + 103_000)).toBe(45);
  });

  it("stop discards the time; an action the table refuses changes nothing", () => {
    const running = predictTransition(schedule(), "start", T0);
    expect(predictTransition(running, "stop", T0 + 90_000)).toMatchObject({ state: "NOT_STARTED", elapsedSeconds: 0 });
    expect(predictTransition(running, "resume", T0 + 1_000)).toBe(running);
  });
});

describe("wall times in the member's zone", () => {
  it("reads a wall time in a zone that is not the browser's", () => {
    expect(instantOfWallTime("2026-11-25", "09:30", "Asia/Seoul").toISOString()).toBe("2026-11-25T00:30:00.000Z");
    expect(instantOfWallTime("2026-07-01", "09:30", "Europe/Paris").toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(wallTimeOf(new Date("2026-11-25T00:30:00.000Z"), "Asia/Seoul")).toBe("09:30");
  });

  it("a time the clocks skip lands just after the gap; a repeated one on its first showing", () => {
    // Paris springs forward on 2026-03-29 from 02:00 to 03:00 and falls back on 2026-10-25 from 03:00 to 02:00
    expect(instantOfWallTime("2026-03-29", "02:30", "Europe/Paris").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOfWallTime("2026-10-25", "02:30", "Europe/Paris").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("moving to another day keeps the time of day across a DST change", () => {
    const before = instantOfWallTime("2026-03-28", "10:00", "Europe/Paris");
    expect(moveToDate(before, "2026-03-30", "Europe/Paris").toISOString()).toBe("2026-03-30T08:00:00.000Z");
  });
});
