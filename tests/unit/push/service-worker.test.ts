// public/sw.js (and the scripts it imports from public/sw/) run in a bare V8 context with the service-worker APIs it uses stubbed: its payload check
// agrees with lib/push/payload.ts, and its notifications and clicks do what domain.md says. (The IndexedDB
// de-duplication needs a browser: tests/e2e/service-worker.test.ts covers it in Chromium.)
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { ReminderPayload, reminderPayload, snoozedReminderKey } from "@/lib/push/payload";

const SOURCE = readFileSync(path.resolve("public/sw.js"), "utf8");
/** the worker's importScripts: each script of public/ run in the same context, as a browser does */
const importScriptsInto =
  (context: vm.Context) =>
  (...urls: string[]) => {
    for (const url of urls) {
      vm.runInContext(readFileSync(path.resolve(`public${url}`), "utf8"), context, { filename: `public${url}` });
    }
  };
const ORIGIN = "https://pinit.example";
const ID = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e";
const START = new Date("2026-11-20T09:00:00.000Z");
const payload = () => reminderPayload({ id: ID, title: "Write the report", startAt: START });

type Shown = { title: string; options: Record<string, unknown> };
type Request = { url: string; method: string; credentials: string; headers: Record<string, string>; body: string };
type Page = {
  url: string;
  focused: boolean;
  messages: unknown[];
  navigatedTo: string[];
  focus(): Promise<Page>;
  navigate(url: string): Promise<Page>;
  postMessage(m: unknown): void;
};

/** a window; `controlled`: by this worker, so that navigate() works (Chromium rejects it otherwise) */
function page(url: string, options: { controlled?: boolean } = {}): Page {
  const p: Page = {
    url,
    focused: false,
    messages: [],
    navigatedTo: [],
    async focus() {
      p.focused = true;
      return p;
    },
    async navigate(to: string) {
      if (!options.controlled) throw new TypeError("This service worker is not the client's active service worker.");
      p.navigatedTo.push(to);
      p.url = to;
      return p;
    },
    postMessage(m) {
      p.messages.push(JSON.parse(JSON.stringify(m)));
    },
  };
  return p;
}

/** a Cache Storage holding responses by key, enough for section 7 */
function cacheStorage() {
  const stores = new Map<string, Map<string, unknown>>();
  return {
    stores,
    keys: async () => [...stores.keys()],
    open: async (name: string) => {
      let store = stores.get(name);
      if (!store) stores.set(name, (store = new Map()));
      const opened = store;
      return {
        match: async (key: string) => opened.get(key),
        put: async (key: string, value: unknown) => void opened.set(key, value),
      };
    },
    delete: async (name: string) => stores.delete(name),
  };
}

/** loads sw.js with stubbed service-worker globals; no indexedDB, so recording a key fails open */
function serviceWorker(
  options: {
    language?: string;
    status?: (url: string) => number;
    pages?: Page[];
    fetch?: (url: string) => Promise<unknown>;
  } = {},
) {
  const listeners = new Map<string, (event: unknown) => void>();
  const shown: Shown[] = [];
  const requests: Request[] = [];
  const opened: string[] = [];
  const pages = options.pages ?? [];
  const subscribeCalls: unknown[] = [];
  const storage = cacheStorage();
  const context: Record<string, unknown> = {
    console: { warn() {}, log() {}, error() {} },
    crypto: { randomUUID: () => crypto.randomUUID() },
    caches: storage,
    URL,
    AbortSignal,
    location: new URL(`${ORIGIN}/sw.js`),
    navigator: { language: options.language ?? "en-US" },
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    skipWaiting: async () => {},
    registration: {
      showNotification: async (title: string, opts: Record<string, unknown>) => {
        shown.push({ title, options: JSON.parse(JSON.stringify(opts)) });
      },
      pushManager: {
        subscribe: async (opts: unknown) => {
          subscribeCalls.push(opts);
          return {
            endpoint: "https://push.example/renewed",
            toJSON: () => ({ endpoint: "https://push.example/renewed", keys: { p256dh: "p", auth: "a" } }),
          };
        },
      },
    },
    clients: {
      matchAll: async () => pages,
      openWindow: async (url: string) => {
        opened.push(url);
        return null;
      },
      claim: async () => {},
    },
    fetch: async (
      url: string,
      init: { method: string; credentials: string; headers: Record<string, string>; body: string },
    ) => {
      if (options.fetch) return options.fetch(url);
      requests.push({
        url,
        method: init.method,
        credentials: init.credentials,
        headers: { ...init.headers },
        body: init.body,
      });
      const status = options.status?.(url) ?? 200;
      return { ok: status >= 200 && status < 300, status };
    },
  };
  context.self = context;
  vm.createContext(context);
  context.importScripts = importScriptsInto(context);
  vm.runInContext(SOURCE, context, { filename: "public/sw.js" });

  async function dispatch(type: string, event: Record<string, unknown>) {
    const pending: Promise<unknown>[] = [];
    const listener = listeners.get(type);
    if (!listener) throw new Error(`sw.js has no ${type} listener`);
    listener({ ...event, waitUntil: (p: Promise<unknown>) => pending.push(p) });
    await Promise.all(pending);
  }
  const push = (data: unknown) =>
    dispatch("push", {
      data: data === null ? null : { json: () => (typeof data === "string" ? JSON.parse(data) : data) },
    });
  const click = (notification: Shown, action = "") =>
    dispatch("notificationclick", { action, notification: { data: notification.options.data, close() {} } });
  const reminderFrom = context.reminderFrom as (value: unknown) => unknown;
  return { dispatch, push, click, shown, requests, opened, pages, subscribeCalls, reminderFrom, storage };
}

