// The outbox's AMQP channel against the real RabbitMQ: every event arrives on the exchange with the outbox id as
// message-id, a broker that is down or restarts in the middle loses none (duplicates allowed, and counted), two
// replicas never publish one row twice in a sweep, and the Inngest channel never waits for the broker.
// Skipped, with the reason printed, only where no broker can be reached.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { amqpPublish } from "@/inngest/functions/amqp-publish";
import { db } from "@/lib/db/client";
import { AmqpPublisher, closeAmqpPublisher, publishOutboxToAmqp } from "@/lib/services/outbox/amqp";
import { drainOutbox, type OutboxMessage } from "@/lib/services/outbox/drain";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import {
  bindQueue,
  brokerUnreachable,
  brokerUrl,
  restartUnavailable,
  setMemoryAlarm,
  startBroker,
  stopBroker,
  testExchange,
  type Delivery,
} from "../support/amqp-broker";
import { createTestMember, outboxOf } from "../support/fixtures";

const unreachable = await brokerUnreachable();
if (unreachable) console.warn(`SKIPPED tests/integration/amqp.test.ts: ${unreachable}`);
const noRestart = unreachable ? "no broker" : await restartUnavailable();
if (!unreachable && noRestart)
  console.warn(`SKIPPED the broker-restart test of tests/integration/amqp.test.ts: ${noRestart}`);

const DOWN_URL = "amqp://guest:guest@127.0.0.1:1"; // nothing listens there: connection refused

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  delete process.env.AMQP_URL;
  delete process.env.AMQP_EXCHANGE;
  await closeAmqpPublisher();
});

// every test counts the AMQP channel from an empty outbox: rows of other tests count as confirmed
beforeEach(async () => {
  await db().outboxEvent.updateMany({ where: { amqpSentAt: null }, data: { amqpSentAt: new Date() } });
});

async function setUp(label: string) {
  const exchange = testExchange(label);
  const consumer = await bindQueue(exchange);
  const publisher = new AmqpPublisher({ url: brokerUrl, exchange });
  cleanups.push(
    () => consumer.remove(),
    () => publisher.close(),
  );
  return { exchange, consumer, publisher };
}

/** a few real transitions of one schedule: 5 events */
async function driveTransitions(memberId: string) {
  const s = await createSchedule(memberId, { title: "Write the intro", startAt: new Date(), type: "DEEP_WORK" });
  for (const action of ["start", "pause", "resume", "complete"] as const)
    await transitionSchedule(memberId, s.id, action);
}

/** `count` outbox rows at once, as a burst of transitions would write them */
async function burst(memberId: string, count: number) {
  await db().$executeRaw`
    INSERT INTO outbox_events (id, type, "memberId", "scheduleId", "occurredAt")
    SELECT gen_random_uuid(), 'schedule.paused', ${memberId}::uuid, gen_random_uuid(), now() FROM generate_series(1, ${count})`;
}

const amqpUnsent = (memberId: string) => db().outboxEvent.count({ where: { memberId, amqpSentAt: null } });

function tally(deliveries: readonly Delivery[]) {
  const ids = new Set(deliveries.map((d) => d.messageId));
  return { ids, duplicates: deliveries.length - ids.size };
}

