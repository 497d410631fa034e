// `npm run bench`: Pinit's speed against the physical floor, first on PostgreSQL, then on the embedded PGlite.
// Prints tables and writes artifacts/bench.json. docs/benchmarks.md records the numbers and the machine.
// Options (environment): BENCH_DATABASE_URL (the PostgreSQL server; default DATABASE_URL, then the local one),
// BENCH_SCALE (multiplies the transitions per level; default 1), BENCH_ONLY=postgres|pglite, BENCH_BUILD=1
// (rebuild even when .next exists), BENCH_COLD_START=0 (skip the cold starts).
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ApiMember } from "./api-client";
import { ARTIFACTS, ensureBuild, startBenchApp } from "./app";
import { embeddedDatabase, postgresDatabase, postgresServerUrl, type BenchDatabase } from "./databases";
import { fixed, table } from "./measure";
import { formatColdStart, measureColdStart, type ColdStartResult } from "./cold-start";
import { requestFloor, type FrameworkFloor } from "./framework";
import { formatPageWeight, measurePageWeight, type PageWeightResult } from "./page-weight";
import { relayBench, type RelayResult } from "./relay";
import {
  apiTransitions,
  floorMembers,
  floorTransitions,
  levels,
  serviceTransitions,
  type TransitionResult,
} from "./transitions";

const MAX_CLIENTS = 50;

type DatabaseReport = {
  database: BenchDatabase["name"];
  transitions: {
    clients: number;
    api: TransitionResult;
    service: TransitionResult;
    floor: TransitionResult;
    ratio: number;
  }[];
  relay: { app: RelayResult; floor: RelayResult; ratio: number };
  /** GET /api/health at 1 and 20 clients: Next.js alone */
  framework: { clients: number; result: FrameworkFloor }[];
  /** first-load JS of each page (measured once, with the first database's server: it does not depend on it) */
  pageWeight?: PageWeightResult;
};

async function benchDatabase(database: BenchDatabase, withPageWeight: boolean): Promise<DatabaseReport> {
  const app = await startBenchApp(database.url, `bench-${database.name.toLowerCase()}`);
  try {
    console.log(`\n## ${database.name}: app at ${app.url}`);
    const members = await ApiMember.signUpMany(app.url, "bench", MAX_CLIENTS);
    const floorIds = await floorMembers(database, MAX_CLIENTS);
    const serviceIds = await floorMembers(database, MAX_CLIENTS);
    // warm-up: the first requests compile routes and fill caches; they are not measured
    await apiTransitions(database, app, members, { clients: 5, cyclesPerClient: 5 });
    await floorTransitions(database, floorIds, { clients: 5, cyclesPerClient: 5 });
    await serviceTransitions(database, serviceIds, { clients: 5, cyclesPerClient: 5 });

    const transitions: DatabaseReport["transitions"] = [];
    for (const level of levels(Number(process.env.BENCH_SCALE ?? 1))) {
      const floor = await floorTransitions(database, floorIds, level);
      const service = await serviceTransitions(database, serviceIds, level);
      const api = await apiTransitions(database, app, members, level);
      transitions.push({ clients: level.clients, api, service, floor, ratio: api.perSecond / floor.perSecond });
      console.log(
        `  ${level.clients} client(s): API ${fixed(api.perSecond)}/s, service ${fixed(service.perSecond)}/s, floor ${fixed(floor.perSecond)}/s`,
      );
    }
    const framework = [];
    for (const clients of [1, 20])
      framework.push({ clients, result: await requestFloor(app, clients, Math.ceil(1000 / clients)) });
    const relay = await relayBench(database);
    const pageWeight = withPageWeight ? await measurePageWeight({ baseUrl: app.url }) : undefined;
    return {
      database: database.name,
      transitions,
      framework,
      pageWeight,
      relay: { ...relay, ratio: relay.app.perSecond / relay.floor.perSecond },
    };
  } finally {
    await app.stop();
  }
}

/**
 * count, failures, rate, latencies and CPU ms per transition. "client CPU" is the app's processes for the API,
 * and this process for the service (called in-process) and the floor (issuing the SQL).
 */
