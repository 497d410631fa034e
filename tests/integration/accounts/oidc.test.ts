// Sign-in with Naver, end to end against a fake provider on 127.0.0.1: the app's /api/auth routes send the
// browser to authorize, take the callback, exchange the code at the token endpoint and read the profile.
// The provider's subject id maps to one member: the first sign-in creates it (member.created), later ones
// find it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { db } from "@/lib/db/client";
import { DEFAULT_NICKNAME, findOrCreateOidcMember, nicknameFrom } from "@/lib/services/members/oidc";
import { outboxOf } from "../../support/fixtures";
import { CookieJar, ORIGIN, authRequest, authRoutes, call, csrfToken, uniqueUsername } from "./helpers";
import { startFakeProvider, type FakeProvider } from "./fake-oauth-provider";

let provider: FakeProvider;
let routes: ReturnType<typeof authRoutes>;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  provider = await startFakeProvider();
  routes = authRoutes({
    naver: { clientId: provider.clientId, clientSecret: provider.clientSecret, endpoints: provider.endpoints },
  });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await provider?.close();
});

/** the browser's part: start at /api/auth/signin/naver, follow the provider's redirect, come back to the callback */
async function signInWithNaver(jar: CookieJar, headers: Record<string, string> = {}) {
  const csrf = await csrfToken(routes, jar);
  const start = await authRequest(routes, jar, "/api/auth/signin/naver", {
    form: { csrfToken: csrf, callbackUrl: "/settings", json: "true" },
    headers,
  });
  const { url: authorizeUrl } = (await start.json()) as { url: string };
  expect(authorizeUrl.startsWith(provider.endpoints.authorization)).toBe(true);

  // the provider's consent screen answers with a redirect back to the app
  const consent = await fetch(authorizeUrl, { redirect: "manual" });
  expect(consent.status).toBe(302);
  const callback = new URL(consent.headers.get("location")!);
  expect(`${callback.origin}${callback.pathname}`).toBe(`${ORIGIN}/api/auth/callback/naver`);

  const done = await authRequest(routes, jar, `${callback.pathname}${callback.search}`, { headers });
  return { authorizeUrl: new URL(authorizeUrl), done };
}

const me = (jar: CookieJar) => call(getMe, { path: "/api/v1/me", headers: { cookie: jar.header() } });

