// The reminder payload's contract (lib/push/payload.ts): keys, topic, URL and the schema the lead codes against.
import webpush from "web-push";
import { describe, expect, it } from "vitest";
import {
  ReminderPayload,
  reminderKey,
  reminderPayload,
  reminderTopic,
  reminderUrl,
  snoozedReminderKey,
} from "@/lib/push/payload";

const ID = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e";
const START = new Date("2026-11-20T09:00:00.000Z");
const valid = (): ReminderPayload => reminderPayload({ id: ID, title: "Write the report", startAt: START });

describe("reminderKey", () => {
  it("is reminder:<scheduleId>:<start epoch seconds>", () => {
    expect(reminderKey(ID, START)).toBe(`reminder:${ID}:${START.getTime() / 1000}`);
    // milliseconds do not make another reminder of the same start
    expect(reminderKey(ID, new Date(START.getTime() + 999))).toBe(reminderKey(ID, START));
    expect(reminderKey(ID.toUpperCase(), START)).toBe(reminderKey(ID, START));
  });

  it("changes with the start, and a snooze gets a key of its own (else the service worker would show it silently)", () => {
    expect(reminderKey(ID, new Date(START.getTime() + 60_000))).not.toBe(reminderKey(ID, START));
    const snoozed = snoozedReminderKey(ID, START, new Date("2026-11-20T08:55:00Z"));
    expect(snoozed).toBe(`${reminderKey(ID, START)}:snooze:${Date.parse("2026-11-20T08:55:00Z") / 1000}`);
    expect(ReminderPayload.safeParse({ ...valid(), key: snoozed }).success).toBe(true);
  });

  it("leaves room for the service worker's Idempotency-Key <key>:start (at most 255 printable characters)", () => {
    const key = snoozedReminderKey(ID, new Date(8.64e15), new Date(8.64e15));
    expect(`${key}:snooze`.length).toBeLessThanOrEqual(255);
    expect(ReminderPayload.safeParse({ ...valid(), key }).success).toBe(true);
  });
});

describe("reminderTopic", () => {
  it("is the schedule id without dashes: 32 characters of the base64url alphabet (RFC 8030 §5.4)", () => {
    const topic = reminderTopic(ID);
    expect(topic).toBe(ID.replace(/-/g, ""));
    expect(topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // web-push refuses a topic that breaks the RFC: this one passes and is sent as the Topic header
    const details = webpush.generateRequestDetails(
      { endpoint: "https://push.example/x", keys: { p256dh: "", auth: "" } },
      null,
      { topic },
    );
    expect(details.headers.Topic).toBe(topic);
  });

  it("is left out for an id that does not fit", () => {
    expect(reminderTopic(`${ID}-x`)).toBeUndefined();
    expect(reminderTopic("not/url-safe")).toBeUndefined();
  });
});

describe("ReminderPayload", () => {
  it("accepts what reminderPayload builds, and the URL opens the schedule on Today", () => {
    const payload = valid();
    expect(payload).toEqual({
      key: reminderKey(ID, START),
      kind: "reminder",
      scheduleId: ID,
      title: "Write the report",
      startAt: "2026-11-20T09:00:00.000Z",
      url: `/today?schedule=${ID}`,
    });
    expect(reminderUrl(ID)).toBe(payload.url);
    expect(ReminderPayload.parse(payload)).toEqual(payload);
    expect(ReminderPayload.safeParse({ ...payload, startAt: "2026-11-20T18:00:00+09:00" }).success).toBe(true);
  });

  it.each([
    ["a key of another kind", { key: "event:1" }],
    ["a key with spaces", { key: "reminder:a b" }],
    ["a key too long", { key: `reminder:${"a".repeat(200)}` }],
    ["another kind", { kind: "digest" }],
    ["a schedule id that is not a UUID", { scheduleId: "42" }],
    ["an empty title", { title: "" }],
    ["a title over 40 characters", { title: "x".repeat(41) }],
    ["a start without offset", { startAt: "2026-11-20T09:00:00" }],
    ["a start that is not a date", { startAt: "soon" }],
    ["an absolute URL", { url: "https://evil.example/today" }],
    ["a protocol-relative URL", { url: "//evil.example/today" }],
    ["a backslash URL", { url: "/\\evil.example" }],
    ["a javascript: URL", { url: "javascript:alert(1)" }],
    ["an unknown field", { extra: 1 }],
  ])("refuses %s", (_label, change) => {
    expect(ReminderPayload.safeParse({ ...valid(), ...change }).success).toBe(false);
  });

  it("counts the title in characters, as the database does (40 emoji fit)", () => {
    expect(ReminderPayload.safeParse({ ...valid(), title: "🎯".repeat(40) }).success).toBe(true);
  });
});
