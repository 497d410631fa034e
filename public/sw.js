// Pinit's service worker: reminders on the lock screen (domain.md "Reminders and push").
// Plain JavaScript with no bundler: it must stay small and readable. Sections:
//   1. Settings and texts
//   2. Lifecycle
//   3. Reminder payloads — validated by hand, the same rules as lib/push/payload.ts
//   4. Shown keys — "shown in the last 7 days", checked and recorded in one IndexedDB insert
//   5. Push — show each reminder once; a duplicate replaces it silently; a malformed push gets a generic notice
//   6. Notification clicks — Start, Snooze, or open the app
// App-shell caching, when it comes, gets a section of its own (and revisits section 2).
"use strict";

// ---------------------------------------------------------------------------------------------
// 1. Settings and texts
// ---------------------------------------------------------------------------------------------

const SHOWN_FOR_MS = 7 * 24 * 60 * 60 * 1000;
const DATABASE = { name: "pinit-push", version: 1, store: "shown-reminders" };
/** the tag of the generic notice, so that several malformed pushes make one notice */
const NOTICE_TAG = "pinit:notice";
const HOME_PATH = "/today";
const REQUEST_TIMEOUT_MS = 8000;

const TEXTS = {
  en: {
    start: "Start",
    snooze: "Snooze 10 min",
    startsAt: (/** @type {string} */ time) => `Starts at ${time}`,
    noticeTitle: "Pinit",
    noticeBody: "You have a reminder. Open Pinit to see it.",
  },
  ko: {
    start: "시작",
    snooze: "10분 뒤 다시 알림",
    startsAt: (/** @type {string} */ time) => `${time} 시작`,
    noticeTitle: "Pinit",
    noticeBody: "알림이 도착했어요. Pinit을 열어 확인하세요.",
  },
};

function language() {
  return String(self.navigator.language || "en").toLowerCase().startsWith("ko") ? "ko" : "en";
}

// ---------------------------------------------------------------------------------------------
// 2. Lifecycle
// ---------------------------------------------------------------------------------------------

// This worker keeps no caches, so a new version can take over open pages at once: reminders then always run
// the newest code. Revisit when app-shell caching arrives (a new cache must not serve an old page's assets).
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// ---------------------------------------------------------------------------------------------
// 3. Reminder payloads
// ---------------------------------------------------------------------------------------------

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
    typeof key === "string" && key.length <= 200 && KEY_PATTERN.test(key) &&
    kind === "reminder" &&
    typeof scheduleId === "string" && UUID_PATTERN.test(scheduleId) &&
    typeof title === "string" && title.length > 0 && Array.from(title).length <= 40 &&
    typeof startAt === "string" && isInstant(startAt) &&
    typeof url === "string" && url.length <= 2048 && PATH_PATTERN.test(url);
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
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 &&
    offsetHour <= 23 && offsetMinute <= 59;
}

/** a path of this site as an absolute URL; anything else becomes the home page */
function appUrl(/** @type {unknown} */ path) {
  const safe = typeof path === "string" && PATH_PATTERN.test(path) ? path : HOME_PATH;
  const url = new URL(safe, self.location.origin);
  return url.origin === self.location.origin ? url.href : new URL(HOME_PATH, self.location.origin).href;
}

// ---------------------------------------------------------------------------------------------
// 4. Shown keys
// ---------------------------------------------------------------------------------------------

/** @type {Promise<IDBDatabase> | null} */
let database = null;

function openDatabase() {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE.name, DATABASE.version);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(DATABASE.store, { keyPath: "key" }).createIndex("shownAt", "shownAt");
    };
    request.onsuccess = () => {
      request.result.onversionchange = () => {
        request.result.close();
        database = null;
      };
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
  database.catch(() => (database = null));
  return database;
}

/**
 * Records that `key` is shown now, unless it was shown in the last 7 days. One readwrite transaction first
 * forgets records older than 7 days, then inserts { key, shownAt } with add(), which fails on an existing key.
 * IndexedDB runs overlapping readwrite transactions one after the other, so of two copies arriving together
 * exactly one insert succeeds.
 * @param {string} key
 * @param {number} now
 * @returns {Promise<boolean>} true when this is the first showing
 */
async function claimKey(key, now) {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(DATABASE.store, "readwrite");
    const store = tx.objectStore(DATABASE.store);
    let first = false;
    const expired = store.index("shownAt").openCursor(IDBKeyRange.upperBound(now - SHOWN_FOR_MS));
    expired.onsuccess = () => {
      const cursor = expired.result;
      if (cursor) {
        cursor.delete();
        cursor.continue();
        return;
      }
      const insert = store.add({ key, shownAt: now });
      insert.onsuccess = () => (first = true);
      insert.onerror = (event) => {
        if (insert.error && insert.error.name === "ConstraintError") event.preventDefault(); // a duplicate, not a failure
      };
    };
    tx.oncomplete = () => resolve(first);
    tx.onabort = () => reject(tx.error);
  });
}

