// The reminder status's checks (components/push/reminder-status-model.ts): each "no" with its advice, and every
// text they name present in Korean and English.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { reminderChecks, type BrowserFacts } from "@/components/push/reminder-status-model";
import type { ReminderStatusView } from "@/lib/contracts/reminder";
import en from "@/messages/en/reminders.json";
import ko from "@/messages/ko/reminders.json";

const ALL_OK: ReminderStatusView = {
  push: { webPush: "on", fcm: "unset", reason: null },
  engine: { mode: "dev", reachable: true, waitingEvents: 0 },
  device: { subscribed: true, lastSentAt: "2026-12-07T08:00:00.000Z" },
  lastSentAt: "2026-12-07T08:00:00.000Z",
};
const SUBSCRIBED: BrowserFacts = { permission: "granted", subscribed: true };

const byName = (browser: BrowserFacts, server: ReminderStatusView) =>
  Object.fromEntries(reminderChecks(browser, server).map((c) => [c.name, c]));

describe("reminderChecks", () => {
  it("all OK: five checks, nothing to do", () => {
    const checks = reminderChecks(SUBSCRIBED, ALL_OK);
    expect(checks.map((c) => c.name)).toEqual(["permission", "device", "keys", "engine", "lastSent"]);
    expect(checks.every((c) => c.ok && c.fix === null)).toBe(true);
  });

  it("says what to do about each no", () => {
    const blocked = byName({ permission: "denied", subscribed: false }, ALL_OK);
    expect(blocked.permission).toMatchObject({ ok: false, fix: "denied" });
    expect(blocked.device).toMatchObject({ ok: false, fix: "notSubscribed" });
    expect(byName(SUBSCRIBED, { ...ALL_OK, device: { subscribed: false, lastSentAt: null } }).device).toMatchObject({
      ok: false,
      fix: "unknownToServer",
    });
    const noKeys = { ...ALL_OK, push: { webPush: "unset", fcm: "unset", reason: null } } as const;
    expect(byName(SUBSCRIBED, noKeys).keys).toMatchObject({ ok: false, fix: "unset" });
    const fcmOnly = { ...ALL_OK, push: { webPush: "unset", fcm: "on", reason: null } } as const;
    expect(byName(SUBSCRIBED, fcmOnly).keys).toMatchObject({ ok: true });
    const invalid = { ...ALL_OK, push: { webPush: "invalid", fcm: "unset", reason: "web push is off: x" } } as const;
    expect(byName(SUBSCRIBED, invalid).keys).toMatchObject({ ok: false, fix: "invalid" });
    const engine = (e: ReminderStatusView["engine"]) => byName(SUBSCRIBED, { ...ALL_OK, engine: e }).engine;
    expect(engine({ mode: "off", reachable: false, waitingEvents: 3 })).toMatchObject({ ok: false, fix: "off" });
    expect(engine({ mode: "dev", reachable: false, waitingEvents: 0 })).toMatchObject({ ok: false, fix: "devDown" });
    expect(engine({ mode: "cloud", reachable: false, waitingEvents: 0 })).toMatchObject({ fix: "cloudDown" });
    expect(engine({ mode: "cloud", reachable: true, waitingEvents: 2 })).toMatchObject({ ok: false, fix: "waiting" });
    const never = { ...ALL_OK, device: { subscribed: true, lastSentAt: null } };
    expect(byName(SUBSCRIBED, never).lastSent).toMatchObject({ ok: false, fix: "otherDevice" });
    expect(byName(SUBSCRIBED, { ...never, lastSentAt: null }).lastSent).toMatchObject({ fix: "never" });
  });

  it("names only texts that exist in both languages", () => {
    const permissions = ["granted", "default", "denied", "unsupported"] as const;
    const servers: ReminderStatusView[] = [];
    for (const webPush of ["on", "unset", "invalid"] as const)
      for (const mode of ["dev", "cloud", "off"] as const)
        for (const reachable of [true, false])
          for (const waitingEvents of [0, 2])
            for (const subscribed of [true, false])
              for (const last of [null, "2026-12-07T08:00:00.000Z"])
                servers.push({
                  push: { webPush, fcm: "unset", reason: "x" },
                  engine: { mode, reachable, waitingEvents },
                  device: { subscribed, lastSentAt: last },
                  lastSentAt: last ?? (subscribed ? "2026-12-06T08:00:00.000Z" : null),
                });
    for (const [locale, messages] of [
      ["ko", ko],
      ["en", en],
    ] as const) {
      const t = createTranslator({ locale, messages: { reminders: messages }, namespace: "reminders" });
      const say = (key: string) => t(key as never, { reason: "r", count: 2, date: "d" } as never) as string;
      for (const permission of permissions)
        for (const browserSubscribed of [true, false])
          for (const server of servers)
            for (const c of reminderChecks({ permission, subscribed: browserSubscribed }, server)) {
              for (const key of [`checks.${c.name}.label`, `checks.${c.name}.states.${c.state}`]) {
                expect(say(key), `${locale} ${key}`).not.toContain("reminders.");
              }
              if (c.fix) expect(say(`checks.${c.name}.fix.${c.fix}`)).not.toContain("reminders.");
            }
      expect(Object.keys(messages.status).sort()).toEqual(Object.keys(en.status).sort());
    }
  });
});
