// The production app as a child process: `next build`, then `next start` on a free port, ready once GET /
// answers 200. Shared by the e2e run (tests/e2e/global-setup.ts) and the benchmarks (scripts/bench).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules/.bin/next");
const NEXT_SCRIPT = path.join(ROOT, "node_modules/next/dist/bin/next");
const READY_TIMEOUT_MS = 60_000;

export type RunningApp = { url: string; pid: number; stop(): Promise<void> };

export const hasBuild = (): boolean => existsSync(path.join(ROOT, ".next/BUILD_ID"));

/** `next build` with this environment; output goes to `logFile`, whose tail is in the error on failure */
export async function buildApp(env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const log = createWriteStream(logFile);
  const child = spawn(NEXT_BIN, ["build"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see ${logFile}:\n${tail(logFile)}`);
}

/**
 * `next start` on 127.0.0.1 and a free port, resolved once it serves GET / with 200.
 * NODE_ENV is forced to production (vitest sets "test"); NEXTAUTH_URL is the server's own address, since
 * next-auth builds its callback and redirect addresses from it.
 */
export async function startApp(
  env: NodeJS.ProcessEnv,
  logFile: string,
  options: { nodeArgs?: string[] } = {},
): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  // detached: the server gets its own process group, so stop() ends it and anything it spawned
  // node itself runs Next, so that node options such as --cpu-prof (refused in NODE_OPTIONS) can be given
  // the socket-address preload, as `npm start` has it (lib/auth/client-address.ts)
  const preload = ["--require", path.join(ROOT, "scripts/remote-address.cjs")];
  const child = spawn(
    process.execPath,
    [...preload, ...(options.nodeArgs ?? []), NEXT_SCRIPT, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      // the browser tests and the benchmarks sign up many members from this one address: no sign-up limit
      env: {
        SIGNUP_LIMIT_PER_HOUR: "0",
        ...env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: url,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const stop = async () => {
    await stopProcess(child);
    await new Promise<void>((resolve) => log.end(resolve));
  };
  try {
    await waitUntilReady(child, url, logFile);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid: child.pid!, stop };
}

async function waitUntilReady(child: ChildProcess, url: string, logFile: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}); see ${logFile}:\n${tail(logFile)}`);
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
  throw new Error(
    `The app at ${url} was not ready within ${READY_TIMEOUT_MS / 1000} s (${last}); see ${logFile}:\n${tail(logFile)}`,
  );
}

/** SIGTERM to the process group, SIGKILL after 5 s */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function freePort(): Promise<number> {
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

export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
