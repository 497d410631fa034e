// Pinit's service worker: reminders on the lock screen (domain.md "Reminders and push").
// Plain JavaScript with no bundler: it must stay small and readable. Sections:
//   1. Settings and texts
//   2. Lifecycle
//   3. Reminder payloads — validated by hand, the same rules as lib/push/payload.ts
//   4. Shown keys — "shown in the last 7 days", checked and recorded in one IndexedDB insert
//   5. Push — show each reminder once; a duplicate replaces it silently; a malformed push gets a generic notice
//   6. Notification clicks — Start, Snooze, or open the app (focus an open page and take it to the schedule)
//   7. App shell — offline reading: pages network-first with the last good copy per URL, Next's static
//      files cache-first, an "offline — read only" banner on a page served from the cache
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
  return String(self.navigator.language || "en")
    .toLowerCase()
    .startsWith("ko")
    ? "ko"
    : "en";
}

// ---------------------------------------------------------------------------------------------
// 2. Lifecycle
// ---------------------------------------------------------------------------------------------

// A new version takes over open pages at once, so reminders always run the newest code. That is safe with the
// app shell's caches (section 7): pages are network-first, and the static files are content-hashed (an old page's
// assets stay cached under their own names). Activation deletes the caches of older versions.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(Promise.all([self.clients.claim(), deleteOldCaches()])));

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

/**
 * Each showing gets an occurrence id of its own, which keys its actions (section 6): two taps on one
 * notification send one key, while the reminder shown again later (after a stop or a reset the same start is
 * reminded of under the same reminder key) gets a new one, so its Start is not answered from the first one's.
 * @param {Reminder} reminder
 */
function showReminder(reminder) {
  const lang = language();
  const text = TEXTS[lang];
  const time = new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit" }).format(new Date(reminder.startAt));
  return self.registration.showNotification(reminder.title, {
    body: text.startsAt(time),
    tag: reminder.key,
    renotify: false,
    lang,
    data: {
      key: reminder.key,
      occurrence: self.crypto.randomUUID(),
      scheduleId: reminder.scheduleId,
      url: reminder.url,
    },
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

// ---------------------------------------------------------------------------------------------
// 7. App shell
// ---------------------------------------------------------------------------------------------
//
// Goal: a reload while offline shows the last copy of the page that was read, marked read only.
// - Page navigations: network first; a good answer (200, not redirected) is kept per URL in PAGES_CACHE.
//   Offline, the kept copy is served with a banner put in the HTML (no script: it works under the CSP and
//   before hydration; React 19 skips an unexpected element at the top of <body>). No copy: a short notice.
// - /_next/static/*: content-hashed, so cache first (a name never changes content).
// - /icons/*, the manifest: stale-while-revalidate.
// - Never cached: /api/* (personal data and actions), RSC fetches (client navigations; offline they fall
//   back to a full page load, which lands here), anything not GET or of another origin.
// - A navigation that ends on /signin (signed out or session gone) empties PAGES_CACHE: the pages of one
//   member must not be shown offline to whoever signs in next on this device. So does the message
//   "pinit:forget-pages", which the page sends when it signs out and on reaching /signin or /signup, whether
//   or not this worker controls it (components/pwa/offline-pages.ts; the page empties the cache itself too).
//   A page fetched before that moment is never kept after it (pagesGeneration): its fetch may still be
//   under way with the last member's cookie.
// Bump SHELL_VERSION when this section changes what it stores; activation removes the older caches.

const SHELL_VERSION = 1;
const CACHE_PREFIX = "pinit-";
const PAGES_CACHE = `${CACHE_PREFIX}pages-v${SHELL_VERSION}`;
const STATIC_CACHE = `${CACHE_PREFIX}static-v${SHELL_VERSION}`;
const SHELL_CACHES = [PAGES_CACHE, STATIC_CACHE];
/** the paths that need no sign-in; every other page is personal */
const SIGN_IN_PATHS = ["/signin", "/signup"];
const OFFLINE_BANNER_ID = "pinit-offline-banner";

// The worker cannot load next-intl's message files, so its few words live here, like section 1's.
const SHELL_TEXTS = {
  en: {
    banner: "Offline — read only. This is the last copy you saw; changes wait until you are back online.",
    missingTitle: "You are offline",
    missingBody: "This page has not been saved for offline use yet. Reconnect and open it once to keep a copy.",
  },
  ko: {
    banner: "오프라인 — 읽기 전용. 마지막으로 본 내용입니다. 변경은 다시 연결된 뒤에 할 수 있습니다.",
    missingTitle: "오프라인 상태입니다",
    missingBody: "이 페이지는 아직 오프라인용으로 저장되지 않았습니다. 연결된 상태에서 한 번 열어 두세요.",
  },
};

/** counts the times the kept pages were forgotten; a page is kept only if none happened since its fetch began */
let pagesGeneration = 0;

function forgetPages() {
  pagesGeneration++;
  return caches.delete(PAGES_CACHE);
}

/** keeps `response` as the copy of `key`, unless the kept pages were forgotten since `generation` */
async function keepPage(/** @type {string} */ key, /** @type {Response} */ response, /** @type {number} */ generation) {
  if (generation !== pagesGeneration) return;
  const cache = await caches.open(PAGES_CACHE);
  // forgetting deletes the cache after counting, so a put that passes this check is deleted with it
  if (generation === pagesGeneration) await cache.put(key, response);
}

async function deleteOldCaches() {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && !SHELL_CACHES.includes(name))
      .map((name) => caches.delete(name)),
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(pageNetworkFirst(request, url));
  } else if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(staticCacheFirst(request));
  } else if (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest") {
    event.respondWith(staleWhileRevalidate(request));
  }
  // anything else (RSC fetches, images, …) goes to the network as if there were no worker
});

