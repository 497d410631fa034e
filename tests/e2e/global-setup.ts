// Builds and starts the app once for the e2e run, against a fresh migrated database.
// - E2E_BASE_URL set: test that server instead; nothing is built or started here.
// - E2E_REUSE_BUILD=1 and .next/BUILD_ID present: skip `next build`.
// Output: artifacts/e2e-build.log, artifacts/e2e-server.log.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase, type TestDatabase } from "../support/database";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules/.bin/next");
const ARTIFACTS = path.join(ROOT, "artifacts");
const BUILD_LOG = path.join(ARTIFACTS, "e2e-build.log");
const SERVER_LOG = path.join(ARTIFACTS, "e2e-server.log");
const READY_TIMEOUT_MS = 60_000;

let database: TestDatabase | undefined;
let server: ChildProcess | undefined;
let serverLog: WriteStream | undefined;

export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide("e2eBaseUrl", process.env.E2E_BASE_URL);
    return;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  try {
    database = await createTestDatabase("e2e");
    // The app's environment. DATABASE_URL goes to the child processes only: this process's env is shared
    // with the other projects' setups. NODE_ENV is "test" under vitest; Next must run as production.
    // AUTH_SECRET signs sessions and tokens: a fresh one per run (sessions do not outlive the run).
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    };

    if (process.env.E2E_REUSE_BUILD === "1" && existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
      console.log("[e2e] reusing the existing .next build (E2E_REUSE_BUILD=1)");
    } else {
      await build(env);
    }

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // next-auth builds its callback and redirect addresses from NEXTAUTH_URL (plain http on 127.0.0.1: cookies
    // without the Secure flag, see lib/auth/session.ts)
    await start(port, { ...env, NEXTAUTH_URL: url });
    await waitUntilReady(url);
    project.provide("e2eBaseUrl", url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function build(env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const log = createWriteStream(BUILD_LOG);
  const child = spawn(NEXT_BIN, ["build"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}); see ${BUILD_LOG}:\n${tail(BUILD_LOG)}`);
  }
  console.log(`[e2e] next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function start(port: number, env: NodeJS.ProcessEnv) {
  serverLog = createWriteStream(SERVER_LOG);
  // detached: the server gets its own process group, so teardown can stop it and anything it spawned
  server = spawn(NEXT_BIN, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.pipe(serverLog, { end: false });
  server.stderr?.pipe(serverLog, { end: false });
}

async function waitUntilReady(url: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (!server || server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`next start exited (${server?.exitCode ?? server?.signalCode}); see ${SERVER_LOG}:\n${tail(SERVER_LOG)}`);
    }
    try {
      const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
      if (res.status === 200) return;
      last = `GET / answered ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app at ${url} was not ready within ${READY_TIMEOUT_MS / 1000} s (${last}); see ${SERVER_LOG}:\n${tail(SERVER_LOG)}`);
}

async function teardown() {
  const child = server;
  server = undefined;
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  if (serverLog) {
    const log = serverLog;
    serverLog = undefined;
    await new Promise<void>((resolve) => log.end(resolve));
  }
  const db = database;
  database = undefined;
  await db?.close();
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
