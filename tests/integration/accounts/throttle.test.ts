// Throttling of password sign-ins: 5 failures per username or 20 per address within 15 minutes, then 429 with
// Retry-After until the oldest counted failure ages out; kept in the database (a restart changes nothing).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { SIGN_IN_THROTTLE, usernameKey } from "@/lib/services/members/sign-in-throttle";
import { createDb, db } from "@/lib/db/client";
import { signUp } from "@/lib/services/members/sign-up";
import { signInWithPassword } from "@/lib/services/members/sign-in";
import { refusal } from "../../support/fixtures";
import { CookieJar, ORIGIN, authRoutes, call, freshAddress, passwordSignIn, uniqueUsername } from "./helpers";

const PASSWORD = "secret123";
const WINDOW_MS = SIGN_IN_THROTTLE.windowSeconds * 1000;

beforeAll(() => vi.stubEnv("NEXTAUTH_URL", ORIGIN));
afterAll(() => vi.unstubAllEnvs());

async function newMember() {
  const m = await signUp(
    { username: uniqueUsername("thr"), password: PASSWORD, timezone: "UTC" },
    { address: freshAddress() },
  );
  return { id: m.id, username: m.username! };
}
const token = (body: unknown, address: string) =>
  call(tokenRoute, { path: "/api/v1/auth/token", body, headers: { "x-pinit-remote-address": address } });
const wrong = (username: string, address: string, now?: Date) =>
  refusal(signInWithPassword({ username, password: "wrong1234" }, { address }, now));

// every attempt costs one password check (about half a second)
describe("throttling", { timeout: 120_000 }, () => {
  it("refuses a username after 5 failures with 429 and Retry-After, even with the right password", async () => {
    const member = await newMember();
    for (let i = 0; i < 5; i++) {
      const answer = await token({ username: member.username, password: "wrong1234" }, freshAddress());
      expect(answer.status).toBe(401);
    }
    const locked = await token({ username: member.username, password: PASSWORD }, freshAddress());
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(WINDOW_MS / 1000 - 60);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(locked.json).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: expect.stringMatching(/Try again in 15 minutes/),
        details: { retryAfterSeconds: retryAfter },
      },
    });
    // another username from the same addresses is not affected
    const other = await newMember();
    expect((await token({ username: other.username, password: PASSWORD }, freshAddress())).status).toBe(200);
  });

  it("lifts the lock when the oldest failure is 15 minutes old (the reset), and not before", async () => {
    const member = await newMember();
    const t0 = new Date();
    for (let i = 0; i < 5; i++)
      expect((await wrong(member.username, freshAddress(), new Date(t0.getTime() + i * 60_000))).code).toBe(
        "UNAUTHORIZED",
      );
    const attempt = (at: number) =>
      signInWithPassword(
        { username: member.username, password: PASSWORD },
        { address: freshAddress() },
        new Date(t0.getTime() + at),
      );

    const early = await refusal(attempt(WINDOW_MS - 1000));
    expect(early).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: 1 } });
    // the first failure (at t0) has left the window: 4 remain, one more attempt is allowed, and it succeeds
    expect(await attempt(WINDOW_MS + 1)).toEqual({ memberId: member.id, sessionEpoch: 0 });
  });

  it("forgives a username's failures after a successful sign-in", async () => {
    const member = await newMember();
    for (let i = 0; i < 4; i++) await wrong(member.username, freshAddress());
    await signInWithPassword({ username: member.username, password: PASSWORD }, { address: freshAddress() });
    for (let i = 0; i < 4; i++) await wrong(member.username, freshAddress());
    // 4, not 8: still allowed
    expect(
      await signInWithPassword({ username: member.username, password: PASSWORD }, { address: freshAddress() }),
    ).toEqual({
      memberId: member.id,
      sessionEpoch: 0,
    });
  });

  it("refuses an address after 20 failures, whatever the username; other addresses go on", async () => {
    const address = freshAddress();
    for (let i = 0; i < 20; i++) expect((await wrong(uniqueUsername("spray"), address)).code).toBe("UNAUTHORIZED");
    const member = await newMember();
    const locked = await token({ username: member.username, password: PASSWORD }, address);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await token({ username: member.username, password: PASSWORD }, freshAddress())).status).toBe(200);
  });

  it("counts a burst of parallel guesses as it arrives: no more than 5 get a password check", async () => {
    const member = await newMember();
    const results = await Promise.all(Array.from({ length: 8 }, () => wrong(member.username, freshAddress())));
    const codes = results.map((r) => r.code).sort();
    expect(codes.filter((c) => c === "UNAUTHORIZED")).toHaveLength(5);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(3);
  });

  it("keeps the count in the database: a new process (a fresh client) still sees the lock", async () => {
    const member = await newMember();
    for (let i = 0; i < 5; i++) await wrong(member.username, freshAddress());
    const fresh = createDb(process.env.DATABASE_URL);
    try {
      const rows = await fresh.signInFailure.count({ where: { scope: "username", key: usernameKey(member.username) } });
      expect(rows).toBe(5);
    } finally {
      await fresh.$disconnect();
    }
    // the throttle keeps no state in memory: reloading every module changes nothing
    vi.resetModules();
    const reloaded = await import("@/lib/services/members/sign-in");
    const e = await refusal(
      reloaded.signInWithPassword({ username: member.username, password: PASSWORD }, { address: freshAddress() }),
    );
    expect(e.code).toBe("RATE_LIMITED");
    // the username is stored hashed, never as typed
    expect(await db().signInFailure.count({ where: { key: member.username } })).toBe(0);
  });

  it("answers 429 with Retry-After through next-auth too (the sign-in page)", async () => {
    const member = await newMember();
    const routes = authRoutes();
    for (let i = 0; i < 5; i++) {
      const response = await passwordSignIn(
        routes,
        new CookieJar(),
        { username: member.username, password: "wrong1234" },
        freshAddress(),
      );
      expect(response.status).toBe(401);
    }
    const jar = new CookieJar();
    const response = await passwordSignIn(
      routes,
      jar,
      { username: member.username, password: PASSWORD },
      freshAddress(),
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(800);
    const body = (await response.json()) as { url: string; error: { code: string } };
    expect(new URL(body.url).searchParams.get("error")).toBe("RATE_LIMITED");
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(jar.get("next-auth.session-token")).toBeUndefined();
  });

  it("forgets failures older than the window", async () => {
    const member = await newMember();
    const longAgo = new Date(Date.now() - 2 * WINDOW_MS);
    await wrong(member.username, freshAddress(), longAgo);
    expect(
      await db().signInFailure.count({ where: { failedAt: { lte: new Date(Date.now() - WINDOW_MS) } } }),
    ).toBeGreaterThan(0);
    await wrong(uniqueUsername(), freshAddress()); // any attempt sweeps a few expired rows
    expect(await db().signInFailure.count({ where: { failedAt: { lte: new Date(Date.now() - WINDOW_MS) } } })).toBe(0);
  });
});
