import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SLEEP_MS, reminderTime, reminderTtlSeconds, sleepSteps } from "@/lib/domain/reminders";

const at = (iso: string) => new Date(iso);

describe("reminderTime", () => {
  it("is the start minus the lead time", () => {
    expect(reminderTime(at("2026-11-25T10:00:00Z"), 10, at("2026-11-25T08:00:00Z"))).toEqual(
      at("2026-11-25T09:50:00Z"),
    );
    expect(reminderTime(at("2026-11-25T10:00:00Z"), 0, at("2026-11-25T08:00:00Z"))).toEqual(at("2026-11-25T10:00:00Z"));
  });
  it("fires at once when armed inside the lead time, and never for a start already gone", () => {
    const now = at("2026-11-25T09:55:00Z");
    expect(reminderTime(at("2026-11-25T10:00:00Z"), 10, now)).toEqual(now);
    expect(reminderTime(at("2026-11-25T09:55:00Z"), 10, now)).toBeNull();
    expect(reminderTime(at("2026-11-25T09:00:00Z"), 10, now)).toBeNull();
  });
  it("is never before now nor after the start (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), fc.integer({ min: 0, max: 120 }), (offsetMs, lead) => {
        const now = at("2026-11-25T00:00:00Z");
        const start = new Date(now.getTime() + offsetMs);
        const r = reminderTime(start, lead, now);
        if (offsetMs <= 0) return r === null;
        return r !== null && r >= now && r <= start && start.getTime() - r.getTime() <= lead * 60_000;
      }),
    );
  });
});

describe("sleepSteps", () => {
  it("cuts a 20-day wait into 6-day steps ending exactly at the target", () => {
    const from = at("2026-11-01T00:00:00Z");
    const until = at("2026-11-21T00:00:00Z");
    const steps = sleepSteps(from, until);
    expect(steps.map((d) => d.toISOString())).toEqual([
      "2026-11-07T00:00:00.000Z",
      "2026-11-13T00:00:00.000Z",
      "2026-11-19T00:00:00.000Z",
      "2026-11-21T00:00:00.000Z",
    ]);
  });
  it("has no step for a target already reached", () => {
    expect(sleepSteps(at("2026-11-01T00:00:00Z"), at("2026-11-01T00:00:00Z"))).toEqual([]);
  });
  it("never sleeps longer than the cap and always ends at the target (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 * 24 * 3600 * 1000 }), (ms) => {
        const from = at("2026-01-01T00:00:00Z");
        const until = new Date(from.getTime() + ms);
        const steps = sleepSteps(from, until);
        let prev = from.getTime();
        for (const s of steps) {
          if (s.getTime() - prev > MAX_SLEEP_MS || s.getTime() <= prev) return false;
          prev = s.getTime();
        }
        return prev === until.getTime();
      }),
    );
  });
});

describe("reminderTtlSeconds", () => {
  it("lasts until shortly after the start", () => {
    expect(reminderTtlSeconds(at("2026-11-25T10:00:00Z"), at("2026-11-25T09:50:00Z"))).toBe(600 + 900);
    expect(reminderTtlSeconds(at("2026-11-25T10:00:00Z"), at("2026-11-25T11:00:00Z"))).toBe(60);
  });
});
