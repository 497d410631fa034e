// `npm run bench:profile`: where the server's time goes during API transitions. Starts the app with V8's CPU
// profiler on, plays start/pause/resume/complete with PROFILE_CLIENTS clients (default 1) on PostgreSQL, stops
// the app, and prints the functions and packages with the most self time. The raw profile is kept in
// artifacts/profile/ (open it in Chrome DevTools › Performance).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { ensureBuild, startBenchApp } from "./app";
import { ApiMember } from "./api-client";
import { postgresDatabase } from "./databases";
import { fixed, table } from "./measure";
import { apiTransitions } from "./transitions";

const DIR = path.join(process.cwd(), "artifacts/profile");

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** the package (or app folder) a script URL belongs to */
function owner(url: string): string {
  if (!url) return "(native / GC / idle)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes("/.next/server/chunks/")) return "app chunk (.next/server/chunks)";
  if (url.startsWith("node:")) return "node internals";
  return url.replace(/^file:\/\//, "").replace(process.cwd(), ".");
}

async function main() {
  await ensureBuild();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const clients = Number(process.env.PROFILE_CLIENTS ?? 1);
  const database = await postgresDatabase("profile");
  try {
    const app = await startBenchApp(database.url, "profile", { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${DIR}`] });
    try {
      const members = await ApiMember.signUpMany(app.url, "prof", clients);
      await apiTransitions(database, app, members, { clients, cyclesPerClient: 10 }); // warm-up
      const result = await apiTransitions(database, app, members, {
        clients,
        cyclesPerClient: Math.ceil(400 / clients),
      });
      console.log(`${result.count} transitions, ${fixed(result.perSecond)}/s, p50 ${fixed(result.p50, 2)} ms`);
    } finally {
      await app.stop();
    }
  } finally {
    await database.close();
  }

  const files = readdirSync(DIR).filter((f) => f.endsWith(".cpuprofile"));
  const largest = files.sort((a, b) => statSync(path.join(DIR, b)).size - statSync(path.join(DIR, a)).size)[0];
  if (!largest) throw new Error(`no profile written in ${DIR}`);
  const profile = JSON.parse(readFileSync(path.join(DIR, largest), "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)!.callFrame;
    const where = owner(frame.url);
    const name = `${frame.functionName || "(anonymous)"} — ${where}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byOwner.set(where, (byOwner.get(where) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => [k.slice(0, 110), fixed(ms, 0), fixed((100 * ms) / total, 1)]);
  console.log(`\nprofile ${largest}: ${fixed(total / 1000, 2)} s sampled\n`);
  console.log(table([["package / folder", "self ms", "%"], ...top(byOwner, 15)]));
  console.log(`\n${table([["function", "self ms", "%"], ...top(byFunction, 30)])}`);
}

await main();
