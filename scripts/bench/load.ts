// `npm run load`: 50 simulated members for 60 s against the running app, each in two tabs at once, doing random
// allowed transitions with random switches, double clicks (the same Idempotency-Key twice at once), retries
// (the same key again after the answer) and a few illegal actions. Meanwhile an outbox sweep relays to a stub
// that records ids. Afterwards it checks and prints the invariants of scripts/bench/invariants.ts, that every
// outbox event was relayed exactly once, and that every repeated key got the first answer back. Exit 1 on any
// violation or any unexpected answer (a 5xx, a 422…).
// Options (environment): LOAD_MEMBERS (50), LOAD_SECONDS (60), LOAD_DATABASE=postgres|pglite (postgres),
// BENCH_DATABASE_URL (the PostgreSQL server; default DATABASE_URL, then the local one).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ApiMember, type ApiAnswer, type TransitionAction } from "./api-client";
import { ARTIFACTS, ensureBuild, startBenchApp } from "./app";
import { embeddedDatabase, postgresDatabase, rawPool, withAppDatabase, type BenchDatabase } from "./databases";
import { checkInvariants } from "./invariants";
import { concurrently, fixed, summarize, table } from "./measure";

const MEMBERS = Number(process.env.LOAD_MEMBERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const TABS = 2;
const SCHEDULES_PER_MEMBER = 4;
const ACTIONS: readonly TransitionAction[] = ["start", "pause", "resume", "complete", "stop", "reset"];
const EXPECTED_REFUSALS = new Set(["ILLEGAL_TRANSITION", "ANOTHER_SCHEDULE_ACTIVE"]);

type ScheduleView = { state: string; allowedActions: TransitionAction[]; version: number };

class Tally {
  requests = 0;
  effects = 0;
  refusals = new Map<string, number>();
  unexpected: string[] = [];
  doubleClicks = 0;
  retries = 0;
  /** repeats of a key whose answer differed from the first, or was not marked replayed */
  repeatMismatches: string[] = [];
  /** (schedule, version) claimed by two effects */
  versionClaims = new Map<string, number>();
  latencies: number[] = [];

  record(action: TransitionAction, answer: ApiAnswer, ms: number): void {
    this.requests++;
    this.latencies.push(ms);
    if (answer.status === 200) return;
    const code = errorCode(answer.body);
    if (answer.status === 409 && code && EXPECTED_REFUSALS.has(code)) {
      this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
      return;
    }
    this.unexpected.push(`${action} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  }
}

const errorCode = (body: unknown): string | undefined => (body as { error?: { code?: string } } | null)?.error?.code;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function send(
  tally: Tally,
  member: ApiMember,
  scheduleId: string,
  action: TransitionAction,
  key: string,
  switchRunning: boolean,
): Promise<ApiAnswer> {
  const t0 = performance.now();
  const answer = await member.transition(scheduleId, action, { idempotencyKey: key, switch: switchRunning });
  tally.record(action, answer, performance.now() - t0);
  return answer;
}

/** JSON with sorted keys: a stored answer comes back from jsonb, which keeps no key order */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
const sameAnswer = (a: ApiAnswer, b: ApiAnswer) => a.status === b.status && canonical(a.body) === canonical(b.body);

/** one tab of one member: pick a schedule and an action, sometimes clicking twice or retrying */
async function tab(tally: Tally, member: ApiMember, views: Map<string, ScheduleView>, until: number): Promise<void> {
  const ids = [...views.keys()];
  while (Date.now() < until) {
    const scheduleId = pick(ids);
    const view = views.get(scheduleId)!;
    const action = Math.random() < 0.9 && view.allowedActions.length > 0 ? pick(view.allowedActions) : pick(ACTIONS);
    const switchRunning = Math.random() < 0.5;
    const key = randomUUID();
    let answer: ApiAnswer;
    const roll = Math.random();
    if (roll < 0.15) {
      // a double click: the same request twice at once; one effect, the same answer twice, one of them replayed
      tally.doubleClicks++;
      const [a, b] = await Promise.all([
        send(tally, member, scheduleId, action, key, switchRunning),
        send(tally, member, scheduleId, action, key, switchRunning),
      ]);
      if (!sameAnswer(a, b) || Number(a.replayed) + Number(b.replayed) !== 1) {
        tally.repeatMismatches.push(`double ${action}: ${a.status}/${a.replayed} vs ${b.status}/${b.replayed}`);
      }
      answer = a.replayed ? b : a;
    } else {
      answer = await send(tally, member, scheduleId, action, key, switchRunning);
      if (roll < 0.25) {
        // a retry, as after a lost answer: the same key again gets the first answer back
        tally.retries++;
        const again = await send(tally, member, scheduleId, action, key, switchRunning);
        if (!sameAnswer(answer, again) || !again.replayed) {
          tally.repeatMismatches.push(`retry ${action}: ${answer.status} vs ${again.status}/${again.replayed}`);
        }
      }
    }
    if (answer.status === 200) {
      const schedule = answer.body as ScheduleView & { id: string };
      views.set(scheduleId, {
        state: schedule.state,
        allowedActions: schedule.allowedActions,
        version: schedule.version,
      });
      if (!answer.replayed) {
        tally.effects++;
        const claim = `${scheduleId}@${schedule.version}`;
        tally.versionClaims.set(claim, (tally.versionClaims.get(claim) ?? 0) + 1);
      }
    }
  }
}

async function main() {
  await ensureBuild();
  const embedded = process.env.LOAD_DATABASE === "pglite";
  const database: BenchDatabase = embedded ? await embeddedDatabase() : await postgresDatabase("load");
  const app = await startBenchApp(database.url, "load"); // without Inngest: the sweep below is the only relay
  const relayed = new Map<string, number>();
  let ok = false;
  try {
    console.log(`# npm run load — ${MEMBERS} members × ${TABS} tabs for ${SECONDS} s on ${database.name} (${app.url})`);
    const members = await ApiMember.signUpMany(app.url, "load", MEMBERS);
    const views = await concurrently(MEMBERS, async (i) => {
      const map = new Map<string, ScheduleView>();
      for (let n = 0; n < SCHEDULES_PER_MEMBER; n++) {
        map.set(await members[i]!.createSchedule(`load ${n + 1}`), {
          state: "NOT_STARTED",
          allowedActions: ["start"],
          version: 1,
        });
      }
      return map;
    });

    // the outbox sweep, as the Inngest cron runs it, against a stub transport that counts each id it receives
    const { drainOutbox } = await import("../../lib/services/outbox/drain");
    const stub = async (messages: readonly { id: string }[]) => {
      for (const m of messages) relayed.set(m.id, (relayed.get(m.id) ?? 0) + 1);
    };
    const tally = new Tally();
    const wallMs = await withAppDatabase(database, async () => {
      let sweeping = !embedded; // the embedded server serves one busy connection well: it sweeps at the end only
      const sweeper = (async () => {
        while (sweeping) {
          await drainOutbox(stub);
          await new Promise((r) => setTimeout(r, 500));
        }
      })();
      const started = performance.now();
      const until = Date.now() + SECONDS * 1000;
      await concurrently(MEMBERS * TABS, (i) => tab(tally, members[i % MEMBERS]!, views[i % MEMBERS]!, until));
      const elapsed = performance.now() - started;
      sweeping = false;
      await sweeper;
      while ((await drainOutbox(stub, { maxBatches: 1000 })).sent > 0);
      return elapsed;
    });

    const pool = rawPool(database, 1);
    const invariants = await checkInvariants((sql) => pool.query(sql).then((r) => r.rows));
    const outbox = await pool.query<{ id: string; sentAt: Date | null }>(`SELECT id, "sentAt" FROM outbox_events`);
    await pool.end();
    const unsent = outbox.rows.filter((r) => r.sentAt === null).length;
    const missing = outbox.rows.filter((r) => !relayed.has(r.id)).length;
    const twice = [...relayed.values()].filter((n) => n > 1).length;
    const doubleClaims = [...tally.versionClaims.values()].filter((n) => n > 1).length;

    const latency = summarize(tally.latencies, wallMs);
    console.log(
      `\n${tally.requests} requests in ${fixed(wallMs / 1000)} s (${fixed(latency.perSecond)}/s; p50 ${fixed(latency.p50, 1)} ms, p95 ${fixed(latency.p95, 1)} ms, p99 ${fixed(latency.p99, 1)} ms)`,
    );
    console.log(
      `${tally.effects} transitions took effect; ${tally.doubleClicks} double clicks; ${tally.retries} retries; refusals: ${[...tally.refusals].map(([c, n]) => `${c} ${n}`).join(", ") || "none"}`,
    );
    const checks: [string, number, unknown][] = [
      ...invariants.map((inv): [string, number, unknown] => [inv.name, inv.violations, inv.sample]),
      ["every outbox event relayed (none left unsent)", missing + unsent, { missing, unsent }],
      ["no outbox event relayed twice", twice, {}],
      [
        "outbox rows = transitions that took effect + switch pauses + creations",
        outbox.rows.length < tally.effects + MEMBERS * SCHEDULES_PER_MEMBER ? 1 : 0,
        { rows: outbox.rows.length, effects: tally.effects },
      ],
      ["no two effects answered with one schedule version", doubleClaims, {}],
      [
        "a repeated key answers the first answer, marked replayed",
        tally.repeatMismatches.length,
        tally.repeatMismatches.slice(0, 3),
      ],
      [
        "no unexpected answer (5xx, 4xx other than the two refusals)",
        tally.unexpected.length,
        tally.unexpected.slice(0, 3),
      ],
    ];
    console.log(`\n${table([["invariant", "violations"], ...checks.map(([name, n]) => [name, String(n)])])}`);
    for (const [name, n, sample] of checks) if (n > 0) console.log(`\n✗ ${name}: ${JSON.stringify(sample, null, 2)}`);
    ok = checks.every(([, n]) => n === 0);
    writeFileSync(
      path.join(ARTIFACTS, "load.json"),
      JSON.stringify(
        {
          database: database.name,
          members: MEMBERS,
          tabs: TABS,
          seconds: SECONDS,
          latency,
          effects: tally.effects,
          requests: tally.requests,
          checks,
        },
        null,
        2,
      ),
    );
    console.log(ok ? "\nall invariants hold" : "\nINVARIANTS VIOLATED");
  } finally {
    await app.stop();
    await database.close();
  }
  if (!ok) process.exitCode = 1;
}

await main();
