// Cookie-authenticated writes to /api/v1 check Origin: a cross-site or sibling-origin POST/PATCH/DELETE that
// carries only the session cookie is refused; the same write from the app's origin, and bearer calls, go through.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PATCH as patchMe } from "@/app/api/v1/me/route";
import { POST as createTask } from "@/app/api/v1/tasks/route";
import { issueAccessToken } from "@/lib/auth/access-token";
import { encodeSessionToken, sessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createTestMember } from "../../support/fixtures";
import { ORIGIN, call } from "./helpers";

beforeAll(() => vi.stubEnv("NEXTAUTH_URL", ORIGIN));
afterAll(() => vi.unstubAllEnvs());

async function cookieOf(memberId: string) {
  return `${sessionCookie().name}=${await encodeSessionToken(memberId)}`;
}

describe("a write carried by the session cookie", () => {
  it.each([
    ["another site", { origin: "https://evil.example" }],
    ["a sibling subdomain", { origin: "http://evil.pinit.test" }],
    ["another port of the same host", { origin: "http://pinit.test:8080" }],
    ["an opaque origin", { origin: "null" }],
    ["no Origin and a cross-site fetch", { "sec-fetch-site": "cross-site" }],
    ["no Origin and a same-site (sibling) fetch", { "sec-fetch-site": "same-site" }],
    ["neither header", {}],
  ])("is refused from %s, and changes nothing", async (_, headers) => {
    const member = await createTestMember();
    const cookie = await cookieOf(member.id);
    const patch = await call(patchMe, {
      method: "PATCH",
      path: "/api/v1/me",
      body: { nickname: "Hacked" },
      headers: { cookie, ...headers },
    });
    expect(patch.status).toBe(401);
    expect(patch.json).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    const post = await call(createTask, {
      path: "/api/v1/tasks",
      body: { title: "spam" },
      headers: { cookie, ...headers },
    });
    expect(post.status).toBe(401);
    const row = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.nickname).toBe("tester");
    expect(await db().task.count({ where: { memberId: member.id } })).toBe(0);
  });

  it("goes through from the app's own origin (or a same-origin fetch without Origin)", async () => {
    const member = await createTestMember();
    const cookie = await cookieOf(member.id);
    const ours = await call(patchMe, {
      method: "PATCH",
      path: "/api/v1/me",
      body: { nickname: "Mine" },
      headers: { cookie, origin: ORIGIN },
    });
    expect(ours.status).toBe(200);
    const fetched = await call(patchMe, {
      method: "PATCH",
      path: "/api/v1/me",
      body: { nickname: "Mine2" },
      headers: { cookie, "sec-fetch-site": "same-origin" },
    });
    expect(fetched.status).toBe(200);
  });

  it("does not concern bearer-token calls, from anywhere", async () => {
    const member = await createTestMember();
    const { accessToken } = issueAccessToken(member.id);
    const answer = await call(patchMe, {
      method: "PATCH",
      path: "/api/v1/me",
      body: { nickname: "Token" },
      headers: { authorization: `Bearer ${accessToken}`, origin: "https://elsewhere.example" },
    });
    expect(answer.status).toBe(200);
  });
});
