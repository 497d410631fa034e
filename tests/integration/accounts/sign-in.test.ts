// Password sign-in: through next-auth's Credentials provider (the sign-in page) and POST /api/v1/auth/token.
// Success, failure, what a failure does not tell (which part was wrong; whether the username exists, not
// even by its timing), and the tokens: issuance, use and expiry.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { issueAccessToken } from "@/lib/auth/access-token";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { signUp } from "@/lib/services/members/sign-up";
import { signInWithPassword } from "@/lib/services/members/sign-in";
import { CookieJar, ORIGIN, authRoutes, call, freshAddress, passwordSignIn, uniqueUsername } from "./helpers";

const PASSWORD = "secret123";
let member: { id: string; username: string };
let naverOnly: { id: string };

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  const created = await signUp(
    { username: uniqueUsername("signin"), password: PASSWORD, timezone: "Asia/Seoul" },
    { address: freshAddress() },
  );
  member = { id: created.id, username: created.username! };
  naverOnly = await db().member.create({
    data: { nickname: "naver", accounts: { create: { provider: "naver", providerAccountId: uniqueUsername() } } },
  });
}, 30_000);
afterAll(() => vi.unstubAllEnvs());

const token = (body: unknown, address = freshAddress()) =>
  call(tokenRoute, { path: "/api/v1/auth/token", body, headers: { "x-pinit-remote-address": address } });
const me = (headers: Record<string, string>) => call(meRoute, { path: "/api/v1/me", headers });

describe("POST /api/v1/auth/token", { timeout: 60_000 }, () => {
  it("issues a bearer token that expires, and that /api/v1 accepts", async () => {
    const answer = await token({ username: member.username, password: PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ accessToken: expect.any(String), tokenType: "Bearer", expiresIn: 3600 });
    const mine = await me({ authorization: `Bearer ${answer.json.accessToken as string}` });
    expect(mine.status).toBe(200);
    expect(mine.json.id).toBe(member.id);
  });

  it("does not revoke older tokens when issuing a new one", async () => {
    const first = (await token({ username: member.username, password: PASSWORD })).json.accessToken as string;
    const second = (await token({ username: member.username, password: PASSWORD })).json.accessToken as string;
    expect((await me({ authorization: `Bearer ${first}` })).status).toBe(200);
    expect((await me({ authorization: `Bearer ${second}` })).status).toBe(200);
  });

  it("refuses an expired, forged or foreign token with 401", async () => {
    const expired = issueAccessToken(member.id, new Date(Date.now() - 3601_000)).accessToken;
    const forged = `${expired.split(".")[0]}.${"A".repeat(43)}`;
    const nobody = issueAccessToken("00000000-0000-7000-8000-000000000000").accessToken;
    for (const bearer of [expired, forged, nobody, "garbage", ""]) {
      const answer = await me({ authorization: `Bearer ${bearer}` });
      expect(answer.status).toBe(401);
      expect((answer.json.error as { code: string }).code).toBe("UNAUTHORIZED");
    }
  });

  it("answers 401 with one message for a wrong password, an unknown username and a Naver-only member", async () => {
    const wrongPassword = await token({ username: member.username, password: "wrong1234" });
    const unknownUser = await token({ username: uniqueUsername("nobody"), password: PASSWORD });
    const impossibleUser = await token({ username: "Not A Username\u0000", password: PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser).toEqual({ ...wrongPassword, headers: unknownUser.headers });
    expect(impossibleUser).toEqual({ ...wrongPassword, headers: impossibleUser.headers });
    expect(wrongPassword.json).toEqual({
      error: { code: "UNAUTHORIZED", message: "The username or password is not correct.", details: {} },
    });
    // a member created by Naver has no password: nothing matches it, not even an empty one
    const naverRow = await db().member.findUniqueOrThrow({ where: { id: naverOnly.id } });
    expect(naverRow.passwordHash).toBeNull();
  });

  it("takes as long for an unknown username as for a wrong password (one password check either way)", async () => {
    const timed = async (username: string) => {
      const started = performance.now();
      const answer = await token({ username, password: "wrong1234" });
      expect(answer.status).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await timed(member.username));
      unknown.push(await timed(uniqueUsername("ghost")));
    }
    // Without the decoy check an unknown username would answer in a few milliseconds, about 100 times faster.
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // the successful sign-in above forgave the username's failures; these six must not lock the next tests out
    await signInWithPassword({ username: member.username, password: PASSWORD }, { address: freshAddress() });
  });

  it("refuses a malformed body with 400 (not 401 and not 500)", async () => {
    const answer = await token({ username: "", password: "" });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      error: {
        code: "VALIDATION",
        details: { fieldErrors: { username: ["must not be empty"], password: ["must not be empty"] } },
      },
    });
  });
});

