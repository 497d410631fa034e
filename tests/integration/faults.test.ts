// Faults: what a lost database connection and an unreachable Inngest do to Pinit's guarantees.
//
// 1. The connection dies in the middle of a transition, after some of its rows were written. The API client gets
//    503 UNAVAILABLE (not a 500), nothing of the transition is left behind (schedule, sessions, statistics,
//    outbox, idempotency record, linked task), no transaction is left open on the server, the pool recovers, and
//    the same request retried with the same Idempotency-Key takes effect exactly once.
//    How the connection dies depends on the database the suite runs on (PINIT_TEST_DATABASE_EMBEDDED):
//    - PostgreSQL: a test-only trigger makes the transition's backend sleep inside the INSERT (after the schedule,
//      session and idempotency rows were written); another connection finds it in pg_stat_activity and kills it
//      with pg_terminate_backend. Also, as on PGlite, a cut of the TCP connection.
//    - PGlite (one backend, no pg_terminate_backend): the app's pool reaches pglite-socket through a TCP proxy
//      (tests/support/tcp-proxy.ts) that severs the connection both ways when the INSERT goes out (after
//      delivering it, or instead), so the embedded server sees its client vanish with a transaction open.
//    The whole file's app traffic goes through that proxy (it passes bytes untouched unless a cut is armed).
// 2. Inngest unreachable for a while (a failing sender, then the real SDK against a local endpoint that refuses
//    connections, then answers 500, then recovers): every outbox event is eventually sent exactly once.
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// the Inngest client reads its event API URL from the environment when it is constructed (on import)
const inngestStub = await vi.hoisted(async () => {
  const { startInngestStub } = await import("../support/inngest-stub");
  const stub = await startInngestStub();
  const previous = process.env.INNGEST_EVENT_API_BASE_URL;
  const previousDev = process.env.INNGEST_DEV;
  process.env.INNGEST_EVENT_API_BASE_URL = stub.url;
  // the stub stands for a dev server: dev mode is only ever asked for (inngest/mode.ts)
  process.env.INNGEST_DEV = "1";
  return Object.assign(stub, { previousUrl: previous, previousDev });
});

import { sendToInngest } from "@/inngest/relay";
import { db } from "@/lib/db/client";
import { drainOutbox, type OutboxMessage } from "@/lib/services/outbox/drain";
import { registerOutboxSender } from "@/lib/services/outbox/relay";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { createTask } from "@/lib/services/tasks/create-task";
import { inTransaction, isUuid, lockMember } from "@/lib/services/transaction";
import { outboxOf } from "../support/fixtures";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { client, forgetMembers, refused, testMember, type CallOptions, type Client } from "./api/client";

const embedded = process.env.PINIT_TEST_DATABASE_EMBEDDED === "1";
const directUrl = process.env.DATABASE_URL!;
let proxy: TcpProxy;
/** a connection of the test's own, straight to the server (not through the proxy) */
let admin: pg.Client;

beforeAll(async () => {
  // db() is created on first use from DATABASE_URL: nothing has used it yet, so the app's pool goes through the proxy
  proxy = await startTcpProxy(directUrl);
  process.env.DATABASE_URL = proxy.url;
  admin = new pg.Client({ connectionString: directUrl });
  await admin.connect();
});

afterAll(async () => {
  registerOutboxSender(undefined);
  await forgetMembers();
  await db().$disconnect();
  await admin?.end();
  await proxy?.close();
  await inngestStub.close();
  process.env.DATABASE_URL = directUrl;
  if (inngestStub.previousUrl === undefined) delete process.env.INNGEST_EVENT_API_BASE_URL;
  else process.env.INNGEST_EVENT_API_BASE_URL = inngestStub.previousUrl;
  if (inngestStub.previousDev === undefined) delete process.env.INNGEST_DEV;
  else process.env.INNGEST_DEV = inngestStub.previousDev;
});

/** `promise`, or a failure naming `what` after `ms` */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// 1. A connection lost in the middle of a transition
// ---------------------------------------------------------------------------------------------

/** the tables a transition writes last: a start ends with its outbox row, a complete with the statistics */
type LastWrite = "outbox_events" | "daily_statistics";

/** a way to kill the app's connection while it writes `table` for `memberId`; `killed` settles once it is dead */
type Killer = {
  name: string;
  arm(memberId: string, table: LastWrite): Promise<{ killed: Promise<string>; disarm(): Promise<void> }>;
};