describe("sign-in with Naver against a fake provider", { timeout: 60_000 }, () => {
  it("creates the member on the first sign-in, from the provider's id and nickname, with member.created", async () => {
    const subject = `naver-${uniqueUsername()}`;
    provider.signInAs({ id: subject, nickname: "네이버 민아", email: "mina@example.com" });
    const jar = new CookieJar();
    const { authorizeUrl, done } = await signInWithNaver(jar, { "accept-language": "en-US,en;q=0.9", cookie: "" });

    // authorize: the app's client id, its own callback, a state it checks on the way back
    expect(authorizeUrl.searchParams.get("client_id")).toBe(provider.clientId);
    expect(authorizeUrl.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/callback/naver`);
    expect(authorizeUrl.searchParams.get("state")).toBeTruthy();
    // callback: signed in, sent on to where the sign-in started
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`${ORIGIN}/settings`);
    expect(jar.get("next-auth.session-token")).toBeTruthy();
    // token and profile: the app exchanged the code with its secret, then read the profile with the token
    const tokenCall = provider.requests.findLast((r) => r.path === "/token")!;
    expect(tokenCall.body.grant_type).toBe("authorization_code");
    const userinfoCall = provider.requests.findLast((r) => r.path === "/userinfo");
    expect(
      userinfoCall?.authorization,
      JSON.stringify(provider.requests.map((r) => [r.method, r.path, r.authorization])),
    ).toMatch(/^Bearer /i);

    const account = await db().account.findUniqueOrThrow({
      where: { provider_providerAccountId: { provider: "naver", providerAccountId: subject } },
      include: { member: true },
    });
    expect(account.member).toMatchObject({ nickname: "네이버 민아", username: null, passwordHash: null, locale: "en" });
    expect((await outboxOf(account.memberId)).map((e) => e.type)).toEqual(["member.created"]);

    const answer = await me(jar);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: account.memberId, username: null, nickname: "네이버 민아" });
  });

  it("finds the same member on later sign-ins: one member per subject, one member.created", async () => {
    const subject = `naver-${uniqueUsername()}`;
    provider.signInAs({ id: subject, nickname: "Joon" });
    const first = new CookieJar();
    await signInWithNaver(first);
    provider.signInAs({ id: subject, nickname: "Joon (renamed at Naver)" });
    const second = new CookieJar();
    await signInWithNaver(second);

    const firstMe = await me(first);
    const secondMe = await me(second);
    expect(secondMe.json.id).toBe(firstMe.json.id);
    expect(await db().account.count({ where: { provider: "naver", providerAccountId: subject } })).toBe(1);
    expect((await outboxOf(firstMe.json.id as string)).filter((e) => e.type === "member.created")).toHaveLength(1);
    // the member's own nickname is theirs now: a later sign-in does not overwrite it
    expect(secondMe.json.nickname).toBe("Joon");

    // another subject is another member
    provider.signInAs({ id: `naver-${uniqueUsername()}`, nickname: "Other" });
    const third = new CookieJar();
    await signInWithNaver(third);
    expect((await me(third)).json.id).not.toBe(firstMe.json.id);
  });

  it("takes the browser's time zone for a new member when the sign-in page left it", async () => {
    const subject = `naver-${uniqueUsername()}`;
    provider.signInAs({ id: subject });
    const jar = new CookieJar();
    const { done } = await signInWithNaver(jar, { cookie: "pinit-tz=Europe%2FBerlin" });
    expect(done.status).toBe(302);
    const answer = await me(jar);
    expect(answer.json).toMatchObject({ timezone: "Europe/Berlin", nickname: DEFAULT_NICKNAME });
  });

  it("sends a refused consent back to the sign-in page with an error code, and creates nobody", async () => {
    const before = await db().member.count();
    provider.denyNext();
    const jar = new CookieJar();
    const { done } = await signInWithNaver(jar);
    expect(done.status).toBe(302);
    const location = done.headers.get("location")!;
    expect(location).toMatch(/\/api\/auth\/error\?error=|\/signin\?/);
    expect(jar.get("next-auth.session-token")).toBeUndefined();
    expect(await db().member.count()).toBe(before);
  });

  it("refuses a callback whose state was not issued to this browser", async () => {
    provider.signInAs({ id: `naver-${uniqueUsername()}` });
    const victim = new CookieJar();
    const csrf = await csrfToken(routes, victim);
    const start = await authRequest(routes, victim, "/api/auth/signin/naver", {
      form: { csrfToken: csrf, callbackUrl: "/today", json: "true" },
    });
    const consent = await fetch(((await start.json()) as { url: string }).url, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    // an attacker's browser (no state cookie) replays the callback
    const attacker = new CookieJar();
    const done = await authRequest(routes, attacker, `${callback.pathname}${callback.search}`);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toContain("error=");
    expect(attacker.get("next-auth.session-token")).toBeUndefined();
  });

  it("is offered only when the client id and secret are set", async () => {
    const { authConfigFromEnv, enabledOAuthProviders } = await import("@/lib/auth/options");
    expect(enabledOAuthProviders(authConfigFromEnv({}))).toEqual([]);
    expect(enabledOAuthProviders(authConfigFromEnv({ NAVER_CLIENT_ID: "id" }))).toEqual([]);
    expect(
      enabledOAuthProviders(
        authConfigFromEnv({
          NAVER_CLIENT_ID: "id",
          NAVER_CLIENT_SECRET: "s",
          KAKAO_CLIENT_ID: "k",
          KAKAO_CLIENT_SECRET: "s",
        }),
      ),
    ).toEqual([
      { id: "naver", name: "Naver" },
      { id: "kakao", name: "Kakao" },
    ]);
  });
});

describe("the subject → member mapping itself", () => {
  it("creates one member for two simultaneous first sign-ins of the same subject", async () => {
    const subject = `race-${uniqueUsername()}`;
    const results = await Promise.all([
      findOrCreateOidcMember({ provider: "naver", subject, nickname: "A" }),
      findOrCreateOidcMember({ provider: "naver", subject, nickname: "B" }),
    ]);
    expect(results[0].memberId).toBe(results[1].memberId);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await outboxOf(results[0].memberId)).filter((e) => e.type === "member.created")).toHaveLength(1);
  });

  it("keeps one provider's subject apart from another provider's", async () => {
    const subject = `same-${uniqueUsername()}`;
    const naver = await findOrCreateOidcMember({ provider: "naver", subject });
    const kakao = await findOrCreateOidcMember({ provider: "kakao", subject });
    expect(naver.memberId).not.toBe(kakao.memberId);
  });

  it.each([
    [null, DEFAULT_NICKNAME],
    ["   ", DEFAULT_NICKNAME],
    ["  Mina  ", "Mina"],
    ["a\u0000b\nc", "a b c"],
    ["가".repeat(30), "가".repeat(20)],
    ["🙂".repeat(25), "🙂".repeat(20)],
  ])("makes the provider's name %j a valid nickname %j", (name, nickname) => {
    expect(nicknameFrom(name)).toBe(nickname);
  });
});
