// What the reminder status in settings says, from what the browser knows (permission, its own subscription) and
// what the server answered (GET /api/v1/push/status). Plain functions, so that every "no" and the advice it gets
// are tested without a browser. The words are in messages/*/reminders.json under the keys returned here.
import type { ReminderStatusView } from "@/lib/contracts/reminder";

export type BrowserFacts = {
  /** "unsupported": no Notification or Push API in this browser (or not a Home Screen app on iOS) */
  permission: NotificationPermission | "unsupported";
  /** the browser holds a push subscription (or an FCM token) for this site */
  subscribed: boolean;
};

export type CheckName = "permission" | "device" | "keys" | "engine" | "lastSent";
export type Check = {
  name: CheckName;
  ok: boolean;
  /** the key of the state's text under reminders.checks.<name>.states */
  state: string;
  /** the key of the advice under reminders.checks.<name>.fix; null when nothing is to be done */
  fix: string | null;
};

export function reminderChecks(browser: BrowserFacts, server: ReminderStatusView): Check[] {
  const keysOn = server.push.webPush === "on" || server.push.fcm === "on";
  const keysInvalid = server.push.webPush === "invalid" || server.push.fcm === "invalid";
  const engine = server.engine;
  return [
    {
      name: "permission",
      ok: browser.permission === "granted",
      state: browser.permission,
      fix: browser.permission === "granted" ? null : browser.permission,
    },
    browser.subscribed && server.device.subscribed
      ? { name: "device", ok: true, state: "subscribed", fix: null }
      : browser.subscribed
        ? { name: "device", ok: false, state: "unknownToServer", fix: "unknownToServer" }
        : { name: "device", ok: false, state: "notSubscribed", fix: "notSubscribed" },
    keysOn
      ? { name: "keys", ok: true, state: "on", fix: null }
      : { name: "keys", ok: false, state: keysInvalid ? "invalid" : "unset", fix: keysInvalid ? "invalid" : "unset" },
    engine.mode === "off"
      ? { name: "engine", ok: false, state: "off", fix: "off" }
      : engine.reachable
        ? {
            name: "engine",
            ok: engine.waitingEvents === 0,
            state: engine.mode,
            fix: engine.waitingEvents > 0 ? "waiting" : null,
          }
        : { name: "engine", ok: false, state: "unreachable", fix: engine.mode === "dev" ? "devDown" : "cloudDown" },
    server.device.lastSentAt
      ? { name: "lastSent", ok: true, state: "at", fix: null }
      : { name: "lastSent", ok: false, state: "never", fix: server.lastSentAt ? "otherDevice" : "never" },
  ];
}