const TRIGGER = "pinit_test_fault_sleep";

/** PostgreSQL: the backend sleeps in a trigger on the INSERT; another connection terminates it */
const terminateBackend: Killer = {
  name: "pg_terminate_backend",
  async arm(memberId, table) {
    if (!isUuid(memberId)) throw new Error(`not a uuid: ${memberId}`); // it goes into DDL as a literal
    await admin.query(`CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$`);
    // only this member's rows: nothing else in the database is slowed down
    await admin.query(`CREATE TRIGGER ${TRIGGER} BEFORE INSERT ON ${table} FOR EACH ROW
      WHEN (NEW."memberId" = '${memberId}'::uuid) EXECUTE FUNCTION ${TRIGGER}()`);
    const sleepers = `SELECT pid, query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event = 'PgSleep'`;
    const killed = (async () => {
      for (;;) {
        const { rows } = await admin.query<{ pid: number; query: string }>(sleepers);
        const victim = rows[0];
        if (victim) {
          const { rows: done } = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [
            victim.pid,
          ]);
          expect(done[0]?.ok).toBe(true);
          return victim.query;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    return {
      killed: within(killed, 15_000, `a backend asleep in the INSERT INTO ${table}`),
      async disarm() {
        // a sleeper that was never found (a failed test) would hold the table: end it before dropping the trigger
        await admin.query(`SELECT pg_terminate_backend(pid) FROM (${sleepers}) AS s`);
        await admin.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON ${table}`);
        await admin.query(`DROP FUNCTION IF EXISTS ${TRIGGER}()`);
      },
    };
  },
};

/**
 * both modes: the proxy severs the connection when the INSERT goes out, after delivering it (the server runs it
 * and then finds its client gone) or instead of delivering it (the server finds its client gone while the
 * transaction sits idle, its earlier writes made)
 */
function cutConnection(deliver: boolean): Killer {
  return {
    name: deliver ? "a TCP cut after the statement" : "a TCP cut before the statement",
    async arm(_memberId, table) {
      const killed = proxy.cutOn(new RegExp(`INSERT INTO (?:"public"\\.)?"?${table}"?[ (]`), { deliver });
      return {
        killed: within(killed, 15_000, `a cut at the INSERT INTO ${table}`),
        async disarm() {
          proxy.disarm();
        },
      };
    },
  };
}

const cuts = [cutConnection(true), cutConnection(false)];
const killers: Killer[] = embedded ? cuts : [terminateBackend, ...cuts];

/** everything a transition may write for a member, read straight from the database */
async function snapshot(memberId: string) {
  return {
    schedules: await db().schedule.findMany({ where: { memberId }, orderBy: { id: "asc" } }),
    sessions: await db().workSession.findMany({ where: { memberId }, orderBy: { id: "asc" } }),
    tasks: await db().task.findMany({ where: { memberId }, orderBy: { id: "asc" } }),
    statistics: await db().dailyStatistic.findMany({ where: { memberId }, orderBy: [{ day: "asc" }, { type: "asc" }] }),
    outbox: await outboxOf(memberId),
    idempotency: await db().idempotencyRecord.findMany({ where: { memberId }, orderBy: { key: "asc" } }),
  };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

const newEvents = (before: Snapshot, after: Snapshot) =>
  after.outbox.filter((e) => !before.outbox.some((b) => b.id === e.id)).map((e) => e.type);

/**
 * No transaction survived the dead connection. PostgreSQL: no other backend of this database is inside a
 * transaction (the server may take a moment to notice a vanished client). PGlite: there is one session for
 * every connection, so a transaction left open would be this connection's: it must find none (an aborted one
 * would fail the query; an open one would show an earlier now() or a transaction id).
 */
async function expectNoTransactionLeftOpen() {
  if (embedded) {
    const { rows } = await admin.query<{ outside: boolean; xid: string | null }>(
      "SELECT now() = statement_timestamp() AS outside, pg_current_xact_id_if_assigned()::text AS xid",
    );
    expect(rows).toEqual([{ outside: true, xid: null }]);
    return;
  }
  await expect
    .poll(
      async () => {
        const { rows } = await admin.query<{ state: string; query: string }>(
          `SELECT state, query FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
        );
        return rows;
      },
      { timeout: 5_000 },
    )
    .toEqual([]);
}

const REPLAYED = "Idempotent-Replayed";

function transition(api: Client, id: string, action: string, options: CallOptions = {}) {
  return api.post("/schedules/{id}/{action}", { ...options, params: { id, action } });
}

/** fire the request, kill its connection at `table`, and return the answer the API client got */
async function transitionKilled(
  killer: Killer,
  api: Client,
  memberId: string,
  scheduleId: string,
  action: string,
  table: LastWrite,
  options: CallOptions,
) {
  const armed = await killer.arm(memberId, table);
  try {
    const [answer, statement] = await Promise.all([transition(api, scheduleId, action, options), armed.killed]);
    expect(statement).toContain(table); // it died in the statement it was meant to die in
    return answer;
  } finally {
    await armed.disarm();
  }
}

describe("a database connection lost in the middle of a transition", () => {
  beforeAll(() => {
    // guards the premise of the cut: the app's pool really goes through the proxy
    expect(process.env.DATABASE_URL).toBe(proxy.url);
  });

  for (const killer of killers) {
    it(`start, killed by ${killer.name} at the outbox write: 503 UNAVAILABLE, nothing written; the retry starts it once`, async () => {
      const member = await testMember();
      const api = client(member);
      const s = await createSchedule(member.id, { title: "fault", startAt: new Date(), type: "DEEP_WORK" });
      const key = { headers: { "Idempotency-Key": `fault-start-${killer.name}` } };
      const before = await snapshot(member.id);

      const answer = await transitionKilled(killer, api, member.id, s.id, "start", "outbox_events", key);
      refused(answer, 503, "UNAVAILABLE");
      expect(answer.text).not.toMatch(/outbox|prisma|terminat|connection closed/i); // no internals in the body
      expect(await snapshot(member.id)).toEqual(before);
      await expectNoTransactionLeftOpen();
      expect(proxy.connections).toBeGreaterThan(0);

      // the client retries the same request: it runs for the first time (the dead attempt stored no answer)
      const retried = await transition(api, s.id, "start", key);
      expect(retried.status, retried.text).toBe(200);
      expect(retried.headers.get(REPLAYED)).toBeNull();
      const after = await snapshot(member.id);
      expect(after.schedules[0]).toMatchObject({ state: "IN_PROGRESS", version: before.schedules[0]!.version + 1 });
      expect(after.sessions).toHaveLength(1);
      expect(after.sessions[0]!.endedAt).toBeNull();
      expect(newEvents(before, after)).toEqual(["schedule.started"]);
      expect(after.idempotency).toHaveLength(1);
      expect(after.idempotency[0]!.body).toMatchObject({ ok: true, value: { id: s.id, state: "IN_PROGRESS" } });

      // and once more: the stored answer, no second effect
      const again = await transition(api, s.id, "start", key);
      expect(again.status).toBe(200);
      expect(again.headers.get(REPLAYED)).toBe("true");
      expect(await snapshot(member.id)).toEqual(after);
    });

    it(`complete, killed by ${killer.name} at the statistics write: 503 UNAVAILABLE, nothing written; the retry completes it once`, async () => {
      const member = await testMember();
      const api = client(member);
      const task = await createTask(member.id, {
        title: "linked",
        deadline: "2099-12-31",
        importance: 5,
        difficulty: 3,
      });
      const s = await createSchedule(member.id, {
        title: "fault",
        startAt: new Date(),
        type: "DEEP_WORK",
        taskId: task.id,
      });
      await transitionSchedule(member.id, s.id, "start", { now: new Date(Date.now() - 90_000) });
      const key = { headers: { "Idempotency-Key": `fault-complete-${killer.name}` } };
      const before = await snapshot(member.id);

      // by the statistics write, the session was closed, the schedule and the task completed and the events written
      const answer = await transitionKilled(killer, api, member.id, s.id, "complete", "daily_statistics", key);
      refused(answer, 503, "UNAVAILABLE");
      expect(await snapshot(member.id)).toEqual(before);
      await expectNoTransactionLeftOpen();

      const retried = await transition(api, s.id, "complete", key);
      expect(retried.status, retried.text).toBe(200);
      expect(retried.headers.get(REPLAYED)).toBeNull();
      const after = await snapshot(member.id);
      expect(after.schedules[0]).toMatchObject({ state: "COMPLETED", version: before.schedules[0]!.version + 1 });
      expect(after.tasks[0]!.completedAt).not.toBeNull();
      expect(after.sessions).toHaveLength(1);
      const session = after.sessions[0]!;
      expect(session.endedAt).not.toBeNull();
      expect(newEvents(before, after)).toEqual(["schedule.completed", "task.completed"]);
      // the statistics got exactly one completion and the session's seconds, once
      const sessionSeconds = Math.floor((session.endedAt!.getTime() - session.startedAt.getTime()) / 1000);
      expect(sessionSeconds).toBeGreaterThanOrEqual(90);
      expect(after.statistics.reduce((n, r) => n + r.completedCount, 0)).toBe(1);
      expect(after.statistics.reduce((n, r) => n + r.seconds, 0)).toBe(sessionSeconds);
      expect(after.idempotency).toHaveLength(1);

      const again = await transition(api, s.id, "complete", key);
      expect(again.status).toBe(200);
      expect(again.headers.get(REPLAYED)).toBe("true");
      expect(await snapshot(member.id)).toEqual(after);
    });
  }
});

// PostgreSQL only: the embedded server has one backend and runs one transaction at a time, so two transactions
// cannot deadlock there (tests/unit/db/errors.test.ts checks the error's shape in every mode).
if (!embedded) {
  describe("a deadlock between two transactions", () => {
    it("is retried: the victim runs again and both succeed", async () => {
      const [a, b] = [await testMember(), await testMember()];
      let attempts = 0;
      let locked = 0;
      let release!: () => void;
      const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
      const lockBoth = (first: string, second: string) =>
        inTransaction(async (tx) => {
          attempts++;
          await lockMember(tx, first);
          if (++locked === 2) release();
          await bothHoldOne; // each holds one member and now asks for the other's
          await lockMember(tx, second);
        });
      const results = await Promise.allSettled([lockBoth(a.id, b.id), lockBoth(b.id, a.id)]);
      expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : r.status))).toEqual([
        "fulfilled",
        "fulfilled",
      ]);
      expect(attempts).toBe(3); // PostgreSQL chose one as the deadlock victim; it ran once more
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Inngest unreachable for a while
// ---------------------------------------------------------------------------------------------

describe("Inngest unreachable for a while", () => {
  // the sweep drains every member's rows: start from an empty outbox, so that what is sent is this test's
  beforeEach(async () => {
    await db().outboxEvent.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
  });
  afterEach(() => {
    registerOutboxSender(undefined);
    vi.restoreAllMocks();
  });

  /** wraps a sender: counts the sends still running (the after-commit relay is fire-and-forget) */
  function tracked(send: (messages: readonly OutboxMessage[]) => Promise<void>) {
    const t = {
      running: 0,
      send: async (messages: readonly OutboxMessage[]) => {
        t.running++;
        try {
          await send(messages);
        } finally {
          t.running--;
        }
      },
      /** every send has finished, and every row a send delivered has been marked sent */
      async settled(delivered: () => readonly string[]) {
        await expect.poll(() => t.running, { timeout: 20_000 }).toBe(0);
        await expect
          .poll(() => db().outboxEvent.count({ where: { id: { in: [...delivered()] }, sentAt: null } }), {
            timeout: 5_000,
          })
          .toBe(0);
      },
    };
    return t;
  }

  /** every outbox row of the member was sent, and `delivered` holds each of their ids exactly once */
  async function expectEachSentOnce(memberId: string, delivered: readonly string[]) {
    const rows = await outboxOf(memberId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.sentAt === null)).toEqual([]);
    expect([...delivered].sort()).toEqual(rows.map((r) => r.id).sort());
  }

  /** sweeps at `clock` (an hour further each time: past any back-off) until a sweep finds nothing to send */
  async function sweepUntilEmpty(send: (m: readonly OutboxMessage[]) => Promise<void>, clock: { now: Date }) {
    for (let i = 0; i < 10; i++) {
      clock.now = new Date(clock.now.getTime() + 3_600_000);
      const result = await drainOutbox(send, { now: () => clock.now, batchSize: 3 });
      expect(result.failed).toBe(0);
      if (result.sent === 0) return;
    }
    throw new Error("the sweeps never emptied the outbox");
  }

  it("a sender that fails for a while (after-commit relays and sweeps) loses nothing, and sends each event once after it recovers", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const delivered: string[] = [];
    let down = true;
    const sender = tracked(async (messages) => {
      if (down) throw new Error("connect ECONNREFUSED 127.0.0.1:8288");
      delivered.push(...messages.map((m) => m.id));
    });
    registerOutboxSender(sender.send);
    const clock = { now: new Date() };

    const member = await testMember();
    const schedules = [];
    for (let i = 0; i < 3; i++)
      schedules.push(await createSchedule(member.id, { title: `s${i}`, startAt: new Date(), type: "QUICK_TASK" }));
    // transitions keep happening while the sender is down, between sweeps that fail too
    const plan: [number, "start" | "pause" | "resume" | "complete" | "stop" | "reset"][] = [
      [0, "start"],
      [0, "pause"],
      [1, "start"],
      [1, "complete"],
      [0, "resume"],
      [2, "complete"],
      [2, "reset"],
      [0, "stop"],
    ];
    for (const [n, action] of plan) {
      await transitionSchedule(member.id, schedules[n]!.id, action);
      await sender.settled(() => delivered);
      clock.now = new Date(clock.now.getTime() + 3_600_000);
      const sweep = await drainOutbox(sender.send, { now: () => clock.now, batchSize: 3 });
      expect(sweep).toMatchObject({ sent: 0 });
      expect(sweep.failed).toBeGreaterThan(0);
    }
    const waiting = await outboxOf(member.id);
    expect(waiting).toHaveLength(3 + plan.length);
    expect(waiting.every((r) => r.sentAt === null)).toBe(true);
    expect(waiting.some((r) => r.lastError === "connect ECONNREFUSED 127.0.0.1:8288" && r.attempts > 0)).toBe(true);
    expect(delivered).toEqual([]);
    // each transition's after-commit relay was tried and failed (and said so)
    expect(warn.mock.calls.filter(([m]) => String(m).includes("left for the sweep")).length).toBeGreaterThanOrEqual(
      3 + plan.length,
    );

    // it recovers: new transitions are relayed right after commit, the sweeps send the backlog
    down = false;
    await transitionSchedule(member.id, schedules[1]!.id, "reset");
    await transitionSchedule(member.id, schedules[1]!.id, "start");
    await sender.settled(() => delivered);
    expect(delivered).toHaveLength(2); // the relay sent these two at once
    await sweepUntilEmpty(sender.send, clock);
    await expectEachSentOnce(member.id, delivered);
  });

  it(
    "the real Inngest client: connections refused, then 500s, then recovery: each event reaches Inngest once",
    { timeout: 90_000 },
    async () => {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const sender = tracked(sendToInngest);
      registerOutboxSender(sender.send); // as instrumentation.ts does
      const accepted = () => inngestStub.accepted;
      const clock = { now: new Date() };
      const member = await testMember();

      // Inngest does not answer at all
      await inngestStub.setMode("refuse");
      const s = await createSchedule(member.id, { title: "real", startAt: new Date(), type: "ADMIN_TASK" });
      await transitionSchedule(member.id, s.id, "start");
      await sender.settled(accepted);
      clock.now = new Date(clock.now.getTime() + 3_600_000);
      expect(await drainOutbox(sender.send, { now: () => clock.now })).toMatchObject({ sent: 0, failed: 2 });

      // Inngest answers 500
      await inngestStub.setMode("error");
      await transitionSchedule(member.id, s.id, "pause");
      await sender.settled(accepted);
      clock.now = new Date(clock.now.getTime() + 3_600_000);
      expect(await drainOutbox(sender.send, { now: () => clock.now })).toMatchObject({ sent: 0, failed: 3 });
      expect(inngestStub.errors).toBeGreaterThan(0);
      expect(accepted()).toEqual([]);
      const waiting = await outboxOf(member.id);
      expect(waiting.map((r) => [r.sentAt, r.attempts > 0, r.lastError !== null])).toEqual(
        Array(3).fill([null, true, true]),
      );

      // Inngest is back
      await inngestStub.setMode("accept");
      await transitionSchedule(member.id, s.id, "resume");
      await sender.settled(accepted);
      expect(accepted()).toHaveLength(1); // relayed right after commit
      await sweepUntilEmpty(sender.send, clock);
      await expectEachSentOnce(member.id, accepted());
    },
  );
});
