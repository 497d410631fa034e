// The throttles' address is not taken from the client: the socket's address (put in a header of our own by the
// server's preload, scripts/remote-address.cjs), and X-Forwarded-For only for TRUST_PROXY_HOPS proxies.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { REMOTE_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { SIGN_IN_THROTTLE } from "@/lib/services/members/sign-in-throttle";
import { call, freshAddress, uniqueUsername } from "./helpers";

afterEach(() => vi.unstubAllEnvs());

describe("the preload", () => {
  it("puts the socket's address in its header, over whatever the client sent under that name", async () => {
    createRequire(import.meta.url)("../../../scripts/remote-address.cjs");
    const server = http.createServer((request, response) => {
      response.end(
        JSON.stringify({
          remote: request.headers[REMOTE_ADDRESS_HEADER],
          forwarded: request.headers["x-forwarded-for"],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [REMOTE_ADDRESS_HEADER]: "198.51.100.1", "x-forwarded-for": "198.51.100.2" },
      });
      expect(await answer.json()).toEqual({ remote: "127.0.0.1", forwarded: "198.51.100.2" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

// every attempt costs one password check
describe("the address limit", { timeout: 180_000 }, () => {
  const attempt = (socket: string, forwarded: string) =>
    call(tokenRoute, {
      path: "/api/v1/auth/token",
      body: { username: uniqueUsername("spoof"), password: "wrong1234" },
      headers: { [REMOTE_ADDRESS_HEADER]: socket, "x-forwarded-for": forwarded },
    });

  it("holds against a client that writes a new X-Forwarded-For on every attempt", async () => {
    const socket = freshAddress();
    for (let i = 0; i < SIGN_IN_THROTTLE.perAddress; i++)
      expect((await attempt(socket, freshAddress())).status).toBe(401);
    expect((await attempt(socket, freshAddress())).status).toBe(429);
  });

  it("counts the address the trusted proxy saw with TRUST_PROXY_HOPS=1", async () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    const proxy = freshAddress();
    const client = freshAddress();
    for (let i = 0; i < SIGN_IN_THROTTLE.perAddress; i++)
      expect((await attempt(proxy, `${freshAddress()}, ${client}`)).status).toBe(401);
    expect((await attempt(proxy, `${freshAddress()}, ${client}`)).status).toBe(429);
    // another client behind the same proxy is its own bucket
    expect((await attempt(proxy, freshAddress())).status).toBe(401);
  });
});