// ---------------------------------------------------------------------------------------------
// 5. Push
// ---------------------------------------------------------------------------------------------

self.addEventListener("push", (event) => event.waitUntil(onPush(event.data)));

/** @param {PushMessageData | null} data */
async function onPush(data) {
  const reminder = reminderFrom(pushJson(data));
  if (!reminder) {
    // Showing nothing would make Chromium show its own "updated in the background" notice, so a push this
    // version cannot read (a bug, a newer server) gets a generic notice that repeats nothing from the payload.
    await showNotice();
    await tellPages({ type: "pinit:push", outcome: "malformed" });
    return;
  }
  let first = true;
  try {
    first = await claimKey(reminder.key, Date.now());
  } catch (error) {
    // without IndexedDB a rare double is better than a lost reminder
    console.warn("[pinit] could not record the reminder; showing it anyway", error);
  }
  // A duplicate is shown again under the same tag with renotify: false: it replaces the first without a second
  // alert (dropping it would bring Chromium's own notice). The first showing alerts because its tag is new.
  await showReminder(reminder);
  await tellPages({ type: "pinit:push", outcome: first ? "shown" : "duplicate", key: reminder.key });
}

/** @param {Reminder} reminder */
function showReminder(reminder) {
  const lang = language();
  const text = TEXTS[lang];
  const time = new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit" }).format(new Date(reminder.startAt));
  return self.registration.showNotification(reminder.title, {
    body: text.startsAt(time),
    tag: reminder.key,
    renotify: false,
    lang,
    data: { key: reminder.key, scheduleId: reminder.scheduleId, url: reminder.url },
    // Chromium shows these buttons; Safari and Firefox ignore them and a click opens the app
    actions: [
      { action: "start", title: text.start },
      { action: "snooze", title: text.snooze },
    ],
  });
}

function showNotice() {
  const text = TEXTS[language()];
  return self.registration.showNotification(text.noticeTitle, {
    body: text.noticeBody,
    tag: NOTICE_TAG,
    renotify: false,
    data: { url: HOME_PATH },
  });
}

/** tells open Pinit pages what arrived (the app may refresh; tests observe the outcome) */
async function tellPages(/** @type {object} */ message) {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const page of pages) page.postMessage(message);
}

// A browser may replace a subscription (Firefox does, on key rotation): register the new one, forget the old.
self.addEventListener("pushsubscriptionchange", (event) => event.waitUntil(onSubscriptionChange(event)));

/** @param {any} event a PushSubscriptionChangeEvent (not in every browser's typings) */
async function onSubscriptionChange(event) {
  const old = event.oldSubscription;
  const renewed = event.newSubscription || (old ? await self.registration.pushManager.subscribe(old.options) : null);
  if (renewed) await request("POST", "/api/v1/push/subscriptions", renewed.toJSON());
  if (old && (!renewed || renewed.endpoint !== old.endpoint)) {
    await request("DELETE", "/api/v1/push/subscriptions", { endpoint: old.endpoint });
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Notification clicks
// ---------------------------------------------------------------------------------------------

self.addEventListener("notificationclick", (event) => {
  const notification = event.notification;
  const data = notification.data || {};
  notification.close();
  const reminder = typeof data.key === "string" && typeof data.scheduleId === "string" && UUID_PATTERN.test(data.scheduleId) ? data : null;
  if (reminder && event.action === "start") event.waitUntil(start(reminder));
  else if (reminder && event.action === "snooze") event.waitUntil(snooze(reminder));
  else event.waitUntil(openApp(data.url));
});

/**
 * "Start": the transition, with the member's session cookie. The key makes a double tap (or a tap on a
 * duplicate) start once. The app opens either way: on a refusal (signed out, another schedule running) the
 * member sees the schedule and decides there.
 * @param {{ key: string, scheduleId: string, url?: unknown }} reminder
 */
async function start(reminder) {
  await request("POST", `/api/v1/schedules/${encodeURIComponent(reminder.scheduleId)}/start`, {}, `${reminder.key}:start`);
  await openApp(reminder.url);
}

/**
 * "Snooze 10 min": asks the server to remind again in 10 minutes. If that did not work the app opens
 * instead, so that the reminder is not silently lost.
 * @param {{ key: string, scheduleId: string, url?: unknown }} reminder
 */
async function snooze(reminder) {
  const path = `/api/v1/schedules/${encodeURIComponent(reminder.scheduleId)}/reminder/snooze`;
  const ok = await request("POST", path, { minutes: 10 }, `${reminder.key}:snooze`);
  if (!ok) await openApp(reminder.url);
}

/** focuses an open Pinit page (and tells it where to go), or opens `path` in a new one */
async function openApp(/** @type {unknown} */ path) {
  const url = appUrl(path);
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = pages.find((page) => new URL(page.url).origin === self.location.origin);
  if (open) {
    await open.focus();
    open.postMessage({ type: "pinit:open", url });
    return;
  }
  await self.clients.openWindow(url);
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
