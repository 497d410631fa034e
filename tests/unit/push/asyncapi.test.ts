// docs/asyncapi.yaml against the code it describes: every domain event, the payload's shape and the push message.
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/domain/events";
import { REMINDER_KEY_PATTERN, REMINDER_URL_PATTERN, ReminderPayload, reminderKey } from "@/lib/push/payload";
import { asyncApiDocument, resolve, type Json } from "../../support/asyncapi";

const doc = asyncApiDocument;

function allRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else allRefs(v, out);
    }
  }
  return out;
}

describe("docs/asyncapi.yaml", () => {
  it("is AsyncAPI 3 and every $ref resolves", () => {
    expect(doc.asyncapi).toBe("3.0.0");
    for (const ref of allRefs(doc)) expect(() => resolve({ $ref: ref }), ref).not.toThrow();
  });

  it("has a channel, an operation and a message for every event of domain.md, carrying only ids", () => {
    const channels = Object.values(doc.channels as Json) as Json[];
    const operations = Object.values(doc.operations as Json) as Json[];
    for (const type of EVENT_TYPES) {
      const matching = channels.filter((c) => c.address === type);
      expect(matching, type).toHaveLength(1);
      const channel = matching[0] as Json;
      expect(
        operations.filter((o) => resolve(o.channel) === channel && o.action === "send"),
        type,
      ).toHaveLength(1);
      const messages = Object.values(channel.messages as Json).map(resolve);
      expect(messages).toHaveLength(1);
      const message = messages[0] as Json;
      expect(message.name).toBe(type);
      expect(resolve(message.correlationId)).toMatchObject({ location: "$message.payload#/id" });
      const [base, narrowing] = (message.payload as Json).allOf as [Json, Json];
      expect(((narrowing.properties as Json).type as Json).const).toBe(type);
      const schema = resolve(base);
      const subjects: Record<string, string[]> = { schedule: ["scheduleId"], task: ["taskId"], goal: ["goalId"] };
      const subject = subjects[type.split(".")[0] as string] ?? [];
      expect(schema.required).toEqual(["id", "type", "occurredAt", "memberId", ...subject]);
      expect(Object.keys(schema.properties as Json)).toEqual(schema.required);
      expect(schema.additionalProperties).toBe(false);
      expect(((schema.properties as Json).type as Json).enum).toContain(type);
    }
    // and nothing else: one channel per event type, and the push
    expect(channels.map((c) => c.address).sort()).toEqual([...EVENT_TYPES, "{endpoint}"].sort());
    // AsyncAPI 3 identifiers: letters, digits, "_" and "-" (the dotted type is the address and the name)
    for (const section of [doc.channels, doc.operations, (doc.components as Json).messages]) {
      for (const id of Object.keys(section as Json)) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it("describes the reminder push as lib/push/payload.ts defines it", () => {
    const push = (doc.channels as Record<string, Json>).reminderPush as Json;
    const message = resolve((push.messages as Json).reminder);
    expect(resolve(message.correlationId)).toMatchObject({ location: "$message.payload#/key" });
    const schema = resolve(message.payload);
    const properties = schema.properties as Record<string, Json>;
    expect(schema.required).toEqual(Object.keys(ReminderPayload.shape));
    expect(properties.key?.pattern).toBe(REMINDER_KEY_PATTERN.source);
    expect(new RegExp(properties.url?.pattern as string).source).toBe(REMINDER_URL_PATTERN.source);
    for (const example of message.examples as { payload: Json }[]) {
      expect(ReminderPayload.parse(example.payload)).toEqual(example.payload);
      expect(example.payload.key).toBe(
        reminderKey(example.payload.scheduleId as string, new Date(example.payload.startAt as string)),
      );
    }
  });
});