/** a page's cache key: its path and query, without the fragment */
function pageKey(/** @type {URL} */ url) {
  return `${url.pathname}${url.search}`;
}

/** @param {Request} request @param {URL} url */
async function pageNetworkFirst(request, url) {
  const generation = pagesGeneration;
  try {
    const response = await fetch(request);
    const landed = new URL(response.url || request.url);
    if (SIGN_IN_PATHS.includes(landed.pathname)) {
      await forgetPages();
    } else if (
      response.ok &&
      !response.redirected &&
      response.type === "basic" &&
      !SIGN_IN_PATHS.includes(url.pathname)
    ) {
      await keepPage(pageKey(url), response.clone(), generation);
    }
    return response;
  } catch {
    const cached = await (await caches.open(PAGES_CACHE)).match(pageKey(url));
    return cached ? withOfflineBanner(cached) : offlineNotice();
  }
}

/**
 * the cached page with the read-only banner as the first thing in <body>, in the flow of the page: above the
 * navigation, never over it (a sticky banner covered the nav bar as the page scrolled, issue 20.12)
 */
async function withOfflineBanner(/** @type {Response} */ cached) {
  const html = await cached.text();
  const text = SHELL_TEXTS[language()];
  const banner =
    `<div id="${OFFLINE_BANNER_ID}" role="status" ` +
    `style="position:relative;padding:10px 16px;background:#1d2a33;color:#fff;font:600 15px/1.4 system-ui,sans-serif;text-align:center">` +
    `${text.banner}</div>`;
  const body = /<body[^>]*>/i.exec(html);
  const marked = body
    ? html.slice(0, body.index + body[0].length) + banner + html.slice(body.index + body[0].length)
    : banner + html;
  const headers = new Headers(cached.headers);
  headers.delete("content-length");
  headers.set("x-pinit-offline", "1");
  return new Response(marked, { status: 200, statusText: "OK", headers });
}

/** offline and no copy of the page: a minimal page that says so (inline styles only; no script) */
function offlineNotice() {
  const lang = language();
  const text = SHELL_TEXTS[lang];
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>Pinit</title></head><body style="margin:0;font:16px/1.5 system-ui,sans-serif;background:#f6f8f7;color:#1d2a33">` +
    `<div id="${OFFLINE_BANNER_ID}" role="status" style="padding:10px 16px;background:#1d2a33;color:#fff;font-weight:600;text-align:center">${text.banner}</div>` +
    `<main style="max-width:36rem;margin:0 auto;padding:32px 20px"><h1>${text.missingTitle}</h1><p>${text.missingBody}</p>` +
    `<p><a href="${HOME_PATH}" style="color:#2b6b63">Pinit</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** @param {Request} request */
async function staticCacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** @param {Request} request */
async function staleWhileRevalidate(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  const fresh = fetch(request)
    .then(async (response) => {
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })
    .catch(() => cached || Response.error());
  return cached || fresh;
}

// The first page of a visit loads before this worker controls it, so none of its files went through the fetch
// handler above. components/pwa/register-sw.tsx sends their URLs once the worker is ready; they are fetched and
// kept here, so that even the very first page can be reloaded offline.
self.addEventListener("message", (event) => {
  const data = event.data;
  // the page reached /signin or /signup without a full load (signing out is a client-side navigation)
  if (data && data.type === "pinit:forget-pages") return event.waitUntil(forgetPages());
  if (!data || data.type !== "pinit:cache-page" || !Array.isArray(data.urls)) return;
  event.waitUntil(warmUp(data.urls.filter((/** @type {unknown} */ u) => typeof u === "string").slice(0, 100)));
});

/** @param {string[]} urls */
async function warmUp(urls) {
  const generation = pagesGeneration;
  for (const raw of urls) {
    let url;
    try {
      url = new URL(raw, self.location.origin);
    } catch {
      continue;
    }
    if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) continue;
    try {
      if (url.pathname.startsWith("/_next/static/")) {
        const cache = await caches.open(STATIC_CACHE);
        if (!(await cache.match(url.href))) {
          const response = await fetch(url.href);
          if (response.ok) await cache.put(url.href, response);
        }
      } else if (!SIGN_IN_PATHS.includes(url.pathname) && !url.pathname.includes(".")) {
        // a page: the same network-first rule as a navigation, minus the answer
        const response = await fetch(url.href, { credentials: "same-origin", redirect: "follow" });
        if (response.ok && !response.redirected) await keepPage(pageKey(url), response, generation);
      }
    } catch (error) {
      console.warn("[pinit] could not keep a copy for offline use", raw, error);
    }
  }
}
