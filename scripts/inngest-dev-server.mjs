// The event engine beside `npm run dev`: reminders and the outbox relay run in Inngest, and a fresh install has
// none. When nothing about Inngest is configured, `npm run dev` starts the Inngest dev server (the optional
// dependency inngest-cli, whose binary its own install step downloads) next to Next.js, points the SDK at it and
// stops it with the app. Where it cannot be had (no network at install time, an unsupported platform), the app
// starts anyway and says once how to turn reminders on. Production never comes here: it uses Inngest Cloud or a
// self-hosted Inngest through INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY (README, Reminders).
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import net from "node:net";

export const DEV_SERVER_PORT = 8288;
export const DEFAULT_CLI = "node_modules/inngest-cli/bin/inngest";

/**
 * What to do, decided from the environment and two facts about the machine:
 * - "configured": the member of the team set Inngest up themselves (a key, a base URL or INNGEST_DEV): leave it;
 * - "reuse": a dev server already listens on its port (a second `npm run dev`, or one started by hand);
 * - "start": start the binary;
 * - "missing": no binary; the app runs without reminders and the line says how to get them.
 * @param {Record<string, string | undefined>} env
 * @param {{ listening: boolean, binaryExists: boolean }} machine
 * @returns {"configured" | "reuse" | "start" | "missing"}
 */
export function devServerPlan(env, machine) {
  const set = (name) => Boolean(env[name]?.trim());
  if (set("INNGEST_DEV") || set("INNGEST_BASE_URL") || set("INNGEST_EVENT_KEY") || set("INNGEST_SIGNING_KEY"))
    return "configured";
  if (machine.listening) return "reuse";
  return machine.binaryExists ? "start" : "missing";
}

/** the one line that says reminders are off under `npm run dev`, and how to turn them on */
export function missingLine(appUrl) {
  return (
    `[inngest] Reminders are off: the Inngest dev server (optional dependency inngest-cli) is not installed here. ` +
    `Run \`npx inngest-cli@latest dev -u ${appUrl}/api/inngest\` in a second terminal: the app sends to it as soon as it runs.`
  );
}

/** the port `next dev` serves (-p/--port, else PORT, else 3000) */
export function appPortOf(args, env) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if ((a === "-p" || a === "--port") && args[i + 1]) return Number(args[i + 1]);
    const m = /^(?:-p|--port)=(\d+)$/.exec(a);
    if (m) return Number(m[1]);
  }
  return Number(env.PORT ?? 3000);
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts (or reuses) the dev server when the plan says so and sets INNGEST_DEV in `env` so that the SDK sends
 * to it. Resolves to a function that stops what this call started.
 * @param {Record<string, string | undefined>} env the environment Next.js will get (changed in place)
 * @param {{ appUrl: string, cli?: string, port?: number, log?: (line: string) => void }} options
 */
export async function startInngestDevServer(env, options) {
  const cli = options.cli ?? env.INNGEST_CLI ?? DEFAULT_CLI;
  const port = options.port ?? DEV_SERVER_PORT;
  const log = options.log ?? ((line) => console.log(line));
  const url = `http://127.0.0.1:${port}`;
  const plan = devServerPlan(env, { listening: await listening(port), binaryExists: existsSync(cli) });
  if (plan === "configured") return async () => {};
  if (plan === "missing") {
    log(missingLine(options.appUrl));
    return async () => {};
  }
  env.INNGEST_DEV = url;
  if (plan === "reuse") {
    log(`[inngest] Using the Inngest dev server already on ${url}.`);
    return async () => {};
  }
  mkdirSync(".data", { recursive: true });
  const out = createWriteStream(".data/inngest-dev.log", { flags: "a" });
  const child = spawn(cli, ["dev", "--no-discovery", "-u", `${options.appUrl}/api/inngest`, "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DO_NOT_TRACK: "1" },
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let failed = false;
  const exited = new Promise((resolve) => {
    child.once("exit", resolve);
    child.once("error", (e) => {
      failed = true;
      log(`[inngest] The Inngest dev server did not start (${e.message}): reminders are off.`);
      resolve(null);
    });
  });
  log(`[inngest] Started the Inngest dev server on ${url} (log: .data/inngest-dev.log); reminders run through it.`);
  return async () => {
    if (failed || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
}