describe("the payload check (by hand in sw.js, zod on the server)", () => {
  const base = payload();
  const cases: Record<string, unknown>[] = [
    {},
    { startAt: "2026-11-20T18:00:00+09:00" },
    { startAt: "2026-11-20T09:00:00.123Z" },
    { key: snoozedReminderKey(ID, START, new Date("2026-11-20T08:55:00Z")) },
    { title: "🎯".repeat(40) },
    { key: "event:1" },
    { key: "reminder:a b" },
    { key: "reminder:" },
    { key: `reminder:${"a".repeat(200)}` },
    { key: 42 },
    { kind: "digest" },
    { scheduleId: "42" },
    { scheduleId: undefined },
    { title: "" },
    { title: "x".repeat(41) },
    { title: "🎯".repeat(41) },
    { startAt: "2026-11-20T09:00:00" },
    { startAt: "soon" },
    { startAt: "2026-13-01T00:00:00Z" },
    { startAt: "2026-11-20T09:00Z" },
    { startAt: "2026-02-30T00:00:00Z" },
    { startAt: "2026-11-20T24:00:00Z" },
    { startAt: "2028-02-29T00:00:00Z" },
    { startAt: "2026-02-29T00:00:00Z" },
    { startAt: "2026-11-20T09:00:00+24:00" },
    { url: "https://evil.example/today" },
    { url: "//evil.example/today" },
    { url: "/\\evil.example" },
    { url: "javascript:alert(1)" },
    { url: "/today ?x" },
    { url: "" },
  ];
  it.each(cases.map((change) => [JSON.stringify(change), change]))("agrees on %s", (_label, change) => {
    const value = { ...base, ...change };
    const sw = serviceWorker();
    expect(sw.reminderFrom(value) !== null).toBe(ReminderPayload.safeParse(value).success);
  });

  it("ignores fields it does not know (a newer server may add some) and refuses what is not an object", () => {
    const sw = serviceWorker();
    expect(sw.reminderFrom({ ...base, priority: "high" })).not.toBeNull();
    for (const value of [null, "reminder", 42, [base]]) expect(sw.reminderFrom(value)).toBeNull();
  });
});

