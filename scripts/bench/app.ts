// The app as every bench and the load test run it: the production build (made first when missing), started with
// `next start` on a given database, with a throwaway signing secret and without Inngest (the benches own the
// outbox: a relay of the app's own would race their stub senders). Logs go to artifacts/.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { buildApp, hasBuild, startApp, type RunningApp } from "../../tests/support/app-server";

export const ARTIFACTS = path.join(process.cwd(), "artifacts");

/** `next build` when there is no build yet, or when `rebuild` asks for one */
export async function ensureBuild(rebuild = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (hasBuild() && !rebuild) return;
  console.log("building the app (next build)…");
  await buildApp(
    { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    path.join(ARTIFACTS, "bench-build.log"),
  );
}

/** `next start` on `databaseUrl`; its output goes to artifacts/<name>-server.log */
export function startBenchApp(
  databaseUrl: string,
  name: string,
  options: { nodeArgs?: string[] } = {},
): Promise<RunningApp> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  for (const key of Object.keys(env)) if (key.startsWith("INNGEST_")) delete env[key];
  mkdirSync(ARTIFACTS, { recursive: true });
  return startApp(env, path.join(ARTIFACTS, `${name}-server.log`), options);
}
