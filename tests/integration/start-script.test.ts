// `npm start` (scripts/start.mjs start) on a real DATABASE_URL refuses to start without AUTH_SECRET, in one line,
// before it touches the database; the embedded local install keeps its generated secret.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function start(env: Record<string, string>) {
  const base = { ...process.env };
  delete base.AUTH_SECRET;
  delete base.NEXTAUTH_SECRET;
  return spawnSync(process.execPath, ["scripts/start.mjs", "start"], {
    env: { ...base, ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("npm start", () => {
  it("refuses to start on DATABASE_URL without AUTH_SECRET, saying why in one line", () => {
    // nothing listens there: the refusal must come before any connection attempt
    const run = start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:9/none" });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/AUTH_SECRET is not set/);
  });

  it("on DATABASE_URL without push keys says once that web push is off, and goes on starting", () => {
    const base = { AUTH_SECRET: "a".repeat(32), DATABASE_URL: "postgresql://postgres@127.0.0.1:9/none" };
    const run = start(base);
    const notices = run.stderr.split("\n").filter((l) => l.includes("web push is off"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set/);
    // with keys configured it says nothing about them
    const configured = start({ ...base, VAPID_PUBLIC_KEY: "x", VAPID_PRIVATE_KEY: "y" });
    expect(configured.stderr).not.toMatch(/web push is off/);
  });
});
