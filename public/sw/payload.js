// Reminder payloads: validated by hand, with the same rules as lib/push/payload.ts (imported by public/sw.js; shares its global scope)
"use strict";

/**
 * @typedef {{ key: string, kind: "reminder", scheduleId: string, title: string, startAt: string, url: string }} Reminder
 */

const KEY_PATTERN = /^reminder:[A-Za-z0-9._:-]+$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;
const PATH_PATTERN = /^\/(?![/\\])[^\s\\]*$/;

/**
 * The push's JSON: the payload itself (web push), or FCM's envelope with the payload as text in data.pinit.
 * @param {PushMessageData | null} data
 * @returns {unknown} null when there is nothing readable
 */
function pushJson(data) {
  if (!data) return null;
  try {
    const value = data.json();
    const wrapped = value && typeof value === "object" && value.data && value.data.pinit;
    return typeof wrapped === "string" ? JSON.parse(wrapped) : value;
  } catch {
    return null;
  }
}

/**
 * The reminder in a push, or null when it is not a valid one. Unknown fields are ignored (a newer server may
 * add some); known fields must be exactly right, since they end up in a URL, a request and the lock screen.
 * @param {unknown} value
 * @returns {Reminder | null}
 */
function reminderFrom(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { key, kind, scheduleId, title, startAt, url } = /** @type {Record<string, unknown>} */ (value);
  const valid =
    typeof key === "string" &&
    key.length <= 200 &&
    KEY_PATTERN.test(key) &&
    kind === "reminder" &&
    typeof scheduleId === "string" &&
    UUID_PATTERN.test(scheduleId) &&
    typeof title === "string" &&
    title.length > 0 &&
    Array.from(title).length <= 40 &&
    typeof startAt === "string" &&
    isInstant(startAt) &&
    typeof url === "string" &&
    url.length <= 2048 &&
    PATH_PATTERN.test(url);
  return valid ? { key, kind, scheduleId: scheduleId.toLowerCase(), title, startAt, url } : null;
}

/** an ISO 8601 instant with seconds and an offset, on a day that exists (Date.parse takes 30 February) */
function isInstant(/** @type {string} */ text) {
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const offsetHour = Number(m[9] || 0);
  const offsetMinute = Number(m[10] || 0);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

/** a path of this site as an absolute URL; anything else becomes the home page */
function appUrl(/** @type {unknown} */ path) {
  const safe = typeof path === "string" && PATH_PATTERN.test(path) ? path : HOME_PATH;
  const url = new URL(safe, self.location.origin);
  return url.origin === self.location.origin ? url.href : new URL(HOME_PATH, self.location.origin).href;
}