describe("push", () => {
  it("shows the reminder under its key, with Start and Snooze, in the browser's language", async () => {
    const sw = serviceWorker({ language: "en-US" });
    await sw.push(payload());
    expect(sw.shown).toHaveLength(1);
    const [{ title, options }] = sw.shown as [Shown];
    expect(title).toBe("Write the report");
    expect(options).toMatchObject({
      tag: payload().key,
      renotify: false,
      data: {
        key: payload().key,
        occurrence: expect.stringMatching(/^[0-9a-f-]{36}$/),
        scheduleId: ID,
        url: `/today?schedule=${ID}`,
      },
      actions: [
        { action: "start", title: "Start" },
        { action: "snooze", title: "Snooze 10 min" },
      ],
    });
    expect(options.body).toMatch(/^Starts at /);

    const ko = serviceWorker({ language: "ko-KR" });
    await ko.push(payload());
    expect(ko.shown[0]?.options).toMatchObject({ actions: [{ title: "시작" }, { title: "10분 뒤 다시 알림" }] });
  });

  it("reads the payload out of an FCM envelope", async () => {
    const sw = serviceWorker();
    await sw.push({ data: { pinit: JSON.stringify(payload()) }, from: "1234", fcmMessageId: "m1" });
    expect(sw.shown.map((s) => s.options.tag)).toEqual([payload().key]);
  });

  it("answers a malformed push with a generic notice that repeats nothing of it", async () => {
    const sw = serviceWorker();
    await sw.push({ ...payload(), url: "https://evil.example/", title: "INJECTED" });
    await sw.push(null);
    await sw.push({ data: { pinit: "{not json" } });
    expect(sw.shown).toHaveLength(3);
    for (const { title, options } of sw.shown) {
      expect(title).toBe("Pinit");
      expect(options).toMatchObject({ tag: "pinit:notice", data: { url: "/today" } });
      expect(JSON.stringify(options)).not.toMatch(/INJECTED|evil/);
    }
  });

  it("tells open pages what arrived", async () => {
    const open = page(`${ORIGIN}/today`);
    const sw = serviceWorker({ pages: [open] });
    await sw.push(payload());
    await sw.push("not an object");
    expect(open.messages).toEqual([
      { type: "pinit:push", outcome: "shown", key: payload().key },
      { type: "pinit:push", outcome: "malformed" },
    ]);
  });
});

describe("notification clicks", () => {
  async function shownReminder(sw: ReturnType<typeof serviceWorker>): Promise<Shown> {
    await sw.push(payload());
    return sw.shown[0] as Shown;
  }

  const occurrenceOf = (n: Shown) => (n.options.data as { occurrence: string }).occurrence;

  it("Start: starts the schedule with the session cookie and the key of this showing, then opens the app", async () => {
    const sw = serviceWorker();
    const notification = await shownReminder(sw);
    await sw.click(notification, "start");
    expect(sw.requests).toEqual([
      {
        url: `/api/v1/schedules/${ID}/start`,
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "Idempotency-Key": `${payload().key}:start:${occurrenceOf(notification)}`,
        },
        body: "{}",
      },
    ]);
    expect(sw.opened).toEqual([`${ORIGIN}/today?schedule=${ID}`]);
  });

  it("keys an action by the showing: two taps on one notification share a key, the reminder shown again does not", async () => {
    const sw = serviceWorker();
    const first = await shownReminder(sw);
    await sw.click(first, "start");
    await sw.click(first, "start");
    await sw.click(first, "snooze");
    await sw.click(first, "snooze");
    // the same start reminded of again (after a stop or a reset): same reminder key, another showing
    await sw.push(payload());
    const again = sw.shown[1] as Shown;
    expect(again.options.tag).toBe(first.options.tag);
    await sw.click(again, "start");
    await sw.click(again, "snooze");
    const keys = sw.requests.map((r) => r.headers["Idempotency-Key"]);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).toBe(keys[3]);
    expect(new Set(keys).size).toBe(4);
    for (const key of keys) expect((key ?? "").length).toBeLessThanOrEqual(255);
  });

  it("a notification shown by an older version (no occurrence) keeps its old key", async () => {
    const sw = serviceWorker();
    await sw.click(
      { title: "x", options: { data: { key: payload().key, scheduleId: ID, url: payload().url } } },
      "start",
    );
    expect(sw.requests[0]?.headers["Idempotency-Key"]).toBe(`${payload().key}:start`);
  });

  it("Start: a refused start still opens the app, where the member decides", async () => {
    const sw = serviceWorker({ status: () => 409 });
    await sw.click(await shownReminder(sw), "start");
    expect(sw.requests).toHaveLength(1);
    expect(sw.opened).toEqual([`${ORIGIN}/today?schedule=${ID}`]);
  });

  it("Snooze: asks for a reminder in 10 minutes and opens nothing; if that fails, the app opens instead", async () => {
    const sw = serviceWorker();
    await sw.click(await shownReminder(sw), "snooze");
    expect(sw.requests).toEqual([
      {
        url: `/api/v1/schedules/${ID}/reminder/snooze`,
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "Idempotency-Key": expect.stringMatching(new RegExp(`^${payload().key}:snooze:[0-9a-f-]{36}$`)),
        },
        body: '{"minutes":10}',
      },
    ]);
    expect(sw.opened).toEqual([]);

    const failing = serviceWorker({ status: () => 503 });
    await failing.click(await shownReminder(failing), "snooze");
    expect(failing.opened).toEqual([`${ORIGIN}/today?schedule=${ID}`]);
  });

  it("a click focuses an open Pinit page and takes it to the schedule, or opens that URL", async () => {
    const elsewhere = page("https://other.example/");
    const controlled = page(`${ORIGIN}/statistics`, { controlled: true });
    const sw = serviceWorker({ pages: [elsewhere, controlled] });
    await sw.click(await shownReminder(sw));
    expect(sw.requests).toEqual([]);
    expect(controlled.focused).toBe(true);
    expect(elsewhere.focused).toBe(false);
    expect(controlled.navigatedTo).toEqual([`${ORIGIN}/today?schedule=${ID}`]);
    expect(sw.opened).toEqual([]);

    // a page the worker does not control refuses navigate(): it is told where to go (register-sw.tsx goes)
    const uncontrolled = page(`${ORIGIN}/statistics`);
    const other = serviceWorker({ pages: [uncontrolled] });
    const notification = await shownReminder(other);
    uncontrolled.messages.length = 0;
    await other.click(notification);
    expect(uncontrolled.focused).toBe(true);
    expect(uncontrolled.messages).toEqual([{ type: "pinit:open", url: `${ORIGIN}/today?schedule=${ID}` }]);
    expect(other.opened).toEqual([]);

    const none = serviceWorker();
    await none.click(await shownReminder(none));
    expect(none.opened).toEqual([`${ORIGIN}/today?schedule=${ID}`]);
  });

  it("never opens another site, whatever the notification carries", async () => {
    const sw = serviceWorker();
    await sw.click({ title: "x", options: { data: { url: "//evil.example/x" } } });
    await sw.click({ title: "x", options: { data: null } });
    expect(sw.opened).toEqual([`${ORIGIN}/today`, `${ORIGIN}/today`]);
    // Start on a notice without a schedule is only a click
    await sw.click({ title: "x", options: { data: { url: "/today" } } }, "start");
    expect(sw.requests).toEqual([]);
  });
});