describe("sign-in through next-auth (the sign-in page)", { timeout: 60_000 }, () => {
  const routes = authRoutes();

  it("sets an http-only session cookie that /api/v1 accepts", async () => {
    const jar = new CookieJar();
    const response = await passwordSignIn(
      routes,
      jar,
      { username: member.username, password: PASSWORD },
      freshAddress(),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: `${ORIGIN}/today` });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(response.headers.get("cache-control")).toBe("no-store");

    const cookie = jar.header();
    expect(await authenticate(new Request(`${ORIGIN}/api/v1/me`, { headers: { cookie } }))).toEqual({
      memberId: member.id,
    });
    const mine = await me({ cookie });
    expect(mine.status).toBe(200);
    expect(mine.json.username).toBe(member.username);
  });

  it("refuses a wrong password with next-auth's CredentialsSignin and no session", async () => {
    const jar = new CookieJar();
    const response = await passwordSignIn(
      routes,
      jar,
      { username: member.username, password: "wrong1234" },
      freshAddress(),
    );
    expect(response.status).toBe(401);
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).searchParams.get("error")).toBe("CredentialsSignin");
    expect(jar.get("next-auth.session-token")).toBeUndefined();
  });

  it("refuses a sign-in without the CSRF token", async () => {
    const jar = new CookieJar();
    const { authRequest } = await import("./helpers");
    const response = await authRequest(routes, jar, "/api/auth/callback/credentials", {
      form: { username: member.username, password: PASSWORD, json: "true" },
      headers: { "x-pinit-remote-address": freshAddress() },
    });
    const { url } = (await response.json()) as { url: string };
    expect(url).toContain("csrf=true");
    expect(jar.get("next-auth.session-token")).toBeUndefined();
  });

  it("sends the visitor to Pinit's sign-in page, never next-auth's", async () => {
    const jar = new CookieJar();
    const { authRequest } = await import("./helpers");
    const response = await authRequest(routes, jar, "/api/auth/signin?callbackUrl=%2Fsettings");
    expect(response.status).toBe(302);
    // next-auth makes the callback absolute; the sign-in page takes it only on this origin (lib/auth/redirect.ts)
    expect(response.headers.get("location")).toBe(`/signin?callbackUrl=${encodeURIComponent(`${ORIGIN}/settings`)}`);
  });

  it("is refused when the session cookie is forged or its member is gone", async () => {
    const jar = new CookieJar();
    const doomed = await signUp(
      { username: uniqueUsername("gone"), password: PASSWORD, timezone: "UTC" },
      { address: freshAddress() },
    );
    await passwordSignIn(routes, jar, { username: doomed.username!, password: PASSWORD }, freshAddress());
    const cookie = jar.header();
    expect((await me({ cookie })).status).toBe(200);
    expect((await me({ cookie: cookie.replace(/session-token=([^;]{10})/, "session-token=AAAAAAAAAA") })).status).toBe(
      401,
    );
    await db().member.delete({ where: { id: doomed.id } });
    expect((await me({ cookie })).status).toBe(401);
  });

  it("a bearer header decides alone: a bad token is 401 even with a good cookie", async () => {
    const jar = new CookieJar();
    await passwordSignIn(routes, jar, { username: member.username, password: PASSWORD }, freshAddress());
    expect((await me({ cookie: jar.header(), authorization: "Bearer nonsense" })).status).toBe(401);
  });
});
