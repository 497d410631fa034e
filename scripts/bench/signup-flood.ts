// npm run bench:signup-flood — does a flood of sign-ups starve the rest of the app? GET /api/v1/me latency
// (4 clients, one bearer token) first idle, then while 50 sign-ups arrive at once (every sign-up costs a scrypt of
// 128 MiB and ~0.5 s, through the bounded line of lib/auth/hash-queue.ts). The issue's bar: /me p95 during the
// flood within 5× its idle p95. SIGNUP_LIMIT_PER_HOUR is off in the bench app (tests/support/app-server.ts), so
// the line alone is measured. Results: docs/benchmarks.md.
import { randomBytes } from "node:crypto";
import { availableParallelism, cpus } from "node:os";
import { ensureBuild, startBenchApp } from "./app";
import { postgresDatabase } from "./databases";
import { fixed, summarize, table, type Summary } from "./measure";

const FLOOD = Number(process.env.FLOOD_SIGNUPS ?? 50);
const READERS = 4;
const IDLE_SECONDS = Number(process.env.FLOOD_IDLE_SECONDS ?? 10);

async function json(
  url: string,
  init: RequestInit,
): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    retryAfter: res.headers.get("retry-after"),
  };
}

const credentials = (label: string) => ({
  username: `${label}_${randomBytes(5).toString("hex")}`.slice(0, 20),
  password: `a1${randomBytes(12).toString("hex")}`,
});

async function signUp(baseUrl: string, label: string) {
  const started = performance.now();
  const answer = await json(`${baseUrl}/api/v1/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials(label)),
  });
  return { ...answer, ms: performance.now() - started };
}

/** GET /me from `READERS` clients until `until()` says stop; the latencies */
async function readMe(
  baseUrl: string,
  authorization: string,
  until: () => boolean,
): Promise<{ latencies: number[]; wallMs: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!until()) {
        const t = performance.now();
        const res = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization } });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.status !== 200) errors++;
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started, errors };
}

async function main() {
  await ensureBuild(process.env.BENCH_BUILD === "1");
  const database = await postgresDatabase("signup_flood");
  const app = await startBenchApp(database.url, "signup-flood");
  try {
    console.log(
      `# npm run bench:signup-flood — ${FLOOD} sign-ups at once vs GET /me (${READERS} clients) on ${database.name}`,
    );
    console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
    const me = credentials("reader");
    const created = await json(`${app.url}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(me),
    });
    if (created.status !== 201) throw new Error(`sign-up answered ${created.status}`);
    const token = await json(`${app.url}/api/v1/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(me),
    });
    const authorization = `Bearer ${String(token.body.accessToken)}`;

    // warm-up, then idle
    const warmUntil = Date.now() + 2000;
    await readMe(app.url, authorization, () => Date.now() > warmUntil);
    const idleUntil = Date.now() + IDLE_SECONDS * 1000;
    const idle = await readMe(app.url, authorization, () => Date.now() > idleUntil);

    // the flood: every sign-up at once, /me read until the last one has its answer
    let settled = false;
    const floodStarted = performance.now();
    const signUps = Promise.all(Array.from({ length: FLOOD }, (_, i) => signUp(app.url, `flood${i}`))).finally(
      () => (settled = true),
    );
    const during = await readMe(app.url, authorization, () => settled);
    const answers = await signUps;
    const floodMs = performance.now() - floodStarted;

    const idleSummary = summarize(idle.latencies, idle.wallMs);
    const floodSummary = summarize(during.latencies, during.wallMs);
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const refused = answers.filter((a) => a.status === 429);
    const accepted = answers.filter((a) => a.status === 201);
    const row = (name: string, s: Summary, errors: number) => [
      name,
      String(s.count),
      fixed(s.perSecond, 0),
      fixed(s.p50),
      fixed(s.p95),
      fixed(s.p99),
      String(errors),
    ];
    console.log();
    console.log(
      table([
        ["GET /api/v1/me", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-200"],
        row("idle", idleSummary, idle.errors),
        row(`during ${FLOOD} sign-ups`, floodSummary, during.errors),
      ]),
    );
    const ratio = floodSummary.p95 / idleSummary.p95;
    console.log();
    console.log(`sign-ups: ${[...byStatus].map(([s, n]) => `${n}× ${s}`).join(", ")} in ${fixed(floodMs / 1000, 2)} s`);
    if (accepted.length)
      console.log(
        `  201 latency p50 ${fixed(
          summarize(
            accepted.map((a) => a.ms),
            floodMs,
          ).p50,
        )} ms, max ${fixed(Math.max(...accepted.map((a) => a.ms)))} ms`,
      );
    if (refused.length) {
      console.log(
        `  429 latency p50 ${fixed(
          summarize(
            refused.map((a) => a.ms),
            floodMs,
          ).p50,
        )} ms, Retry-After ${[...new Set(refused.map((a) => a.retryAfter))].join("/")} s`,
      );
    }
    console.log(
      `/me p95 during the flood ÷ idle p95 = ${fixed(ratio, 2)} (bar: ≤ 5) — ${ratio <= 5 ? "PASS" : "FAIL"}`,
    );
    if (ratio > 5 || answers.some((a) => a.status !== 201 && a.status !== 429)) process.exitCode = 1;
  } finally {
    await app.stop();
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
