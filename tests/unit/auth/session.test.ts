// The session cookie: its flags, its name, and the token inside (next-auth's encrypted JWT).
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  authCookies,
  cookiesAreSecure,
  decodeSessionToken,
  encodeSessionToken,
  parseCookieHeader,
  sessionTokenFrom,
} from "@/lib/auth/session";

const SECRET = "unit-test-secret-unit-test-secret-0123456789";
const MEMBER = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e";

beforeEach(() => {
  vi.stubEnv("AUTH_SECRET", SECRET);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("cookie flags", () => {
  it("are http-only and SameSite=Lax everywhere", () => {
    for (const secure of [true, false]) {
      for (const cookie of Object.values(authCookies(secure))) {
        expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure });
      }
    }
  });

  it("are Secure (with __Secure-/__Host- names) over https and in production", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://pinit.example");
    expect(cookiesAreSecure()).toBe(true);
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("NODE_ENV", "production");
    expect(cookiesAreSecure()).toBe(true);
    vi.stubEnv("NEXTAUTH_URL", "http://pinit.example"); // production over plain http: still Secure (fails closed)
    expect(cookiesAreSecure()).toBe(true);
    const names = authCookies(true);
    expect(names.sessionToken.name).toBe("__Secure-next-auth.session-token");
    expect(names.csrfToken.name).toBe("__Host-next-auth.csrf-token");
  });

  it("are not Secure on plain http on this machine or in development", () => {
    vi.stubEnv("NODE_ENV", "production");
    for (const url of ["http://127.0.0.1:4123", "http://localhost:3000", "http://[::1]:3000"]) {
      vi.stubEnv("NEXTAUTH_URL", url);
      expect(cookiesAreSecure()).toBe(false);
    }
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("NODE_ENV", "development");
    expect(cookiesAreSecure()).toBe(false);
    expect(authCookies(false).sessionToken.name).toBe("next-auth.session-token");
  });
});

describe("session token", () => {
  it("names the member, and nothing else from a provider", async () => {
    const token = await encodeSessionToken(MEMBER);
    expect(await decodeSessionToken(token)).toBe(MEMBER);
  });

  it("is refused when missing, forged, signed with another secret or expired", async () => {
    expect(await decodeSessionToken(undefined)).toBeNull();
    expect(await decodeSessionToken("")).toBeNull();
    expect(await decodeSessionToken("not-a-jwt")).toBeNull();
    const token = await encodeSessionToken(MEMBER);
    expect(await decodeSessionToken(`${token.slice(0, -4)}AAAA`)).toBeNull();
    const other = await encode({ token: { memberId: MEMBER }, secret: `${SECRET}-other` });
    expect(await decodeSessionToken(other)).toBeNull();
    const expired = await encode({ token: { memberId: MEMBER }, secret: SECRET, maxAge: -60 });
    expect(await decodeSessionToken(expired)).toBeNull();
    const noMember = await encode({ token: { sub: MEMBER }, secret: SECRET });
    expect(await decodeSessionToken(noMember)).toBeNull();
  });

  it("is read from the cookies, whole or in next-auth's numbered chunks", async () => {
    const token = await encodeSessionToken(MEMBER);
    const name = authCookies(false).sessionToken.name;
    expect(
      sessionTokenFrom([
        { name: "other", value: "x" },
        { name, value: token },
      ]),
    ).toBe(token);
    const chunks = [
      { name: `${name}.1`, value: token.slice(10) },
      { name: `${name}.0`, value: token.slice(0, 10) },
    ];
    expect(sessionTokenFrom(chunks)).toBe(token);
    expect(sessionTokenFrom([])).toBeNull();
  });

  it("parses a Cookie header", () => {
    expect(parseCookieHeader('a=1; b="two"; c=x%20y; =bad; d')).toEqual([
      { name: "a", value: "1" },
      { name: "b", value: "two" },
      { name: "c", value: "x y" },
    ]);
    expect(parseCookieHeader(null)).toEqual([]);
  });
});

describe("the session epoch", () => {
  it("is carried by the token; a session from before epochs counts as epoch 0", async () => {
    const { decodeSession } = await import("@/lib/auth/session");
    expect(await decodeSession(await encodeSessionToken({ memberId: MEMBER, sessionEpoch: 3 }))).toEqual({
      memberId: MEMBER,
      sessionEpoch: 3,
    });
    expect(await decodeSession(await encodeSessionToken(MEMBER))).toEqual({ memberId: MEMBER, sessionEpoch: 0 });
    const older = await encode({ token: { sub: MEMBER, memberId: MEMBER }, secret: SECRET });
    expect(await decodeSession(older)).toEqual({ memberId: MEMBER, sessionEpoch: 0 });
    const odd = await encode({ token: { memberId: MEMBER, epoch: -1 }, secret: SECRET });
    expect(await decodeSession(odd)).toBeNull();
  });
});