describe.skipIf(unreachable !== null)("the AMQP channel of the outbox", () => {
  it("publishes every event to the exchange: routing key = type, message-id = outbox id, persistent JSON of ids only", async () => {
    const { consumer, publisher } = await setUp("arrive");
    const m = await createTestMember();
    await driveTransitions(m.id);
    const rows = await outboxOf(m.id);
    expect(rows.map((r) => r.type)).toEqual([
      "schedule.created",
      "schedule.started",
      "schedule.paused",
      "schedule.resumed",
      "schedule.completed",
    ]);

    expect(await publishOutboxToAmqp(publisher)).toMatchObject({ sent: 5, failed: 0 });
    const got = await consumer.collect();
    expect(got).toEqual(
      rows.map((r) => ({
        messageId: r.id,
        routingKey: r.type,
        type: r.type,
        contentType: "application/json",
        deliveryMode: 2,
        timestamp: Math.floor(r.occurredAt.getTime() / 1000),
        appId: "pinit",
        body: {
          id: r.id,
          type: r.type,
          occurredAt: r.occurredAt.toISOString(),
          memberId: m.id,
          scheduleId: r.scheduleId,
        },
      })),
    );
    // confirmed rows are marked on the AMQP channel only: the Inngest relay's state is its own
    const after = await outboxOf(m.id);
    expect(after.every((r) => r.amqpSentAt !== null && r.amqpAttempts === 1 && r.sentAt === null)).toBe(true);
    expect(await publishOutboxToAmqp(publisher)).toMatchObject({ sent: 0 });
    await driveTransitions(m.id);
    expect(await publishOutboxToAmqp(publisher)).toMatchObject({ sent: 5 });
    expect(publisher.opened, "one connection serves every sweep").toBe(1);
  });

  it("a broker that is down loses nothing and holds back neither the requests nor the Inngest channel", async () => {
    const { consumer, publisher } = await setUp("down");
    const down = new AmqpPublisher({ url: DOWN_URL, exchange: publisher.config.exchange });
    cleanups.push(() => down.close());
    await db().outboxEvent.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
    const m = await createTestMember();
    await driveTransitions(m.id); // the request path never touches the broker

    const now = new Date();
    expect(await publishOutboxToAmqp(down, { now: () => now })).toMatchObject({ sent: 0, failed: 5 });
    const failed = await outboxOf(m.id);
    for (const r of failed) {
      expect(r).toMatchObject({ amqpSentAt: null, amqpAttempts: 1 });
      expect(r.amqpLastError).toMatch(/ECONNREFUSED/);
      expect(r.amqpNextAttemptAt.getTime()).toBe(now.getTime() + 5_000);
    }
    // Inngest's channel is not held back by the broker
    const toInngest: OutboxMessage[] = [];
    expect(await drainOutbox(async (batch) => void toInngest.push(...batch))).toMatchObject({ sent: 5 });
    expect(toInngest.map((e) => e.id)).toEqual(failed.map((r) => r.id));

    // before the back-off ends nothing is tried; after it, the broker gets them all, once
    expect(await publishOutboxToAmqp(publisher, { now: () => new Date(now.getTime() + 1_000) })).toMatchObject({
      sent: 0,
    });
    expect(await publishOutboxToAmqp(publisher, { now: () => new Date(now.getTime() + 6_000) })).toMatchObject({
      sent: 5,
    });
    expect((await consumer.collect()).map((d) => d.messageId)).toEqual(failed.map((r) => r.id));
    expect(await amqpUnsent(m.id)).toBe(0);
  });

  it("two replicas sweeping at once never publish one row twice (rows are claimed with SKIP LOCKED)", async () => {
    const { consumer, publisher } = await setUp("race");
    const other = new AmqpPublisher({ url: brokerUrl, exchange: publisher.config.exchange });
    cleanups.push(() => other.close());
    const m = await createTestMember();
    await burst(m.id, 400);

    const results = await Promise.all([
      publishOutboxToAmqp(publisher, { batchSize: 20 }),
      publishOutboxToAmqp(other, { batchSize: 20 }),
    ]);
    expect(results.map((r) => r.failed)).toEqual([0, 0]);
    expect(results[0]!.sent + results[1]!.sent).toBe(400);
    expect(
      results.every((r) => r.sent > 0),
      `both replicas took part: ${results.map((r) => r.sent).join(" + ")}`,
    ).toBe(true);
    const { ids, duplicates } = tally(await consumer.collect());
    expect(duplicates).toBe(0);
    expect(ids).toEqual(new Set((await outboxOf(m.id)).map((r) => r.id)));
  }, 120_000);

  it.skipIf(noRestart !== null)(
    "a broker restart in the middle of publishing loses no event (duplicates are allowed, and counted)",
    async () => {
      const { consumer, publisher } = await setUp("restart");
      const m = await createTestMember();
      let producing = true;
      let produced = false; // the producer's last round is over: from then on "nothing unsent" means done
      let failures = 0;
      let shift = 0; // a failed sweep lets an hour pass, so that the back-off does not slow the test down
      const now = () => new Date(Date.now() + shift);

      // the app keeps writing events all along (transitions and bursts), the sweep keeps publishing them
      const producer = (async () => {
        while (producing) {
          await driveTransitions(m.id);
          await burst(m.id, 20);
          await new Promise((r) => setTimeout(r, 20));
        }
        produced = true;
      })();
      const sweeper = (async () => {
        while (!produced || (await amqpUnsent(m.id)) > 0) {
          const result = await publishOutboxToAmqp(publisher, { batchSize: 100, maxBatches: 1, now });
          if (result.failed > 0) {
            failures++;
            shift += 3_600_000;
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      })();

      await expect
        .poll(() => db().outboxEvent.count({ where: { memberId: m.id, amqpSentAt: { not: null } } }), {
          timeout: 60_000,
        })
        .toBeGreaterThan(100);
      let confirmedBefore: number;
      try {
        await stopBroker();
        confirmedBefore = await db().outboxEvent.count({ where: { memberId: m.id, amqpSentAt: { not: null } } });
      } finally {
        await startBroker();
      }
      await new Promise((r) => setTimeout(r, 1_000)); // a little more traffic after the restart
      producing = false;
      await producer;
      await sweeper;

      const rows = await outboxOf(m.id);
      const { ids, duplicates } = tally(await consumer.collect());
      const lost = rows.filter((r) => !ids.has(r.id));
      console.info(
        `broker restart: ${rows.length} events, ${confirmedBefore} confirmed before the stop, ${failures} failed sweep(s), ` +
          `${lost.length} lost, ${duplicates} duplicate(s)`,
      );
      expect(failures).toBeGreaterThan(0);
      expect(publisher.opened, "the same publisher connected again after the restart").toBeGreaterThanOrEqual(2);
      expect(confirmedBefore).toBeLessThan(rows.length);
      expect(lost.map((r) => ({ sequence: r.sequence, amqpSentAt: r.amqpSentAt }))).toEqual([]);
      expect([...ids].every((id) => rows.some((r) => r.id === id))).toBe(true);
    },
    180_000,
  );

  it.skipIf(noRestart !== null)(
    "a broker that stops confirming (a memory alarm blocks publishers) is given up after the confirm timeout, and nothing is lost",
    async () => {
      const { consumer, exchange } = await setUp("blocked");
      const publisher = new AmqpPublisher({ url: brokerUrl, exchange }, { confirmTimeoutMs: 1_500 });
      cleanups.push(() => publisher.close());
      const m = await createTestMember();
      await driveTransitions(m.id);
      expect(await publishOutboxToAmqp(publisher)).toMatchObject({ sent: 5 }); // the connection is open before the alarm

      await driveTransitions(m.id);
      const now = new Date();
      try {
        await setMemoryAlarm(true);
        expect(await publishOutboxToAmqp(publisher, { now: () => now })).toMatchObject({ sent: 0, failed: 5 });
      } finally {
        await setMemoryAlarm(false);
      }
      const blocked = (await outboxOf(m.id)).filter((r) => r.amqpSentAt === null);
      expect(blocked).toHaveLength(5);
      for (const r of blocked) expect(r.amqpLastError).toMatch(/confirmed not all of 5 message\(s\) within 1500 ms/);

      // the next sweep opens a new connection and publishes them
      expect(await publishOutboxToAmqp(publisher, { now: () => new Date(now.getTime() + 6_000) })).toMatchObject({
        sent: 5,
        failed: 0,
      });
      const { ids, duplicates } = tally(await consumer.collect());
      console.info(`blocked broker: 10 events, ${duplicates} duplicate(s)`);
      expect(ids).toEqual(new Set((await outboxOf(m.id)).map((r) => r.id)));
    },
    120_000,
  );

  it("the Inngest function publishes with AMQP_URL, fails its step (for Inngest's retry) while the broker is down, and is idle without it", async () => {
    const { consumer, exchange } = await setUp("function");
    const m = await createTestMember();
    await driveTransitions(m.id);

    process.env.AMQP_EXCHANGE = exchange;
    process.env.AMQP_URL = DOWN_URL;
    await closeAmqpPublisher();
    const failed = await new InngestTestEngine({ function: amqpPublish }).execute();
    expect(String((failed.error as Error | undefined)?.message)).toMatch(/not confirmed by the broker/);
    expect(await amqpUnsent(m.id)).toBe(5);

    process.env.AMQP_URL = brokerUrl;
    await closeAmqpPublisher();
    await db().outboxEvent.updateMany({ where: { memberId: m.id }, data: { amqpNextAttemptAt: new Date() } }); // the back-off has passed
    const { result } = await new InngestTestEngine({ function: amqpPublish }).execute();
    expect(result).toMatchObject({ sent: 5, failed: 0 });
    expect((await consumer.collect()).map((d) => d.messageId)).toEqual((await outboxOf(m.id)).map((r) => r.id));

    delete process.env.AMQP_URL;
    await closeAmqpPublisher();
    await driveTransitions(m.id);
    const idle = await new InngestTestEngine({ function: amqpPublish }).execute();
    expect(idle.result).toMatchObject({ sent: 0, skipped: "AMQP_URL is not set" });
    expect(await amqpUnsent(m.id)).toBe(5);
  });
});