const row = (r: TransitionResult): string[] => [
  String(r.count),
  String(r.failures),
  fixed(r.perSecond),
  fixed(r.p50, 2),
  fixed(r.p95, 2),
  fixed(r.p99, 2),
  fixed(r.p99 / r.p50, 2),
  fixed(r.clientCpuMs, 2),
  fixed(r.databaseCpuMs, 2),
];

function printReport(report: DatabaseReport) {
  console.log(
    `\n### ${report.database}: transitions (start/pause/resume/complete); latency and CPU per transition in ms`,
  );
  console.log(
    table([
      ["clients", "", "ok", "failed", "per s", "p50", "p95", "p99", "p99/p50", "client CPU", "db CPU", "API ÷ floor"],
      ...report.transitions.flatMap((t) => [
        [String(t.clients), "API", ...row(t.api), fixed(t.ratio, 2)],
        ["", "service", ...row(t.service), ""],
        ["", "floor", ...row(t.floor), ""],
      ]),
    ]),
  );
  console.log(`\n### ${report.database}: Next.js alone (GET /api/health, no database), for comparison`);
  console.log(
    table([
      ["clients", "ok", "per s", "p50", "p95", "p99", "app CPU ms"],
      ...report.framework.map(({ clients, result: r }) => [
        String(clients),
        String(r.count),
        fixed(r.perSecond),
        fixed(r.p50, 2),
        fixed(r.p95, 2),
        fixed(r.p99, 2),
        fixed(r.clientCpuMs, 2),
      ]),
    ]),
  );
  const { app, floor, ratio } = report.relay;
  console.log(`\n### ${report.database}: outbox relay, ${app.events} events`);
  console.log(
    table([
      ["", "events/s", "seconds", "missing", "sent twice", "app ÷ floor"],
      [
        "app drain",
        fixed(app.perSecond, 0),
        fixed(app.seconds, 2),
        String(app.missing),
        String(app.duplicates),
        fixed(ratio, 2),
      ],
      [
        "floor",
        fixed(floor.perSecond, 0),
        fixed(floor.seconds, 2),
        String(floor.missing),
        String(floor.duplicates),
        "",
      ],
    ]),
  );
}

async function main() {
  const only = process.env.BENCH_ONLY;
  await ensureBuild(process.env.BENCH_BUILD === "1");
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  console.log(`# npm run bench — ${new Date().toISOString()}\nmachine: ${machine}`);

  const reports: DatabaseReport[] = [];
  const targets: (() => Promise<BenchDatabase>)[] = [];
  if (only !== "pglite") targets.push(() => postgresDatabase("transitions"));
  if (only !== "postgres") targets.push(() => embeddedDatabase());
  for (const open of targets) {
    const database = await open();
    try {
      reports.push(await benchDatabase(database, reports.length === 0));
    } finally {
      await database.close();
    }
  }
  // every app server of the runs above is stopped: the cold starts have the machine to themselves
  let coldStart: ColdStartResult | undefined;
  if (process.env.BENCH_COLD_START !== "0") {
    console.log("\ncold starts (npm start, 5 runs per scenario)…");
    coldStart = await measureColdStart({ runs: 5, postgresUrl: only === "pglite" ? undefined : postgresServerUrl() });
  }

  for (const report of reports) printReport(report);
  const pageWeight = reports.find((r) => r.pageWeight)?.pageWeight;
  if (pageWeight) console.log(`\n### First-load JavaScript (gzip)\n${formatPageWeight(pageWeight)}`);
  if (coldStart)
    console.log(
      `\n### Cold start: spawn of \`node scripts/start.mjs start\` to the first 200 on /\n${formatColdStart(coldStart)}`,
    );
  writeFileSync(
    path.join(ARTIFACTS, "bench.json"),
    JSON.stringify({ machine, at: new Date().toISOString(), reports, coldStart }, null, 2),
  );
  const failed = reports.some(
    (r) =>
      r.transitions.some((t) => t.api.failures + t.floor.failures > 0) ||
      r.relay.app.missing + r.relay.app.duplicates + r.relay.floor.missing + r.relay.floor.duplicates > 0,
  );
  if (failed) {
    console.error("\nSome transitions failed or some events were lost or sent twice: see above.");
    process.exitCode = 1;
  }
}

await main();
