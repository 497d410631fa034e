// The outbox's AMQP channel (lib/services/outbox/amqp.ts), `npm run bench:amqp`: 10,000 pending events published
// to RabbitMQ with publisher confirms by the app's own sweep, beside
// - the relay (scripts/bench/relay.ts: the same drain to a stub, and its floor in raw SQL), and
// - the broker's floor: the same 10,000 messages on one confirm channel in batches of 200, with no database.
// Every run checks, from a durable queue bound to the exchange, that each event arrived and none twice.
// Needs a broker: AMQP_TEST_URL, else amqp://guest:guest@127.0.0.1:5672; runs on PostgreSQL (BENCH_DATABASE_URL …).
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { connect } from "amqplib";
import { bindQueue, brokerUnreachable, brokerUrl, testExchange } from "../../tests/support/amqp-broker";
import { postgresDatabase, rawPool, withAppDatabase } from "./databases";
import { fixed, table, timed } from "./measure";
import { relayBench, seedOutbox, type RelayResult } from "./relay";

const EVENTS = 10_000;
const BATCH = 200;

async function main() {
  const unreachable = await brokerUnreachable();
  if (unreachable) throw new Error(`bench:amqp needs a broker: ${unreachable}`);
  const database = await postgresDatabase("amqp");
  try {
    const relay = await relayBench(database, EVENTS);
    const app = await appPublish(database);
    const floor = await brokerFloor();
    const rows: string[][] = [["", "events/s", "seconds", "missing", "sent twice"]];
    const row = (label: string, r: RelayResult) => [
      label,
      fixed(r.perSecond, 0),
      fixed(r.seconds, 2),
      String(r.missing),
      String(r.duplicates),
    ];
    rows.push(row("relay: app drain to a stub", relay.app), row("relay: floor (SQL only)", relay.floor));
    rows.push(row("AMQP: app sweep, confirmed", app), row("AMQP: broker floor (confirms, no database)", floor));
    console.log(
      `\n### PostgreSQL + RabbitMQ: ${EVENTS} events, batches of ${BATCH} (load average ${loadavg()
        .map((l) => fixed(l, 1))
        .join(" ")})`,
    );
    console.log(table(rows));
    console.log(
      `AMQP sweep ÷ broker floor: ${fixed(app.perSecond / floor.perSecond, 2)}; ÷ relay floor: ${fixed(app.perSecond / relay.floor.perSecond, 2)}`,
    );
    if ([relay.app, relay.floor, app, floor].some((r) => r.missing + r.duplicates > 0)) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/** the app's sweep (drain.ts + the confirm-channel publisher), on a fresh exchange with one bound queue */
async function appPublish(database: Awaited<ReturnType<typeof postgresDatabase>>): Promise<RelayResult> {
  const { AmqpPublisher, publishOutboxToAmqp } = await import("../../lib/services/outbox/amqp");
  const pool = rawPool(database, 1);
  const exchange = testExchange("bench");
  const consumer = await bindQueue(exchange);
  const publisher = new AmqpPublisher({ url: brokerUrl, exchange });
  try {
    const expected = await seedOutbox(pool, EVENTS);
    const { value, ms } = await withAppDatabase(database, () =>
      timed(() => publishOutboxToAmqp(publisher, { batchSize: BATCH, maxBatches: Number.POSITIVE_INFINITY })),
    );
    if (value.failed > 0) throw new Error(`${value.failed} events not confirmed`);
    return arrived(
      expected,
      (await consumer.collect()).map((d) => d.messageId),
      ms,
    );
  } finally {
    await publisher.close();
    await consumer.remove();
    await pool.query(`DELETE FROM outbox_events`).catch(() => undefined);
    await pool.end();
  }
}

/** the broker alone: the same persistent messages on one confirm channel, a batch's confirms awaited before the next */
async function brokerFloor(): Promise<RelayResult> {
  const exchange = testExchange("floor");
  const consumer = await bindQueue(exchange);
  const connection = await connect(brokerUrl, { noDelay: true });
  try {
    const channel = await connection.createConfirmChannel();
    const ids = Array.from({ length: EVENTS }, () => randomUUID());
    const occurredAt = new Date().toISOString();
    const { ms } = await timed(async () => {
      for (let i = 0; i < ids.length; i += BATCH) {
        for (const id of ids.slice(i, i + BATCH)) {
          const body = { id, type: "schedule.started", occurredAt, memberId: id, scheduleId: id };
          channel.publish(exchange, body.type, Buffer.from(JSON.stringify(body)), {
            persistent: true,
            messageId: id,
            contentType: "application/json",
            type: body.type,
          });
        }
        await channel.waitForConfirms();
      }
    });
    return arrived(
      new Set(ids),
      (await consumer.collect()).map((d) => d.messageId),
      ms,
    );
  } finally {
    await connection.close().catch(() => undefined);
    await consumer.remove();
  }
}

function arrived(expected: Set<string>, received: readonly string[], ms: number): RelayResult {
  const unique = new Set(received);
  let missing = 0;
  for (const id of expected) if (!unique.has(id)) missing++;
  return {
    events: unique.size,
    seconds: ms / 1000,
    perSecond: expected.size / (ms / 1000),
    missing,
    duplicates: received.length - unique.size,
  };
}

await main();
