import { describe, expect, it } from "vitest";
import {
  MemberView,
  SignUpInput,
  TokenInput,
  TokenResponse,
  UpdateMemberInput,
  TimeZone,
} from "@/lib/contracts/member";
import { DeletePushSubscriptionInput, PushSubscriptionInput } from "@/lib/contracts/push";
import { ID1, accept, refuse } from "./helpers";

describe("TimeZone", () => {
  it.each(["Asia/Seoul", "UTC", "America/New_York", "Etc/GMT+9"])("takes %s", (tz) =>
    expect(accept(TimeZone, tz)).toBe(tz),
  );
  it.each(["", "+09:00", "Mars/Olympus", "Asia/Seoul ", "x".repeat(65)])("refuses %j", (tz) => {
    expect(refuse(TimeZone, tz)._).toBeDefined();
  });
  it("says why", () => {
    expect(refuse(TimeZone, "Mars/Olympus")).toEqual({ _: ["must be an IANA time zone name such as Asia/Seoul"] });
  });
});

describe("SignUpInput", () => {
  const valid = { username: "mina_01", password: "secret123" };
  it("takes a username and password, and defaults the time zone", () => {
    expect(accept(SignUpInput, valid)).toEqual({ ...valid, timezone: "Asia/Seoul" });
    expect(accept(SignUpInput, { ...valid, nickname: " Mina ", timezone: "Europe/Paris" })).toEqual({
      ...valid,
      nickname: "Mina",
      timezone: "Europe/Paris",
    });
  });
  it("username: 4–20 lowercase letters, digits, _ and .", () => {
    expect(accept(SignUpInput, { ...valid, username: "abcd" }).username).toBe("abcd");
    expect(accept(SignUpInput, { ...valid, username: "a".repeat(20) }).username).toHaveLength(20);
    expect(refuse(SignUpInput, { ...valid, username: "abc" })).toEqual({ username: ["must be at least 4 characters"] });
    expect(refuse(SignUpInput, { ...valid, username: "a".repeat(21) })).toEqual({
      username: ["must be at most 20 characters"],
    });
    expect(refuse(SignUpInput, { ...valid, username: "Mina" })).toEqual({
      username: ["may contain only lowercase letters, digits, _ and ."],
    });
  });
  it("password: 8–64 characters with a letter and a digit", () => {
    expect(accept(SignUpInput, { ...valid, password: "abcdefg1" }).password).toBe("abcdefg1");
    expect(accept(SignUpInput, { ...valid, password: `${"a".repeat(63)}1` }).password).toHaveLength(64);
    expect(refuse(SignUpInput, { ...valid, password: "abcdef1" })).toEqual({
      password: ["must be at least 8 characters"],
    });
    expect(refuse(SignUpInput, { ...valid, password: `${"a".repeat(64)}1` })).toEqual({
      password: ["must be at most 64 characters"],
    });
    expect(refuse(SignUpInput, { ...valid, password: "abcdefgh" })).toEqual({
      password: ["must contain at least one letter and one digit"],
    });
    expect(refuse(SignUpInput, { ...valid, password: "12345678" })).toEqual({
      password: ["must contain at least one letter and one digit"],
    });
  });
  it("nickname: 1–20 characters, not blank", () => {
    expect(refuse(SignUpInput, { ...valid, nickname: "   " })).toEqual({ nickname: ["must not be blank"] });
    expect(refuse(SignUpInput, { ...valid, nickname: "n".repeat(21) })).toEqual({
      nickname: ["must be at most 20 characters"],
    });
  });
});

describe("TokenInput", () => {
  it("checks only the lengths", () => {
    expect(accept(TokenInput, { username: "Mina", password: "x" })).toEqual({ username: "Mina", password: "x" });
    expect(refuse(TokenInput, { username: "", password: "" })).toEqual({
      username: ["must not be empty"],
      password: ["must not be empty"],
    });
    expect(refuse(TokenInput, { username: "u".repeat(21), password: "p".repeat(65) })).toEqual({
      username: ["must be at most 20 characters"],
      password: ["must be at most 64 characters"],
    });
  });
});

