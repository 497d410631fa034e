// Password hashing cannot be used to take the server down: sign-ups are limited per address and hour
// (SIGNUP_LIMIT_PER_HOUR), and every hash goes through one bounded line, so a flood gets 429 with Retry-After.
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/auth/signup/route";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { REMOTE_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { passwordHashQueue } from "@/lib/auth/hash-queue";
import { SIGN_UP_WINDOW_SECONDS } from "@/lib/services/members/sign-up-limit";
import { usernameKey } from "@/lib/services/members/sign-in-throttle";
import { db } from "@/lib/db/client";
import { createTestMember } from "../../support/fixtures";
import { call, freshAddress, uniqueUsername } from "./helpers";

afterEach(() => vi.unstubAllEnvs());

const signUpFrom = (address: string, username = uniqueUsername("lim")) =>
  call(signUpRoute, {
    path: "/api/v1/auth/signup",
    body: { username, password: "secret123" },
    headers: { [REMOTE_ADDRESS_HEADER]: address, "x-forwarded-for": freshAddress() },
  });

describe("the sign-up limit", { timeout: 120_000 }, () => {
  it("refuses an address's sign-ups past SIGNUP_LIMIT_PER_HOUR with 429 and Retry-After, a taken name counting too", async () => {
    vi.stubEnv("SIGNUP_LIMIT_PER_HOUR", "3");
    const taken = (await createTestMember()).username!;
    const address = freshAddress();
    expect((await signUpFrom(address)).status).toBe(201);
    expect((await signUpFrom(address, taken)).status).toBe(409);
    expect((await signUpFrom(address, taken)).status).toBe(409);

    const username = uniqueUsername("lim");
    const refused = await signUpFrom(address, username);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(SIGN_UP_WINDOW_SECONDS - 120);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_UP_WINDOW_SECONDS);
    expect(refused.json).toMatchObject({ error: { code: "RATE_LIMITED", details: { retryAfterSeconds: retryAfter } } });
    expect(await db().member.count({ where: { username } })).toBe(0);

    // a client cannot step out of its bucket with X-Forwarded-For (signUpFrom sends a fresh one each time);
    // another address goes on
    expect((await signUpFrom(freshAddress(), taken)).status).toBe(409);
  });

  it("is off with SIGNUP_LIMIT_PER_HOUR=0", async () => {
    vi.stubEnv("SIGNUP_LIMIT_PER_HOUR", "0");
    const taken = (await createTestMember()).username!;
    const address = freshAddress();
    for (let i = 0; i < 12; i++) expect((await signUpFrom(address, taken)).status).toBe(409);
  });
});

describe("the line of password hashes", { timeout: 300_000 }, () => {
  it("answers a flood of sign-ups beyond its capacity with 429 and Retry-After at once; the rest are created", async () => {
    vi.stubEnv("SIGNUP_LIMIT_PER_HOUR", "0");
    const flood = passwordHashQueue.capacity + 6;
    const answers = await Promise.all(Array.from({ length: flood }, () => signUpFrom(freshAddress())));
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 429);
    expect(created.length + refused.length).toBe(flood);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const answer of refused) {
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(answer.json).toMatchObject({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/busy/) } });
    }
    expect(created.length).toBeGreaterThanOrEqual(passwordHashQueue.capacity - 1);
  });

  it("refuses sign-ins the same way while it is full, without counting them as failures", async () => {
    // the line held full by work that waits for the test to let go
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: passwordHashQueue.capacity }, () => passwordHashQueue.run(() => gate));
    try {
      const username = uniqueUsername("busy");
      const answer = await call(tokenRoute, {
        path: "/api/v1/auth/token",
        body: { username, password: "wrong1234" },
        headers: { [REMOTE_ADDRESS_HEADER]: freshAddress() },
      });
      expect(answer.status).toBe(429);
      expect(answer.json).toMatchObject({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/busy/) } });
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await db().signInFailure.count({ where: { scope: "username", key: usernameKey(username) } })).toBe(0);
    } finally {
      release();
      await Promise.all(holders);
    }
  });
});
