// Builds and starts the app once for the e2e run, against a fresh migrated database.
// - E2E_BASE_URL set: test that server instead; nothing is built or started here.
// - E2E_REUSE_BUILD=1 and .next/BUILD_ID present: skip `next build`.
// Output: artifacts/e2e-build.log, artifacts/e2e-server.log.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp, hasBuild, startApp, type RunningApp } from "../support/app-server";
import { createTestDatabase, type TestDatabase } from "../support/database";

const ARTIFACTS = path.join(process.cwd(), "artifacts");

let database: TestDatabase | undefined;
let app: RunningApp | undefined;

export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide("e2eBaseUrl", process.env.E2E_BASE_URL);
    return;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  try {
    database = await createTestDatabase("e2e");
    // The app's environment. DATABASE_URL goes to the child processes only: this process's env is shared
    // with the other projects' setups. NODE_ENV is "test" under vitest; Next must build as production.
    // AUTH_SECRET signs sessions and tokens: a fresh one per run (sessions do not outlive the run).
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    };

    if (process.env.E2E_REUSE_BUILD === "1" && hasBuild()) {
      console.log("[e2e] reusing the existing .next build (E2E_REUSE_BUILD=1)");
    } else {
      const started = Date.now();
      await buildApp(env, path.join(ARTIFACTS, "e2e-build.log"));
      console.log(`[e2e] next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    app = await startApp(env, path.join(ARTIFACTS, "e2e-server.log"));
    project.provide("e2eBaseUrl", app.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function teardown() {
  const running = app;
  app = undefined;
  await running?.stop();
  const db = database;
  database = undefined;
  await db?.close();
}