describe("UpdateMemberInput", () => {
  it("takes any of its fields", () => {
    expect(accept(UpdateMemberInput, {})).toEqual({});
    const all = { nickname: "Mina", timezone: "UTC", dailyGoalMinutes: 1440, reminderLeadMinutes: 0, locale: "en" };
    expect(accept(UpdateMemberInput, all)).toEqual(all);
  });
  it("refuses each field at its limit, all at once", () => {
    expect(
      refuse(UpdateMemberInput, {
        nickname: "",
        timezone: "Nowhere",
        dailyGoalMinutes: 0,
        reminderLeadMinutes: 121,
        locale: "ja",
        username: "x",
      }),
    ).toEqual({
      nickname: ["must not be blank"],
      timezone: ["must be an IANA time zone name such as Asia/Seoul"],
      dailyGoalMinutes: ["must be at least 1"],
      reminderLeadMinutes: ["must be at most 120"],
      locale: ["must be one of ko, en"],
      username: ["is not a known field"],
    });
    expect(refuse(UpdateMemberInput, { dailyGoalMinutes: 1441, reminderLeadMinutes: -1 })).toEqual({
      dailyGoalMinutes: ["must be at most 1440"],
      reminderLeadMinutes: ["must be at least 0"],
    });
  });
});

describe("MemberView and TokenResponse", () => {
  const member = {
    id: ID1,
    username: null,
    nickname: "Mina",
    timezone: "Asia/Seoul",
    dailyGoalMinutes: 240,
    reminderLeadMinutes: 10,
    locale: "ko",
    workingHours: {
      "1": [{ start: "09:00", end: "18:00" }],
      "2": [],
      "3": [],
      "4": [],
      "5": [],
      "6": [],
      "7": [{ start: "22:00", end: "24:00" }],
    },
    bufferMinutes: 10,
    activeScheduleId: null,
  };
  it("describe the answers", () => {
    expect(accept(MemberView, member)).toEqual(member);
    expect(accept(TokenResponse, { accessToken: "t", tokenType: "Bearer", expiresIn: 3600 })).toBeTruthy();
    expect(refuse(TokenResponse, { accessToken: "t", tokenType: "bearer", expiresIn: 3600 })).toHaveProperty(
      "tokenType",
    );
  });
});

describe("push subscriptions", () => {
  const browser = {
    endpoint: "https://push.example.com/send/abc",
    expirationTime: null,
    keys: { p256dh: "BNc…", auth: "tBH…" },
  };
  it("takes a browser's PushSubscription.toJSON()", () => {
    expect(accept(PushSubscriptionInput, browser)).toEqual({
      kind: "webpush",
      endpoint: browser.endpoint,
      keys: browser.keys,
    });
  });
  it("takes { fcmToken }", () => {
    expect(accept(PushSubscriptionInput, { fcmToken: "tok" })).toEqual({ kind: "fcm", fcmToken: "tok" });
  });
  it("refuses both, neither, a missing key, an http endpoint", () => {
    expect(refuse(PushSubscriptionInput, { ...browser, fcmToken: "tok" })).toEqual({
      _: ["give either endpoint and keys, or fcmToken, not both"],
    });
    expect(refuse(PushSubscriptionInput, {})).toEqual({ _: ["give endpoint and keys, or fcmToken"] });
    expect(refuse(PushSubscriptionInput, { endpoint: browser.endpoint })).toEqual({
      keys: ["is required with endpoint"],
    });
    expect(refuse(PushSubscriptionInput, { ...browser, keys: { p256dh: "x" } })).toEqual({
      "keys.auth": ["is required"],
    });
    expect(refuse(PushSubscriptionInput, { ...browser, endpoint: "http://push.example.com/x" })).toEqual({
      endpoint: ["must be an https URL"],
    });
  });
  it("unsubscribe: { endpoint } or { fcmToken }", () => {
    expect(accept(DeletePushSubscriptionInput, { endpoint: browser.endpoint })).toEqual({
      kind: "webpush",
      endpoint: browser.endpoint,
    });
    expect(accept(DeletePushSubscriptionInput, { fcmToken: "tok" })).toEqual({ kind: "fcm", fcmToken: "tok" });
    expect(refuse(DeletePushSubscriptionInput, {})).toEqual({ _: ["give either endpoint or fcmToken"] });
  });
});
