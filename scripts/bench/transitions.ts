// Transitions through the HTTP API, through the service in this process, and the same database work issued
// directly with `pg` (the floor).
// Each client is one member playing its own schedules: start, pause, resume, complete, one after the other.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { ApiMember, type TransitionAction } from "./api-client";
import { rawPool, seedSchedules, withAppDatabase, type BenchDatabase } from "./databases";
import { concurrently, cpuSeconds, summarize, type Summary } from "./measure";

const CYCLE: readonly TransitionAction[] = ["start", "pause", "resume", "complete"];

export type Level = { clients: number; cyclesPerClient: number };

/** about the same number of transitions at every level, enough for a stable p99 */
export function levels(scale = 1): Level[] {
  return [
    { clients: 1, cyclesPerClient: Math.ceil(100 * scale) },
    { clients: 20, cyclesPerClient: Math.ceil(20 * scale) },
    { clients: 50, cyclesPerClient: Math.ceil(10 * scale) },
  ];
}

/** with the CPU milliseconds each transition cost the client side (the app's processes, or this process issuing
 * the floor's SQL) and the database server */
export type TransitionResult = Summary & { failures: number; clientCpuMs: number; databaseCpuMs: number };

/** CPU used by `work`, per transition, on both sides */
async function cpuPerTransition<T extends { count: number }>(
  clientCpu: () => number,
  database: BenchDatabase,
  work: () => Promise<T>,
) {
  const [client0, database0] = [clientCpu(), database.cpu()];
  const result = await work();
  return {
    ...result,
    clientCpuMs: ((clientCpu() - client0) * 1000) / result.count,
    databaseCpuMs: ((database.cpu() - database0) * 1000) / result.count,
  };
}

const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export async function apiTransitions(
  database: BenchDatabase,
  app: { pid: number },
  members: readonly ApiMember[],
  level: Level,
): Promise<TransitionResult> {
  const clients = members.slice(0, level.clients);
  const schedules = await seed(
    database,
    clients.map((m) => m.id),
    level,
  );
  return cpuPerTransition(
    () => cpuSeconds({ processGroup: app.pid }),
    database,
    () =>
      play(
        clients.map((m) => m.id),
        schedules,
        async (i, scheduleId, action) => {
          const answer = await clients[i]!.transition(scheduleId, action);
          return answer.status === 200 ? null : `${action} answered ${answer.status}: ${JSON.stringify(answer.body)}`;
        },
      ),
  );
}

