// Cold start (issue 7, "Measure it"): from spawning `node scripts/start.mjs start` (what `npm start` runs) to
// the first HTTP 200 on `/`, on the production build in .next (run `npm run build` first).
//
// Scenarios:
// - embedded-first: no DATABASE_URL, an empty data directory: PGlite creates its files, the migrations run.
// - embedded-warm:  no DATABASE_URL, the data directory of an earlier run: a restart.
// - postgres:       DATABASE_URL names a fresh database on a PostgreSQL server, migrated beforehand.
// The embedded runs use a temporary PGLITE_DIR, a free PGLITE_PORT and their own AUTH_SECRET, so the bench never
// opens, migrates or reuses a user's .data/ (start.mjs reuses whatever server listens on PGLITE_PORT).
//
// Tried and dropped: booting Next while PGlite starts (requests held by instrumentation.ts until the database
// was ready). Both are CPU-bound; on two busy cores the overlap bought nothing (interleaved runs: restart 4.5
// and 3.5 s sequential, 4.7 and 6.7 s overlapped). --script compares such a variant against scripts/start.mjs.
//
// Phases come from the children's output: when the PGlite server said it listens, when the migrations were
// found applied, when Next said "Ready". Each is milliseconds since the spawn.
//
// Standalone: `npx tsx scripts/bench/cold-start.ts [--runs 5] [--script scripts/start.mjs]`; the postgres
// scenario runs when TEST_DATABASE_URL or DATABASE_URL names a server.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { freePort, hasBuild } from "../../tests/support/app-server";
import { createTestDatabase } from "../../tests/support/database";

export type ColdStartScenario = "embedded-first" | "embedded-warm" | "postgres";

export type ColdStartOptions = {
  /** runs per scenario; default 5 */
  runs?: number;
  /** a PostgreSQL server on which a fresh database is made for the postgres scenario; none: that scenario is skipped */
  postgresUrl?: string;
  /** the embedded goal; default 3000 ms */
  goalMs?: number;
  /** the start script, relative to the project; default scripts/start.mjs (another one: to compare a variant) */
  startScript?: string;
};

/** milliseconds since the spawn at which each step was seen done (absent: not seen, e.g. no PGlite for postgres) */
export type ColdStartPhases = { databaseMs?: number; migrationsMs?: number; nextReadyMs?: number };

export type ColdStartRun = { totalMs: number; phases: ColdStartPhases };

export type ColdStartMeasurement = {
  scenario: ColdStartScenario;
  runs: ColdStartRun[];
  medianMs: number;
  /** the median of each phase across the runs */
  medianPhases: ColdStartPhases;
  goalMs: number | null;
  withinGoal: boolean | null;
};

export type ColdStartResult = {
  scenarios: ColdStartMeasurement[];
  /** the machine's 1-minute load average before and after: on a shared 2-core machine it moves the numbers a lot */
  loadAverage: { before: number; after: number };
};

const READY_TIMEOUT_MS = 120_000;
const POLL_MS = 25;

