// public/sw.js in Chromium: pushes delivered through the DevTools protocol (no push service is reachable
// here), notifications counted with registration.getNotifications(). The worker tells open pages what each
// push came to ("shown", "duplicate", "malformed"), which shows whether the de-duplication worked: a second
// copy under the same tag would replace the first and hide a failed check from the notification count alone.
//
// Malformed pushes: the worker shows one generic notice (tag "pinit:notice") that repeats nothing of the
// payload, rather than nothing — with nothing shown Chromium would show its own "updated in the background"
// notice.
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser } from "./browser";

type Shown = { title: string; body: string; tag: string; data: Record<string, unknown> | null; actions: string[] };
type Outcome = { type: string; outcome: "shown" | "duplicate" | "malformed"; key?: string };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let origin: string;
let registrationId: string;

beforeAll(async () => {
  origin = baseUrl();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-US" });
  await context.grantPermissions(["notifications"], { origin });
  page = await context.newPage();
  await page.goto(`${origin}/`);
  cdp = await context.newCDPSession(page);

  const registrations = new Map<string, string>(); // scope → registration id
  cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: updated }) => {
    for (const r of updated) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
  });
  await cdp.send("ServiceWorker.enable");
  await page.evaluate(async () => {
    await navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" });
    await navigator.serviceWorker.ready;
  });
  const deadline = Date.now() + 10_000;
  while (!registrations.has(`${origin}/`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const id = registrations.get(`${origin}/`);
  if (!id) throw new Error("the service worker's registration did not show up in the DevTools protocol");
  registrationId = id;

  // what the worker tells the page about each push
  await page.evaluate(() => {
    const w = window as unknown as { pushOutcomes: unknown[] };
    w.pushOutcomes = [];
    navigator.serviceWorker.addEventListener("message", (event) => w.pushOutcomes.push(event.data));
    navigator.serviceWorker.startMessages();
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

beforeEach(async () => {
  // each test starts with no notification on screen and no outcome heard
  await page.evaluate(async () => {
    for (const n of await (await navigator.serviceWorker.ready).getNotifications()) n.close();
    (window as unknown as { pushOutcomes: unknown[] }).pushOutcomes = [];
  });
});

function deliver(data: string): Promise<unknown> {
  return cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId, data });
}

function reminder(overrides: Record<string, unknown> = {}) {
  const scheduleId = crypto.randomUUID();
  const startAt = new Date(Date.now() + 10 * 60_000);
  startAt.setUTCMilliseconds(0);
  return {
    key: `reminder:${scheduleId}:${startAt.getTime() / 1000}`,
    kind: "reminder",
    scheduleId,
    title: "Write the report",
    startAt: startAt.toISOString(),
    url: `/today?schedule=${scheduleId}`,
    ...overrides,
  };
}

/** waits until the worker has reported `count` outcomes, then a little longer to catch any extra */
async function outcomes(count: number): Promise<Outcome[]> {
  await page.waitForFunction(
    (n) => (window as unknown as { pushOutcomes: unknown[] }).pushOutcomes.length >= n,
    count,
    {
      timeout: 15_000,
    },
  );
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { pushOutcomes: Outcome[] }).pushOutcomes);
}

function shown(): Promise<Shown[]> {
  return page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      data: n.data as Record<string, unknown> | null,
      actions: ((n as unknown as { actions?: { action: string }[] }).actions ?? []).map((a) => a.action),
    })),
  );
}

/** writes a "shown at" record as the worker keeps them (to put a key's showing in the past) */
function recordShown(key: string, shownAt: number): Promise<void> {
  return page.evaluate(
    ({ key, shownAt }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("pinit-push", 1);
        open.onupgradeneeded = () =>
          open.result.createObjectStore("shown-reminders", { keyPath: "key" }).createIndex("shownAt", "shownAt");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("shown-reminders", "readwrite");
          tx.objectStore("shown-reminders").put({ key, shownAt });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { key, shownAt },
  );
}

const DAY = 24 * 60 * 60 * 1000;

describe("the service worker", () => {
  it("shows two copies of one reminder, arriving together, once", async () => {
    const payload = reminder();
    await Promise.all([deliver(JSON.stringify(payload)), deliver(JSON.stringify(payload))]);
    expect((await outcomes(2)).map((o) => o.outcome).sort()).toEqual(["duplicate", "shown"]);
    const notifications = await shown();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      title: "Write the report",
      tag: payload.key,
      data: { key: payload.key, scheduleId: payload.scheduleId, url: payload.url },
      actions: ["start", "snooze"],
    });
    expect(notifications[0]?.body).toMatch(/^Starts at /);
  });

  it("shows one of five copies arriving together, and a copy arriving later stays one too", async () => {
    const payload = reminder();
    await Promise.all(Array.from({ length: 5 }, () => deliver(JSON.stringify(payload))));
    expect((await outcomes(5)).filter((o) => o.outcome === "shown")).toHaveLength(1);
    await deliver(JSON.stringify(payload));
    expect((await outcomes(6)).filter((o) => o.outcome === "shown")).toHaveLength(1);
    expect(await shown()).toHaveLength(1);
  });

  it("shows a reminder with another key as a second notification", async () => {
    const first = reminder();
    const second = reminder({ title: "Call the bank" });
    await deliver(JSON.stringify(first));
    await deliver(JSON.stringify(second));
    expect((await outcomes(2)).map((o) => o.outcome)).toEqual(["shown", "shown"]);
    expect((await shown()).map((n) => n.tag).sort()).toEqual([first.key, second.key].sort());
  });

  it("treats the FCM envelope and plain web push of one reminder as the same reminder", async () => {
    const payload = reminder();
    await deliver(JSON.stringify({ data: { pinit: JSON.stringify(payload) }, from: "1234", fcmMessageId: "m-1" }));
    await deliver(JSON.stringify(payload));
    expect((await outcomes(2)).map((o) => o.outcome)).toEqual(["shown", "duplicate"]);
    expect(await shown()).toHaveLength(1);
  });

  it("remembers a key for 7 days: shown 6 days ago is a duplicate, 8 days ago a new showing", async () => {
    const recent = reminder();
    const old = reminder();
    await recordShown(recent.key, Date.now() - 6 * DAY);
    await recordShown(old.key, Date.now() - 8 * DAY);
    await deliver(JSON.stringify(recent));
    await deliver(JSON.stringify(old));
    expect((await outcomes(2)).map((o) => [o.key, o.outcome])).toEqual([
      [recent.key, "duplicate"],
      [old.key, "shown"],
    ]);
  });

  it("answers malformed pushes with one generic notice that repeats nothing of them", async () => {
    const malformed = [
      "not json",
      JSON.stringify({ ...reminder(), kind: "digest", title: "INJECTED" }),
      JSON.stringify({ ...reminder(), url: "//evil.example/INJECTED" }),
      JSON.stringify({ ...reminder(), key: "reminder:has space INJECTED" }),
      JSON.stringify({ data: { pinit: "{INJECTED" } }),
    ];
    for (const data of malformed) await deliver(data);
    expect((await outcomes(malformed.length)).map((o) => o.outcome)).toEqual(malformed.map(() => "malformed"));
    const notifications = await shown();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      title: "Pinit",
      tag: "pinit:notice",
      data: { url: "/today" },
      actions: [],
    });
    expect(JSON.stringify(notifications)).not.toMatch(/INJECTED|evil/);
  });
});
