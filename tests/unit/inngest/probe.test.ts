// Where the reminder status asks whether the event engine answers (inngest/probe.ts), and that it asks at most
// every 15 seconds.
import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inngestMode } from "@/inngest/mode";
import { engineReachable, engineUrl, forgetEngineProbes } from "@/inngest/probe";

let hits = 0;
let server: http.Server;
let url = "";
beforeAll(async () => {
  server = http.createServer((_q, r) => {
    hits++;
    r.writeHead(401).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  forgetEngineProbes();
  hits = 0;
});

describe("engineUrl", () => {
  it.each([
    [{ NODE_ENV: "development" }, "http://127.0.0.1:8288/"],
    [{ INNGEST_DEV: "1" }, "http://127.0.0.1:8288/"],
    [{ INNGEST_DEV: "http://dev.local:8288" }, "http://dev.local:8288"],
    [{ INNGEST_DEV: "1", INNGEST_BASE_URL: "http://inngest:8288" }, "http://inngest:8288"],
    [{ INNGEST_SIGNING_KEY: "signkey-prod-x" }, "https://inn.gs/"],
    [{ INNGEST_SIGNING_KEY: "k", INNGEST_EVENT_API_BASE_URL: "https://events.example" }, "https://events.example"],
    [{}, null],
  ])("%j → %s", (env, expected) => {
    expect(engineUrl(inngestMode(env), env)).toBe(expected);
  });
});

describe("engineReachable", () => {
  it("counts any HTTP answer as reachable, and asks again only after 15 seconds", async () => {
    const now = Date.now();
    expect(await engineReachable(url, 2_000, now)).toBe(true);
    expect(await engineReachable(url, 2_000, now + 14_000)).toBe(true);
    expect(hits).toBe(1);
    expect(await engineReachable(url, 2_000, now + 16_000)).toBe(true);
    expect(hits).toBe(2);
  });

  it("is false where nothing listens, and with no engine at all", async () => {
    expect(await engineReachable("http://127.0.0.1:9/", 2_000)).toBe(false);
    expect(await engineReachable(null)).toBe(false);
  });
});