export async function measureColdStart(options: ColdStartOptions = {}): Promise<ColdStartResult> {
  const runs = options.runs ?? 5;
  const goalMs = options.goalMs ?? 3000;
  const script = options.startScript ?? "scripts/start.mjs";
  if (!hasBuild()) throw new Error("no production build in .next: run `npm run build` first");
  const loadBefore = loadavg()[0]!;
  const scratch = await mkdtemp(path.join(tmpdir(), "pinit-cold-start-"));
  const scenarios: ColdStartMeasurement[] = [];
  try {
    // a new data directory each time; the last one is kept for the warm restarts
    const first: ColdStartRun[] = [];
    let dataDir = "";
    for (let i = 0; i < runs; i++) {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      dataDir = path.join(scratch, `pglite-${i}`);
      first.push(await startOnce(script, { PGLITE_DIR: dataDir }));
    }
    scenarios.push(summarize("embedded-first", first, goalMs));

    const warm: ColdStartRun[] = [];
    for (let i = 0; i < runs; i++) warm.push(await startOnce(script, { PGLITE_DIR: dataDir }));
    scenarios.push(summarize("embedded-warm", warm, goalMs));

    if (options.postgresUrl) {
      const database = await createTestDatabase("bench_cold", options.postgresUrl);
      try {
        const onPostgres: ColdStartRun[] = [];
        for (let i = 0; i < runs; i++) onPostgres.push(await startOnce(script, { DATABASE_URL: database.url }));
        scenarios.push(summarize("postgres", onPostgres, null));
      } finally {
        await database.close();
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { scenarios, loadAverage: { before: loadBefore, after: loadavg()[0]! } };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarize(scenario: ColdStartScenario, runs: ColdStartRun[], goalMs: number | null): ColdStartMeasurement {
  const phase = (key: keyof ColdStartPhases) => {
    const seen = runs.map((r) => r.phases[key]).filter((v): v is number => v !== undefined);
    return seen.length ? median(seen) : undefined;
  };
  const medianMs = median(runs.map((r) => r.totalMs));
  return {
    scenario,
    runs,
    medianMs,
    medianPhases: {
      databaseMs: phase("databaseMs"),
      migrationsMs: phase("migrationsMs"),
      nextReadyMs: phase("nextReadyMs"),
    },
    goalMs,
    withinGoal: goalMs === null ? null : medianMs <= goalMs,
  };
}

/** output lines that mark a phase as done (pglite-server.mjs, start.mjs or prisma, next start) */
const MARKERS: [keyof ColdStartPhases, RegExp][] = [
  ["databaseMs", /^PGlite .* on postgresql:\/\//],
  ["migrationsMs", /No pending migrations|successfully applied|migrations are applied/i],
  ["nextReadyMs", /Ready in/],
];

/** one `node scripts/start.mjs start` from spawn to the first 200 on `/`, then stopped as Ctrl-C would */
async function startOnce(
  script: string,
  database: { PGLITE_DIR: string } | { DATABASE_URL: string },
): Promise<ColdStartRun> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...database,
    PGLITE_PORT: String(await freePort()),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!("DATABASE_URL" in database)) delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [script, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    detached: true, // its own process group: a failed run can be cleaned up whole
    stdio: ["ignore", "pipe", "pipe"],
  });
  const phases: ColdStartPhases = {};
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    const at = Math.round(performance.now() - started);
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      output.push(line);
      for (const [phase, marker] of MARKERS)
        if (phases[phase] === undefined && marker.test(line.trim())) phases[phase] = at;
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const url = `http://127.0.0.1:${port}/`;
    while (true) {
      if (child.exitCode !== null)
        throw new Error(`start.mjs exited with ${child.exitCode}:\n${output.slice(-20).join("\n")}`);
      if (performance.now() - started > READY_TIMEOUT_MS)
        throw new Error(`no 200 on ${url} within ${READY_TIMEOUT_MS / 1000} s`);
      const status = await fetch(url, { redirect: "manual" }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return { totalMs: Math.round(performance.now() - started), phases };
  } finally {
    // SIGTERM to start.mjs alone: it stops Next, then the PGlite server, which closes its files cleanly
    if (child.exitCode === null) child.kill("SIGTERM");
    const killer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  }
}

// ---------------------------------------------------------------------------------------------
// Standalone run
// ---------------------------------------------------------------------------------------------

const seconds = (ms: number | undefined) => (ms === undefined ? "–" : `${(ms / 1000).toFixed(2)} s`);

export function formatColdStart(result: ColdStartResult): string {
  const rows = [
    ["scenario", "median", "runs", "database up", "migrated", "next ready", "goal"],
    ...result.scenarios.map((s) => [
      s.scenario,
      seconds(s.medianMs),
      s.runs.map((r) => (r.totalMs / 1000).toFixed(2)).join(" "),
      seconds(s.medianPhases.databaseMs),
      seconds(s.medianPhases.migrationsMs),
      seconds(s.medianPhases.nextReadyMs),
      s.goalMs === null ? "" : `${s.withinGoal ? "yes" : "NO"} (≤ ${seconds(s.goalMs)})`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 || i === 2 || i === 6 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  "),
    )
    .join("\n");
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const runs = arg("--runs") === undefined ? undefined : Number(arg("--runs"));
  const result = await measureColdStart({
    runs,
    startScript: arg("--script"),
    postgresUrl: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL,
  });
  console.log(formatColdStart(result));
  console.log(
    "\nphases: when the PGlite server listened, the migrations were found applied, Next said Ready (since spawn)",
  );
  console.log(
    `load average (1 min): ${result.loadAverage.before.toFixed(2)} before, ${result.loadAverage.after.toFixed(2)} after`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
