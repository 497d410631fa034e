// The outbox relay: events sent with the outbox id, a failing transport loses nothing, a repeat is harmless.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainOutbox, type OutboxMessage } from "@/lib/services/outbox/drain";
import { registerOutboxSender, relayNow } from "@/lib/services/outbox/relay";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { createTestMember } from "../support/fixtures";

/** a transport that records what it got and fails while `down` */
function stubTransport() {
  const received: OutboxMessage[] = [];
  const transport = {
    down: false,
    received,
    send: async (messages: readonly OutboxMessage[]) => {
      if (transport.down) throw new Error("connect ECONNREFUSED 127.0.0.1:8288");
      received.push(...messages);
    },
  };
  return transport;
}

// the sweep drains every member's rows: start each test from an empty outbox
beforeEach(async () => {
  await db().outboxEvent.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
});
afterEach(() => registerOutboxSender(undefined));

async function unsent(memberId: string) {
  return db().outboxEvent.findMany({ where: { memberId, sentAt: null }, orderBy: { sequence: "asc" } });
}

describe("outbox relay", () => {
  it("sends each committed event with its outbox id and payload of ids only, oldest first", async () => {
    const t = stubTransport();
    const m = await createTestMember();
    const s = await createSchedule(m.id, { title: "x", startAt: new Date(), type: "DEEP_WORK" });
    await transitionSchedule(m.id, s.id, "start");
    const rows = await unsent(m.id);
    expect(rows).toHaveLength(2);

    const result = await drainOutbox(t.send);
    expect(result).toMatchObject({ sent: 2, failed: 0 });
    expect(t.received).toEqual(
      rows.map((r) => ({
        id: r.id,
        type: r.type,
        occurredAt: r.occurredAt.toISOString(),
        memberId: m.id,
        scheduleId: s.id,
      })),
    );
    expect(await unsent(m.id)).toEqual([]);
  });

  it("a failing transport leaves the rows unsent with a back-off; the next sweep sends them all, once", async () => {
    const t = stubTransport();
    const m = await createTestMember();
    const s = await createSchedule(m.id, { title: "x", startAt: new Date(), type: "DEEP_WORK" });
    t.down = true;
    const now = new Date();
    expect(await drainOutbox(t.send, { now: () => now })).toMatchObject({ sent: 0, failed: 1 });
    const [row] = await unsent(m.id);
    expect(row).toMatchObject({ attempts: 1, lastError: "connect ECONNREFUSED 127.0.0.1:8288" });
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + 5_000);

    // more events arrive while the transport is down; a sweep before the back-off ends leaves the failed row alone
    await transitionSchedule(m.id, s.id, "start");
    t.down = false;
    await drainOutbox(t.send, { now: () => new Date(now.getTime() + 1_000) });
    expect(t.received.map((e) => e.type)).toEqual(["schedule.started"]);
    await drainOutbox(t.send, { now: () => new Date(now.getTime() + 6_000) });
    expect(t.received.map((e) => e.type).sort()).toEqual(["schedule.created", "schedule.started"]);
    expect(await unsent(m.id)).toEqual([]);
  });

  it("relays right after commit when a sender is registered, and a sweep after that sends nothing again", async () => {
    const t = stubTransport();
    registerOutboxSender(t.send);
    const m = await createTestMember();
    await createSchedule(m.id, { title: "x", startAt: new Date(), type: "DEEP_WORK" });
    await expect.poll(() => t.received.length).toBe(1);
    await expect.poll(async () => (await unsent(m.id)).length).toBe(0);
    expect((await drainOutbox(t.send)).sent).toBe(0);
  });

  it("a duplicate relay of the same row is harmless: same id, the row stays sent", async () => {
    const t = stubTransport();
    registerOutboxSender(t.send);
    const m = await createTestMember();
    await createSchedule(m.id, { title: "x", startAt: new Date(), type: "DEEP_WORK" });
    await expect.poll(async () => (await unsent(m.id)).length).toBe(0);
    const [row] = await db().outboxEvent.findMany({ where: { memberId: m.id } });
    const event = {
      id: row!.id,
      type: "schedule.created" as const,
      occurredAt: row!.occurredAt,
      memberId: m.id,
      scheduleId: row!.scheduleId!,
    };
    expect(await relayNow([event])).toBe(true);
    expect(t.received.map((e) => e.id)).toEqual([row!.id, row!.id]); // the consumer dedupes by this id
    const after = await db().outboxEvent.findUniqueOrThrow({ where: { id: row!.id } });
    expect(after.sentAt).toEqual(row!.sentAt);
  });

  it("concurrent sweeps never send one row twice", async () => {
    const t = stubTransport();
    const m = await createTestMember();
    for (let i = 0; i < 30; i++)
      await createSchedule(m.id, { title: `s${i}`, startAt: new Date(), type: "QUICK_TASK" });
    await Promise.all([
      drainOutbox(t.send, { batchSize: 7 }),
      drainOutbox(t.send, { batchSize: 7 }),
      drainOutbox(t.send, { batchSize: 7 }),
    ]);
    const ids = t.received.filter((e) => e.memberId === m.id).map((e) => e.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });
});
