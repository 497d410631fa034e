// Bearer tokens of POST /api/v1/auth/token: signed, expiring, stateless.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken, verifyAccessToken } from "@/lib/auth/access-token";

const MEMBER = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e";
beforeEach(() => vi.stubEnv("AUTH_SECRET", "unit-test-secret-unit-test-secret-0123456789"));
afterEach(() => vi.unstubAllEnvs());

describe("access tokens", () => {
  it("are Bearer tokens that last an hour", () => {
    const token = issueAccessToken(MEMBER);
    expect(token).toMatchObject({ tokenType: "Bearer", expiresIn: ACCESS_TOKEN_TTL_SECONDS });
    expect(ACCESS_TOKEN_TTL_SECONDS).toBe(3600);
    expect(verifyAccessToken(token.accessToken)).toBe(MEMBER);
  });

  it("expire", () => {
    const issued = new Date("2026-11-25T00:00:00Z");
    const { accessToken } = issueAccessToken(MEMBER, issued);
    expect(verifyAccessToken(accessToken, new Date(issued.getTime() + 3599_000))).toBe(MEMBER);
    expect(verifyAccessToken(accessToken, new Date(issued.getTime() + 3600_000))).toBeNull();
  });

  it("are refused when forged, altered or signed with another secret", () => {
    const { accessToken } = issueAccessToken(MEMBER);
    const [body, signature] = accessToken.split(".") as [string, string];
    const otherBody = Buffer.from(JSON.stringify({ sub: "someone-else", iat: 0, exp: 9e9, typ: "access" })).toString(
      "base64url",
    );
    expect(verifyAccessToken(`${otherBody}.${signature}`)).toBeNull();
    expect(verifyAccessToken(`${body}.${signature.slice(0, -2)}xx`)).toBeNull();
    expect(verifyAccessToken(`${body}`)).toBeNull();
    expect(verifyAccessToken(`${accessToken}.x`)).toBeNull();
    vi.stubEnv("AUTH_SECRET", "another-secret-another-secret-0123456789");
    expect(verifyAccessToken(accessToken)).toBeNull();
  });
});

describe("the session epoch of a token", () => {
  it("is signed into the token (0 when issued for an id alone)", async () => {
    const { readAccessToken } = await import("@/lib/auth/access-token");
    expect(readAccessToken(issueAccessToken({ memberId: MEMBER, sessionEpoch: 2 }).accessToken)).toEqual({
      memberId: MEMBER,
      sessionEpoch: 2,
    });
    expect(readAccessToken(issueAccessToken(MEMBER).accessToken)).toEqual({ memberId: MEMBER, sessionEpoch: 0 });
  });
});
