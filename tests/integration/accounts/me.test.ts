// GET/PATCH /api/v1/me: the member's own profile, the running schedule, the limits, and isolation between
// members (each sees and changes only their own, by token or by session cookie).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMe, PATCH as patchMe } from "@/app/api/v1/me/route";
import { issueAccessToken } from "@/lib/auth/access-token";
import { encodeSessionToken, sessionCookie } from "@/lib/auth/session";
import { MemberView } from "@/lib/contracts/member";
import { db } from "@/lib/db/client";
import { DEFAULT_WORKING_HOURS } from "@/lib/domain/goals/working-hours";
import { createSchedule } from "@/lib/services/schedules/create-schedule";
import { transitionSchedule } from "@/lib/services/schedules/transition-schedule";
import { createTestMember } from "../../support/fixtures";
import { call } from "./helpers";

const bearer = (memberId: string) => ({ authorization: `Bearer ${issueAccessToken(memberId).accessToken}` });
const get = (headers: Record<string, string>) => call(getMe, { path: "/api/v1/me", headers });
const patch = (headers: Record<string, string>, body: unknown) =>
  call(patchMe, { method: "PATCH", path: "/api/v1/me", headers, body });

let mina: { id: string; username: string | null };
let joon: { id: string; username: string | null };

beforeAll(async () => {
  mina = await createTestMember();
  joon = await createTestMember({ timezone: "Europe/Paris" });
});

describe("GET /api/v1/me", () => {
  it("answers the member with the running schedule (not a paused one)", async () => {
    const first = await get(bearer(mina.id));
    expect(first.status).toBe(200);
    expect(MemberView.parse(first.json)).toEqual({
      id: mina.id,
      username: mina.username,
      nickname: "tester",
      timezone: "Asia/Seoul",
      dailyGoalMinutes: 240,
      reminderLeadMinutes: 10,
      locale: "ko",
      workingHours: DEFAULT_WORKING_HOURS,
      bufferMinutes: 10,
      activeScheduleId: null,
    });

    const now = new Date();
    const schedule = await createSchedule(mina.id, { title: "Write", startAt: now, type: "DEEP_WORK" }, now);
    await transitionSchedule(mina.id, schedule.id, "start", { now });
    expect((await get(bearer(mina.id))).json.activeScheduleId).toBe(schedule.id);
    await transitionSchedule(mina.id, schedule.id, "pause", { now: new Date(now.getTime() + 1000) });
    expect((await get(bearer(mina.id))).json.activeScheduleId).toBeNull();
  });

  it("accepts the browser's session cookie as well as a bearer token", async () => {
    const cookie = `${sessionCookie().name}=${await encodeSessionToken(joon.id)}`;
    const answer = await get({ cookie });
    expect(answer.status).toBe(200);
    expect(answer.json.id).toBe(joon.id);
  });
});

describe("PATCH /api/v1/me", () => {
  it("changes any of the fields and answers the member", async () => {
    const changes = [
      { nickname: "  Mina  " },
      { timezone: "America/New_York" },
      { dailyGoalMinutes: 1440 },
      { dailyGoalMinutes: 1 },
      { reminderLeadMinutes: 0 },
      { reminderLeadMinutes: 120 },
      { locale: "en" },
      {},
    ];
    for (const change of changes) {
      const answer = await patch(bearer(mina.id), change);
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    }
    const after = await get(bearer(mina.id));
    expect(after.json).toMatchObject({
      nickname: "Mina",
      timezone: "America/New_York",
      dailyGoalMinutes: 1,
      reminderLeadMinutes: 120,
      locale: "en",
    });
  });

  it.each([
    [{ nickname: "" }, { nickname: ["must not be blank"] }],
    [{ nickname: "n".repeat(21) }, { nickname: ["must be at most 20 characters"] }],
    [{ timezone: "Mars/Olympus" }, { timezone: ["must be an IANA time zone name such as Asia/Seoul"] }],
    [{ dailyGoalMinutes: 0 }, { dailyGoalMinutes: ["must be at least 1"] }],
    [{ dailyGoalMinutes: 1441 }, { dailyGoalMinutes: ["must be at most 1440"] }],
    [{ dailyGoalMinutes: 2.5 }, { dailyGoalMinutes: ["must be a whole number"] }],
    [{ reminderLeadMinutes: -1 }, { reminderLeadMinutes: ["must be at least 0"] }],
    [{ reminderLeadMinutes: 121 }, { reminderLeadMinutes: ["must be at most 120"] }],
    [{ locale: "ja" }, { locale: ["must be one of ko, en"] }],
    [{ username: "newname" }, { username: ["is not a known field"] }],
  ])("refuses %j with 400 naming the field, and changes nothing", async (change, fieldErrors) => {
    const before = await db().member.findUniqueOrThrow({ where: { id: joon.id } });
    const answer = await patch(bearer(joon.id), change);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: "VALIDATION", details: { fieldErrors } } });
    expect(await db().member.findUniqueOrThrow({ where: { id: joon.id } })).toEqual(before);
  });
});

describe("isolation", () => {
  it("shows and changes only the caller's own member", async () => {
    const a = await createTestMember();
    const b = await createTestMember();
    expect((await get(bearer(a.id))).json.id).toBe(a.id);
    expect((await get(bearer(b.id))).json.id).toBe(b.id);

    await patch(bearer(a.id), { nickname: "Alpha", dailyGoalMinutes: 30 });
    const bAfter = await get(bearer(b.id));
    expect(bAfter.json).toMatchObject({ id: b.id, nickname: "tester", dailyGoalMinutes: 240 });

    // no field of the body can name another member
    const sneaky = await patch(bearer(a.id), { id: b.id, nickname: "Mallory" });
    expect(sneaky.status).toBe(400);
    expect((await get(bearer(b.id))).json.nickname).toBe("tester");

    // another member's running schedule is not mine
    const now = new Date();
    const s = await createSchedule(b.id, { title: "B's", startAt: now, type: "QUICK_TASK" }, now);
    await transitionSchedule(b.id, s.id, "start", { now });
    expect((await get(bearer(a.id))).json.activeScheduleId).toBeNull();
    expect((await get(bearer(b.id))).json.activeScheduleId).toBe(s.id);
  });
});
