// Sign-up (POST /api/v1/auth/signup and the service behind the sign-up page): the limits of domain.md, the
// taken username, what is stored and the member.created event.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/auth/signup/route";
import { MemberView } from "@/lib/contracts/member";
import { db } from "@/lib/db/client";
import { DEFAULT_WORKING_HOURS } from "@/lib/domain/goals/working-hours";
import { signUp } from "@/lib/services/members/sign-up";
import { outboxOf, refusal } from "../../support/fixtures";
import { call, freshAddress, uniqueUsername } from "./helpers";

const signUpBody = (extra: Record<string, unknown> = {}) => ({
  username: uniqueUsername(),
  password: "secret123",
  ...extra,
});
const post = (body: unknown) => call(signUpRoute, { path: "/api/v1/auth/signup", body });

// every sign-up hashes a password (about half a second of CPU)
describe("sign-up", { timeout: 60_000 }, () => {
  it("creates the member (201) with the defaults, and emits member.created with ids only", async () => {
    const body = signUpBody();
    const answer = await post(body);
    expect(answer.status).toBe(201);
    const member = MemberView.parse(answer.json);
    expect(member).toEqual({
      id: member.id,
      username: body.username,
      nickname: body.username,
      timezone: "Asia/Seoul",
      dailyGoalMinutes: 240,
      reminderLeadMinutes: 10,
      locale: "ko",
      workingHours: DEFAULT_WORKING_HOURS,
      bufferMinutes: 10,
      activeScheduleId: null,
    });
    const events = await outboxOf(member.id);
    expect(events.map((e) => e.type)).toEqual(["member.created"]);
    expect(events[0]).toMatchObject({ memberId: member.id, scheduleId: null, taskId: null });

    const row = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(row.passwordHash).not.toContain(body.password);
  });

  it("takes a nickname (trimmed) and a time zone", async () => {
    const answer = await post(signUpBody({ nickname: "  Mina  ", timezone: "Europe/Paris" }));
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ nickname: "Mina", timezone: "Europe/Paris" });
  });

  describe("limits", () => {
    const at = (n: number, ch = "a") => ch.repeat(n);
    /** a fresh username of exactly n characters (a–f and digits) */
    const nameOf = (n: number, prefix = "") => `${prefix}${randomBytes(n).toString("hex")}`.slice(0, n);
    it.each([
      ["username of 4", () => ({ username: nameOf(4) })],
      ["username of 20", () => ({ username: nameOf(20) })],
      ["username with _ and .", () => ({ username: nameOf(12, "a.b_") })],
      ["password of 8", () => ({ password: "abcdefg1" })],
      ["password of 64", () => ({ password: `${at(63)}1` })],
      ["password with non-ASCII letters", () => ({ password: "비밀번호1234" })],
      ["nickname of 1", () => ({ nickname: "M" })],
      ["nickname of 20 (an emoji counts as one)", () => ({ nickname: "🙂".repeat(20) })],
    ])("accepts a %s", async (_, extra) => {
      const answer = await post(signUpBody(extra()));
      expect(answer.status, JSON.stringify(answer.json)).toBe(201);
    });

    it.each([
      ["username of 3", { username: "abc" }, { username: ["must be at least 4 characters"] }],
      ["username of 21", { username: at(21) }, { username: ["must be at most 20 characters"] }],
      [
        "username in capitals",
        { username: "Mina_01" },
        { username: ["may contain only lowercase letters, digits, _ and ."] },
      ],
      [
        "username with a space",
        { username: "mi na" },
        { username: ["may contain only lowercase letters, digits, _ and ."] },
      ],
      ["password of 7", { password: "abcdef1" }, { password: ["must be at least 8 characters"] }],
      ["password of 65", { password: `${at(64)}1` }, { password: ["must be at most 64 characters"] }],
      [
        "password without a digit",
        { password: "abcdefgh" },
        { password: ["must contain at least one letter and one digit"] },
      ],
      [
        "password without a letter",
        { password: "12345678" },
        { password: ["must contain at least one letter and one digit"] },
      ],
      ["blank nickname", { nickname: "   " }, { nickname: ["must not be blank"] }],
      ["nickname of 21", { nickname: at(21) }, { nickname: ["must be at most 20 characters"] }],
      [
        "time zone that is not IANA",
        { timezone: "+09:00" },
        { timezone: ["must be an IANA time zone name such as Asia/Seoul"] },
      ],
      ["unknown field", { role: "admin" }, { role: ["is not a known field"] }],
    ])("refuses a %s with 400 VALIDATION naming the field", async (_, extra, fieldErrors) => {
      const answer = await post(signUpBody(extra));
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        error: { code: "VALIDATION", message: expect.any(String), details: { fieldErrors } },
      });
    });

    it("lists every refused field at once, and creates nothing", async () => {
      const before = await db().member.count();
      const answer = await post({ username: "A", password: "short", nickname: "" });
      expect(answer.status).toBe(400);
      expect(
        Object.keys((answer.json.error as { details: { fieldErrors: object } }).details.fieldErrors).sort(),
      ).toEqual(["nickname", "password", "username"]);
      expect(await db().member.count()).toBe(before);
    });

    it("refuses a missing or malformed body with 400, never 500", async () => {
      for (const body of [undefined, {}, [], "text", { username: 5, password: null }]) {
        const answer = await call(signUpRoute, { method: "POST", path: "/api/v1/auth/signup", body });
        expect(answer.status).toBe(400);
        expect((answer.json.error as { code: string }).code).toBe("VALIDATION");
      }
    });
  });

  describe("a taken username", () => {
    it("answers 409 DUPLICATE on the field username, and changes nothing", async () => {
      const body = signUpBody();
      expect((await post(body)).status).toBe(201);
      const before = await db().member.count();
      const answer = await post({ ...body, password: "another123", nickname: "Someone" });
      expect(answer.status).toBe(409);
      expect(answer.json).toEqual({
        error: {
          code: "DUPLICATE",
          message: "This username is already taken.",
          details: { fieldErrors: { username: ["is already taken"] } },
        },
      });
      expect(await db().member.count()).toBe(before);
    });

    it("lets exactly one of two simultaneous sign-ups have it", async () => {
      const username = uniqueUsername();
      const results = await Promise.allSettled([
        signUp({ username, password: "secret123", timezone: "Asia/Seoul" }, { address: freshAddress() }),
        signUp({ username, password: "secret456", timezone: "Asia/Seoul" }, { address: freshAddress() }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failed = results.find((r) => r.status === "rejected");
      expect((failed as PromiseRejectedResult).reason).toMatchObject({
        code: "DUPLICATE",
        fieldErrors: { username: ["is already taken"] },
      });
      expect(await db().member.count({ where: { username } })).toBe(1);
      const member = await db().member.findUniqueOrThrow({ where: { username } });
      expect((await outboxOf(member.id)).map((e) => e.type)).toEqual(["member.created"]);
    });
  });

  it("the sign-up page's service takes the page's language", async () => {
    const member = await signUp(
      { username: uniqueUsername(), password: "secret123", timezone: "UTC" },
      { locale: "en", address: freshAddress() },
    );
    expect(member.locale).toBe("en");
    const e = await refusal(
      signUp({ username: member.username!, password: "secret123", timezone: "UTC" }, { address: freshAddress() }),
    );
    expect(e.code).toBe("DUPLICATE");
  });
});
