// Notification clicks: Start, Snooze, or open the app (focus an open page and take it to the schedule) (imported by public/sw.js; shares its global scope)
"use strict";

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(onNotificationClick(event.notification.data, event.action));
});

const OCCURRENCE_PATTERN = /^[0-9a-f-]{36}$/;

/**
 * What a click on a notification does: its action on a reminder, else open the app.
 * @param {unknown} value the notification's data
 * @param {string} action "start", "snooze" or "" (the notification itself)
 */
async function onNotificationClick(value, action) {
  const data = value && typeof value === "object" ? /** @type {Record<string, unknown>} */ (value) : {};
  const { key, occurrence, scheduleId } = data;
  const reminder =
    typeof key === "string" && KEY_PATTERN.test(key) && typeof scheduleId === "string" && UUID_PATTERN.test(scheduleId)
      ? {
          key,
          scheduleId,
          url: data.url,
          occurrence: typeof occurrence === "string" && OCCURRENCE_PATTERN.test(occurrence) ? occurrence : null,
        }
      : null;
  if (reminder && action === "start") await start(reminder);
  else if (reminder && action === "snooze") await snooze(reminder);
  else await openApp(data.url);
}

/**
 * The Idempotency-Key of an action on one showing of a reminder: "<reminder key>:<action>:<occurrence>".
 * A notification shown by an older version of this file has no occurrence: its key stays "<key>:<action>".
 * @param {{ key: string, occurrence: string | null }} reminder
 * @param {"start" | "snooze"} action
 */
function actionKey(reminder, action) {
  return reminder.occurrence ? `${reminder.key}:${action}:${reminder.occurrence}` : `${reminder.key}:${action}`;
}

/**
 * "Start": the transition, with the member's session cookie. The key makes a double tap on this notification
 * start once. The app opens either way: on a refusal (signed out, another schedule running, already started
 * from a copy of this reminder) the member sees the schedule and decides there.
 * @param {{ key: string, scheduleId: string, url?: unknown, occurrence: string | null }} reminder
 */
async function start(reminder) {
  await request(
    "POST",
    `/api/v1/schedules/${encodeURIComponent(reminder.scheduleId)}/start`,
    {},
    actionKey(reminder, "start"),
  );
  await openApp(reminder.url);
}

/**
 * "Snooze 10 min": asks the server to remind again in 10 minutes; the key makes a double tap snooze once. If
 * that did not work the app opens instead, so that the reminder is not silently lost.
 * @param {{ key: string, scheduleId: string, url?: unknown, occurrence: string | null }} reminder
 */
async function snooze(reminder) {
  const path = `/api/v1/schedules/${encodeURIComponent(reminder.scheduleId)}/reminder/snooze`;
  const ok = await request("POST", path, { minutes: 10 }, actionKey(reminder, "snooze"));
  if (!ok) await openApp(reminder.url);
}

/**
 * Takes an open Pinit page to `path` and focuses it, or opens `path` in a new one. A page this worker controls
 * is navigated from here; one it does not control (loaded before the worker took over, or hard-reloaded)
 * refuses that, so it is told where to go and components/pwa/register-sw.tsx takes it there.
 */
async function openApp(/** @type {unknown} */ path) {
  const url = appUrl(path);
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const ours = pages.filter((page) => new URL(page.url).origin === self.location.origin);
  const open = ours.find((page) => page.focused) || ours.find((page) => page.visibilityState === "visible") || ours[0];
  if (!open) {
    try {
      await self.clients.openWindow(url);
    } catch (error) {
      console.warn("[pinit] could not open a window", error);
    }
    return;
  }
  let page = open;
  try {
    page = (await open.focus()) || open;
  } catch (error) {
    console.warn("[pinit] could not focus the page", error); // only allowed while handling the click
  }
  try {
    if (await page.navigate(url)) return;
  } catch {
    // not controlled by this worker: the page navigates itself
  }
  page.postMessage({ type: "pinit:open", url });
}

/**
 * A same-origin JSON request with the session cookie; true when it answered 2xx.
 * @param {string} method
 * @param {string} path
 * @param {object} body
 * @param {string} [idempotencyKey]
 */
async function request(method, path, body, idempotencyKey) {
  /** @type {Record<string, string>} */
  const headers = { "Content-Type": "application/json" };
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  try {
    const response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return response.ok;
  } catch (error) {
    console.warn(`[pinit] ${method} ${path} failed`, error);
    return false;
  }
}