/** the service itself, called in this process (no HTTP, no Next.js): what Prisma and the service code cost */
export async function serviceTransitions(
  database: BenchDatabase,
  memberIds: readonly string[],
  level: Level,
): Promise<TransitionResult> {
  const { transitionSchedule } = await import("../../lib/services/schedules/transition-schedule");
  const ids = memberIds.slice(0, level.clients);
  const schedules = await seed(database, ids, level);
  return withAppDatabase(database, () =>
    cpuPerTransition(ownCpu, database, () =>
      play(ids, schedules, (i, scheduleId, action) =>
        transitionSchedule(ids[i]!, scheduleId, action).then(
          () => null,
          (e: unknown) => `service ${action} failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
      ),
    ),
  );
}

export async function floorTransitions(
  database: BenchDatabase,
  memberIds: readonly string[],
  level: Level,
): Promise<TransitionResult> {
  const ids = memberIds.slice(0, level.clients);
  const schedules = await seed(database, ids, level);
  // the floor may use one connection per client: the best the database itself can do (PGlite serves one at a time)
  const pool = rawPool(database, database.poolMax === 1 ? 1 : level.clients);
  // prepared statements are named per run: PGlite serves every connection from one session, which keeps them
  const tag = randomBytes(4).toString("hex");
  try {
    return await cpuPerTransition(ownCpu, database, () =>
      play(ids, schedules, (i, scheduleId, action) =>
        floorTransition(pool, tag, ids[i]!, scheduleId, action).then(
          () => null,
          (e: unknown) => `floor ${action} failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
      ),
    );
  } finally {
    await pool.end();
  }
}

/** `level.cyclesPerClient` new schedules for each member, on a connection of its own */
async function seed(
  database: BenchDatabase,
  memberIds: readonly string[],
  level: Level,
): Promise<Map<string, string[]>> {
  const pool = rawPool(database, 1);
  return seedSchedules(pool, memberIds, level.cyclesPerClient).finally(() => pool.end());
}

/**
 * Each member (one client each, all at once) plays its schedules through CYCLE; `transition` answers null or what
 * went wrong. Latencies of the successes; failures counted, the first three printed.
 */
async function play(
  memberIds: readonly string[],
  schedules: Map<string, string[]>,
  transition: (client: number, scheduleId: string, action: TransitionAction) => Promise<string | null>,
): Promise<Summary & { failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await concurrently(memberIds.length, async (i) => {
    for (const scheduleId of schedules.get(memberIds[i]!)!) {
      for (const action of CYCLE) {
        const t0 = performance.now();
        const failure = await transition(i, scheduleId, action);
        if (failure === null) latencies.push(performance.now() - t0);
        else if (++failures <= 3) console.warn(`  ${failure}`);
      }
    }
  });
  return { ...summarize(latencies, performance.now() - started), failures };
}

const TARGET: Record<string, string> = {
  start: "IN_PROGRESS",
  resume: "IN_PROGRESS",
  pause: "PAUSED",
  complete: "COMPLETED",
};
const EVENT: Record<string, string> = {
  start: "schedule.started",
  resume: "schedule.resumed",
  pause: "schedule.paused",
  complete: "schedule.completed",
};

/**
 * What the service writes for one transition, as plain prepared statements in one transaction: lock the member
 * and the schedule, check for a running one, open or close the session, add the statistics on completion,
 * update the schedule and append the outbox row.
 */
async function floorTransition(
  pool: pg.Pool,
  tag: string,
  memberId: string,
  scheduleId: string,
  action: TransitionAction,
): Promise<void> {
  const client = await pool.connect();
  const now = new Date();
  try {
    await client.query("BEGIN");
    const member = await client.query<{ timezone: string }>({
      name: `floor_lock_member_${tag}`,
      text: `SELECT timezone FROM members WHERE id = $1 FOR NO KEY UPDATE`,
      values: [memberId],
    });
    const timezone = member.rows[0]!.timezone;
    await client.query({
      name: `floor_lock_schedule_${tag}`,
      text: `SELECT state, type FROM schedules WHERE id = $1 AND "memberId" = $2 FOR UPDATE`,
      values: [scheduleId, memberId],
    });
    if (action === "start" || action === "resume") {
      await client.query({
        name: `floor_running_${tag}`,
        text: `SELECT id FROM schedules WHERE "memberId" = $1 AND state = 'IN_PROGRESS' AND id <> $2`,
        values: [memberId, scheduleId],
      });
      await client.query({
        name: `floor_open_session_${tag}`,
        text: `INSERT INTO work_sessions (id, "memberId", "scheduleId", "startedAt") VALUES (gen_random_uuid(), $1, $2, $3)`,
        values: [memberId, scheduleId, now],
      });
    } else {
      await client.query({
        name: `floor_close_session_${tag}`,
        text: `UPDATE work_sessions SET "endedAt" = $2, day = ($2::timestamptz AT TIME ZONE $3::text)::date
               WHERE "scheduleId" = $1 AND "endedAt" IS NULL`,
        values: [scheduleId, now, timezone],
      });
    }
    if (action === "complete") {
      await client.query({
        name: `floor_statistics_${tag}`,
        text: `INSERT INTO daily_statistics ("memberId", day, type, seconds, "completedCount")
               SELECT $1, ($3::timestamptz AT TIME ZONE $4::text)::date, 'DEEP_WORK',
                      COALESCE(sum(floor(extract(epoch FROM "endedAt" - "startedAt"))), 0)::int, 1
               FROM work_sessions WHERE "scheduleId" = $2
               ON CONFLICT ("memberId", day, type) DO UPDATE
                 SET seconds = daily_statistics.seconds + EXCLUDED.seconds,
                     "completedCount" = daily_statistics."completedCount" + 1`,
        values: [memberId, scheduleId, now, timezone],
      });
    }
    await client.query({
      name: `floor_update_schedule_${tag}`,
      text: `UPDATE schedules SET state = $2::"ScheduleState", version = version + 1, "stateChangedAt" = $3, "updatedAt" = $3,
               "completedAt" = $4, "completedOn" = ($4::timestamptz AT TIME ZONE $5::text)::date
             WHERE id = $1`,
      values: [scheduleId, TARGET[action], now, action === "complete" ? now : null, timezone],
    });
    await client.query({
      name: `floor_outbox_${tag}`,
      text: `INSERT INTO outbox_events (id, type, "memberId", "scheduleId", "occurredAt") VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
      values: [EVENT[action], memberId, scheduleId, now],
    });
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** members for the floor, straight into the table (the floor has no sign-up) */
export async function floorMembers(database: BenchDatabase, count: number): Promise<string[]> {
  const pool = rawPool(database, 1);
  try {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO members (id, nickname, "updatedAt") SELECT gen_random_uuid(), 'floor', now() FROM generate_series(1, $1) RETURNING id`,
      [count],
    );
    return rows.map((r) => r.id);
  } finally {
    await pool.end();
  }
}
