// Sessions can be ended: "sign out everywhere" and a password change raise the member's session epoch, and every
// session cookie (next-auth's) and API token issued before stops working at once; new sign-ins work.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as changePasswordRoute } from "@/app/api/v1/me/password/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { DELETE as endSessionsRoute } from "@/app/api/v1/me/sessions/route";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { REMOTE_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { endAllSessions } from "@/lib/services/members/sessions";
import { signUp } from "@/lib/services/members/sign-up";
import { createTestMember } from "../../support/fixtures";
import { CookieJar, ORIGIN, authRoutes, call, freshAddress, passwordSignIn, uniqueUsername } from "./helpers";

const PASSWORD = "secret123";

beforeAll(() => vi.stubEnv("NEXTAUTH_URL", ORIGIN));
afterAll(() => vi.unstubAllEnvs());

async function newMember() {
  const m = await signUp(
    { username: uniqueUsername("ses"), password: PASSWORD, timezone: "UTC" },
    { address: freshAddress() },
  );
  return { id: m.id, username: m.username! };
}
async function tokenFor(username: string, password = PASSWORD) {
  const answer = await call(tokenRoute, {
    path: "/api/v1/auth/token",
    body: { username, password },
    headers: { [REMOTE_ADDRESS_HEADER]: freshAddress() },
  });
  return { status: answer.status, authorization: `Bearer ${String(answer.json.accessToken)}` };
}
/** a browser session made by next-auth's password sign-in, as the sign-in page makes it */
async function browserSession(username: string, password = PASSWORD) {
  const jar = new CookieJar();
  const response = await passwordSignIn(authRoutes(), jar, { username, password }, freshAddress());
  expect(response.status).toBe(200);
  return jar.header();
}
const me = (headers: Record<string, string>) => call(getMe, { path: "/api/v1/me", headers });
const changePassword = (headers: Record<string, string>, body: unknown) =>
  call(changePasswordRoute, {
    path: "/api/v1/me/password",
    body,
    headers: { [REMOTE_ADDRESS_HEADER]: freshAddress(), ...headers },
  });

// every sign-in and password change costs a password hash or two
describe("sign out everywhere", { timeout: 120_000 }, () => {
  it("ends every session cookie and API token of the member; new sign-ins work", async () => {
    const member = await newMember();
    const token = await tokenFor(member.username);
    const cookie = await browserSession(member.username);
    expect((await me({ authorization: token.authorization })).status).toBe(200);
    expect((await me({ cookie })).status).toBe(200);

    const ended = await call(endSessionsRoute, {
      method: "DELETE",
      path: "/api/v1/me/sessions",
      headers: { authorization: token.authorization },
    });
    expect(ended.status).toBe(204);

    expect((await me({ authorization: token.authorization })).status).toBe(401);
    expect((await me({ cookie })).status).toBe(401);
    const again = await tokenFor(member.username);
    expect((await me({ authorization: again.authorization })).status).toBe(200);
    expect((await me({ cookie: await browserSession(member.username) })).status).toBe(200);
  });

  it("ends only that member's sessions", async () => {
    const [a, b] = [await createTestMember(), await createTestMember()];
    const { issueAccessToken } = await import("@/lib/auth/access-token");
    await endAllSessions(a.id);
    expect((await me({ authorization: `Bearer ${issueAccessToken(a.id).accessToken}` })).status).toBe(401);
    expect((await me({ authorization: `Bearer ${issueAccessToken(b.id).accessToken}` })).status).toBe(200);
  });
});

describe("changing the password", { timeout: 180_000 }, () => {
  it("needs the current password, then ends every session and token; the new password signs in, the old one not", async () => {
    const member = await newMember();
    const token = await tokenFor(member.username);
    const cookie = await browserSession(member.username);

    const wrong = await changePassword(
      { authorization: token.authorization },
      { currentPassword: "wrong1234", newPassword: "another456" },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({
      error: { code: "VALIDATION", details: { fieldErrors: { currentPassword: ["is not correct"] } } },
    });
    expect((await me({ authorization: token.authorization })).status).toBe(200);

    const weak = await changePassword(
      { authorization: token.authorization },
      { currentPassword: PASSWORD, newPassword: "short" },
    );
    expect(weak.status).toBe(400);
    expect(Object.keys((weak.json.error as { details: { fieldErrors: object } }).details.fieldErrors)).toEqual([
      "newPassword",
    ]);

    const changed = await changePassword(
      { authorization: token.authorization },
      { currentPassword: PASSWORD, newPassword: "another456" },
    );
    expect(changed.status).toBe(204);
    expect((await me({ authorization: token.authorization })).status).toBe(401);
    expect((await me({ cookie })).status).toBe(401);
    expect((await tokenFor(member.username, PASSWORD)).status).toBe(401);
    const fresh = await tokenFor(member.username, "another456");
    expect(fresh.status).toBe(200);
    expect((await me({ authorization: fresh.authorization })).status).toBe(200);
  });

  it("is refused for a member without a password (Naver/Kakao only)", async () => {
    const member = await db().member.create({ data: { nickname: "oidc" } });
    const { issueAccessToken } = await import("@/lib/auth/access-token");
    const answer = await changePassword(
      { authorization: `Bearer ${issueAccessToken(member.id).accessToken}` },
      { currentPassword: "anything1", newPassword: "another456" },
    );
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      error: { details: { fieldErrors: { currentPassword: [expect.stringMatching(/is not set/)] } } },
    });
  });

  it("lets exactly one of two changes at once win (two tabs)", async () => {
    const member = await newMember();
    const token = await tokenFor(member.username);
    const [first, second] = await Promise.all([
      changePassword({ authorization: token.authorization }, { currentPassword: PASSWORD, newPassword: "first1234" }),
      changePassword({ authorization: token.authorization }, { currentPassword: PASSWORD, newPassword: "second1234" }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(204);
    // the loser either saw the winner's hash (its current password no longer right) or lost the write (CONFLICT)
    expect([400, 409]).toContain(statuses[1]);
    const winner = first.status === 204 ? "first1234" : "second1234";
    const row = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect(await verifyPassword(winner, row.passwordHash!)).toBe(true);
    expect(row.sessionEpoch).toBe(1);
  });
});
