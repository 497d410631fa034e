// `npm run dev` starts the Inngest dev server beside Next.js and stops it with the app
// (scripts/inngest-dev-server.mjs). The real binary is downloaded by inngest-cli's own install step, which a
// machine without internet cannot do; a stand-in executable takes its place here: it records how it was started
// and listens where it was told, as the real one does.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startInngestDevServer } from "@/scripts/inngest-dev-server.mjs";
import { freePort } from "../support/app-server";

const isListening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

async function until(check: () => Promise<boolean>, ms = 10_000) {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

function standIn(): { cli: string; argsFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "inngest-cli-"));
  const argsFile = path.join(dir, "args.json");
  const cli = path.join(dir, "inngest");
  writeFileSync(
    cli,
    `#!${process.execPath}
const args = process.argv.slice(2);
require("node:fs").writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(args));
const port = Number(args[args.indexOf("--port") + 1]);
require("node:net").createServer((s) => s.end()).listen(port, "127.0.0.1");
`,
  );
  chmodSync(cli, 0o755);
  return { cli, argsFile };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe("the Inngest dev server under npm run dev", () => {
  it("starts where nothing is configured, points the SDK at it, and stops with the app", async () => {
    const { cli, argsFile } = standIn();
    const port = await freePort();
    const env: Record<string, string | undefined> = {};
    const lines: string[] = [];
    const stop = await startInngestDevServer(env, {
      appUrl: "http://localhost:3123",
      cli,
      port,
      log: (l: string) => lines.push(l),
    });
    stops.push(stop);
    expect(env.INNGEST_DEV).toBe(`http://127.0.0.1:${port}`);
    await until(() => isListening(port));
    const args = JSON.parse(readFileSync(argsFile, "utf8")) as string[];
    expect(args.slice(0, 1)).toEqual(["dev"]);
    expect(args).toContain("--no-discovery");
    expect(args[args.indexOf("-u") + 1]).toBe("http://localhost:3123/api/inngest");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Started the Inngest dev server/);

    await stop();
    expect(await isListening(port)).toBe(false);
  });

  it("reuses a dev server that already listens instead of starting a second", async () => {
    const { cli, argsFile } = standIn();
    const port = await freePort();
    const other = net.createServer((s) => s.end()).listen(port, "127.0.0.1");
    stops.push(() => new Promise((r) => other.close(() => r())));
    await until(() => isListening(port));
    const env: Record<string, string | undefined> = {};
    const lines: string[] = [];
    stops.push(
      await startInngestDevServer(env, { appUrl: "http://localhost:3000", cli, port, log: (l) => lines.push(l) }),
    );
    expect(env.INNGEST_DEV).toBe(`http://127.0.0.1:${port}`);
    expect(lines).toEqual([`[inngest] Using the Inngest dev server already on http://127.0.0.1:${port}.`]);
    expect(() => readFileSync(argsFile)).toThrow(); // the stand-in never ran
  });

  it("without the binary, starts nothing and says so in one line; the app's environment is untouched", async () => {
    const port = await freePort();
    const env: Record<string, string | undefined> = {};
    const lines: string[] = [];
    stops.push(
      await startInngestDevServer(env, {
        appUrl: "http://localhost:3000",
        cli: "/nonexistent/inngest",
        port,
        log: (l) => lines.push(l),
      }),
    );
    expect(env).toEqual({});
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Reminders are off/);
  });

  it("leaves a configured Inngest alone", async () => {
    const { cli, argsFile } = standIn();
    const env: Record<string, string | undefined> = { INNGEST_SIGNING_KEY: "signkey-prod-x" };
    const lines: string[] = [];
    stops.push(
      await startInngestDevServer(env, {
        appUrl: "http://localhost:3000",
        cli,
        port: await freePort(),
        log: (l) => lines.push(l),
      }),
    );
    expect(env).toEqual({ INNGEST_SIGNING_KEY: "signkey-prod-x" });
    expect(lines).toEqual([]);
    expect(() => readFileSync(argsFile)).toThrow();
  });
});