describe("the offline copies", () => {
  it("a page whose fetch began before the pages were forgotten is not kept (it may be the last member's)", async () => {
    let answer: (response: unknown) => void = () => {};
    const sw = serviceWorker({ fetch: () => new Promise((resolve) => (answer = resolve)) });
    const warming = sw.dispatch("message", { data: { type: "pinit:cache-page", urls: ["/today"] } });
    await new Promise((r) => setTimeout(r, 0));
    await sw.dispatch("message", { data: { type: "pinit:forget-pages" } });
    answer({ ok: true, redirected: false, status: 200, body: "the last member's today" });
    await warming;
    const kept = [...sw.storage.stores.values()].flatMap((store) => [...store.keys()]);
    expect(kept).toEqual([]);

    // a fetch that begins afterwards is kept as before
    const next = sw.dispatch("message", { data: { type: "pinit:cache-page", urls: ["/today"] } });
    await new Promise((r) => setTimeout(r, 0));
    answer({ ok: true, redirected: false, status: 200 });
    await next;
    expect([...sw.storage.stores.values()].flatMap((store) => [...store.keys()])).toEqual(["/today"]);
  });
});

describe("a replaced subscription", () => {
  it("registers the new subscription and forgets the old one", async () => {
    const sw = serviceWorker();
    const old = { endpoint: "https://push.example/old", options: { userVisibleOnly: true } };
    await sw.dispatch("pushsubscriptionchange", { oldSubscription: old, newSubscription: null });
    expect(sw.subscribeCalls).toEqual([{ userVisibleOnly: true }]);
    expect(sw.requests.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
      [
        "POST",
        "/api/v1/push/subscriptions",
        { endpoint: "https://push.example/renewed", keys: { p256dh: "p", auth: "a" } },
      ],
      ["DELETE", "/api/v1/push/subscriptions", { endpoint: "https://push.example/old" }],
    ]);
  });
});

describe("its words", () => {
  it("come from the message files: public/sw/texts.js is what scripts/sw-texts.mjs makes of them now", async () => {
    const { swTexts, TEXTS_FILE } = await import("@/scripts/sw-texts.mjs");
    expect(readFileSync(TEXTS_FILE, "utf8")).toBe(await swTexts());
    const en = JSON.parse(readFileSync(path.resolve("messages/en/push.json"), "utf8")) as {
      notification: { startsAt: string };
    };
    expect(readFileSync(TEXTS_FILE, "utf8")).toContain(JSON.stringify(en.notification.startsAt));
  });
});
