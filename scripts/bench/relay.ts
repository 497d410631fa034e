// The outbox relay draining 10,000 pending events through the app's own drain (lib/services/outbox/drain.ts)
// with a stub transport that records ids, beside the floor: the same batch select-and-mark in raw SQL.
// Both check that every event was sent exactly once.
import { randomBytes } from "node:crypto";
import { rawPool, withAppDatabase, type BenchDatabase } from "./databases";
import { timed } from "./measure";

export type RelayResult = { events: number; seconds: number; perSecond: number; missing: number; duplicates: number };

const BATCH = 200;

export async function relayBench(
  database: BenchDatabase,
  events = 10_000,
): Promise<{ app: RelayResult; floor: RelayResult }> {
  const pool = rawPool(database, 1);
  try {
    const ids = await seedOutbox(pool, events);
    const floor = await floorDrain(database, ids);
    await pool.query(
      `UPDATE outbox_events SET "sentAt" = NULL, attempts = 0, "nextAttemptAt" = now() - interval '1 second'`,
    );
    const app = await appDrain(database, ids);
    return { app, floor };
  } finally {
    await pool.query(`DELETE FROM outbox_events`).catch(() => undefined);
    await pool.end();
  }
}

export async function seedOutbox(pool: import("pg").Pool, events: number): Promise<Set<string>> {
  await pool.query(`DELETE FROM outbox_events`); // the transition runs' events are not part of this batch
  const member = await pool.query<{ id: string }>(
    `INSERT INTO members (id, nickname, "updatedAt") VALUES (gen_random_uuid(), 'relay', now()) RETURNING id`,
  );
  const memberId = member.rows[0]!.id;
  const schedule = await pool.query<{ id: string }>(
    `INSERT INTO schedules (id, "memberId", title, "startAt", type, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'relay', now(), 'DEEP_WORK', now()) RETURNING id`,
    [memberId],
  );
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO outbox_events (id, type, "memberId", "scheduleId", "occurredAt", "nextAttemptAt")
     SELECT gen_random_uuid(), 'schedule.started', $1, $2, now(), now() - interval '1 second' FROM generate_series(1, $3)
     RETURNING id`,
    [memberId, schedule.rows[0]!.id, events],
  );
  return new Set(rows.map((r) => r.id));
}

/** the app's drain, in this process, on this database */
async function appDrain(database: BenchDatabase, expected: Set<string>): Promise<RelayResult> {
  const { drainOutbox } = await import("../../lib/services/outbox/drain");
  const sent: string[] = [];
  const { ms } = await withAppDatabase(database, () =>
    timed(() =>
      drainOutbox(async (messages) => void sent.push(...messages.map((m) => m.id)), {
        batchSize: BATCH,
        maxBatches: Number.POSITIVE_INFINITY,
      }),
    ),
  );
  return result(expected, sent, ms);
}

/** the floor: lease a batch (FOR UPDATE SKIP LOCKED), "send" it, mark it sent; prepared statements on one connection */
async function floorDrain(database: BenchDatabase, expected: Set<string>): Promise<RelayResult> {
  const pool = rawPool(database, 1);
  const client = await pool.connect();
  const sent: string[] = [];
  const tag = randomBytes(4).toString("hex"); // PGlite keeps prepared statements across connections (one session)
  try {
    const { ms } = await timed(async () => {
      for (;;) {
        await client.query("BEGIN");
        const { rows } = await client.query<{ id: string }>({
          name: `floor_lease_${tag}`,
          text: `SELECT id, type, "occurredAt", "memberId", "scheduleId", "taskId" FROM outbox_events
                 WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now() ORDER BY sequence LIMIT $1 FOR UPDATE SKIP LOCKED`,
          values: [BATCH],
        });
        const ids = rows.map((r) => r.id);
        if (ids.length > 0) {
          await client.query({
            name: `floor_lease_mark_${tag}`,
            text: `UPDATE outbox_events SET attempts = attempts + 1, "nextAttemptAt" = now() + interval '1 minute' WHERE id = ANY($1::uuid[])`,
            values: [ids],
          });
        }
        await client.query("COMMIT");
        if (ids.length === 0) break;
        sent.push(...ids);
        await client.query({
          name: `floor_mark_sent_${tag}`,
          text: `UPDATE outbox_events SET "sentAt" = now() WHERE id = ANY($1::uuid[]) AND "sentAt" IS NULL`,
          values: [ids],
        });
      }
    });
    return result(expected, sent, ms);
  } finally {
    client.release();
    await pool.end();
  }
}

function result(expected: Set<string>, sent: readonly string[], ms: number): RelayResult {
  const unique = new Set(sent);
  let missing = 0;
  for (const id of expected) if (!unique.has(id)) missing++;
  return {
    events: unique.size,
    seconds: ms / 1000,
    perSecond: sent.length / (ms / 1000),
    missing,
    duplicates: sent.length - unique.size,
  };
}
