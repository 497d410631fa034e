// A reminder's actions in Chromium, against the real app, for a signed-in member: Start starts also when the
// reminder is shown again after a stop, a double tap on Snooze snoozes once, and a click while a Pinit page is
// open takes that page to the schedule (controlled by the worker or not).
//
// Pushes arrive through the DevTools protocol (as in service-worker.test.ts). No protocol command clicks a
// notification, and a script-made NotificationEvent cannot be waited on, so the click is the worker's own
// handler, onNotificationClick(data, action), called in the worker with the data of the notification it
// showed. Focusing a window is allowed only during a real click: the worker goes on without it.
import type { Browser, BrowserContext, CDPSession, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser } from "./browser";
import { newMember, signedIn, type Member } from "./library-member";

type Schedule = { id: string; state: string; startAt: string };
type Logged = { url: string; key: string | null; status: number; replayed: string | null; body: string };
type WorkerScope = {
  registration: ServiceWorkerRegistration;
  onNotificationClick(data: unknown, action: string): Promise<void>;
  fetch: typeof fetch;
  pinitLog?: Logged[];
};

let browser: Browser;
let member: Member;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let origin: string;
let registrationId: string;

beforeAll(async () => {
  origin = baseUrl();
  browser = await launchBrowser();
  member = await newMember();
  ({ context, page } = await signedIn(browser, member, "desktop"));
  await context.grantPermissions(["notifications"], { origin });
  // components/pwa/register-sw.tsx registers the worker after load; it then takes control of this page
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

  cdp = await context.newCDPSession(page);
  const registrations = new Map<string, string>();
  cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: updated }) => {
    for (const r of updated) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
  });
  await cdp.send("ServiceWorker.enable");
  const deadline = Date.now() + 10_000;
  while (!registrations.has(`${origin}/`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const id = registrations.get(`${origin}/`);
  if (!id) throw new Error("the service worker's registration did not show up in the DevTools protocol");
  registrationId = id;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** the running service worker (Chromium may have restarted it since the last call) */
async function serviceWorker(): Promise<Worker> {
  const running = context.serviceWorkers().filter((w) => w.url() === `${origin}/sw.js`);
  return running.at(-1) ?? (await context.waitForEvent("serviceworker", { timeout: 10_000 }));
}

async function newSchedule(title: string): Promise<Schedule> {
  const startAt = new Date(Date.now() + 30 * 60_000);
  startAt.setUTCSeconds(0, 0);
  const created = await member.api<Schedule>("POST", "/schedules", {
    title,
    startAt: startAt.toISOString(),
    type: "DEEP_WORK",
  });
  if (created.status !== 201) throw new Error(`POST /schedules answered ${created.status}`);
  return created.body;
}

/** the payload the server pushes for the schedule's reminder (lib/push/payload.ts) */
function reminderOf(schedule: Schedule, title: string) {
  const startAt = new Date(schedule.startAt);
  return {
    key: `reminder:${schedule.id}:${startAt.getTime() / 1000}`,
    kind: "reminder",
    scheduleId: schedule.id,
    title,
    startAt: startAt.toISOString(),
    url: `/today?schedule=${schedule.id}`,
  };
}

/**
 * Delivers the push and waits until it is on screen (a click closes the notification, as a real one does).
 * A push service delivers at least once, and on a loaded machine Chromium can drop a push delivered while it is
 * restarting the worker, so an unshown push is delivered again (the worker shows a repeated key too, under the
 * same tag); three deliveries that show nothing fail the test.
 */
async function show(payload: ReturnType<typeof reminderOf>): Promise<void> {
  for (let delivery = 1; delivery <= 3; delivery++) {
    await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId, data: JSON.stringify(payload) });
    const deadline = Date.now() + 8_000;
    while (Date.now() < deadline) {
      const sw = await serviceWorker();
      const shown = await sw
        .evaluate(
          async (tag) => (await (self as unknown as WorkerScope).registration.getNotifications({ tag })).length,
          payload.key,
        )
        .catch(() => 0); // the worker was stopped meanwhile: ask the next one
      if (shown > 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("the reminder was not shown after three deliveries");
}

/** `taps` clicks at once on the notification shown under `tag`, through the worker's click handler */
async function click(tag: string, action: string, taps = 1): Promise<void> {
  const sw = await serviceWorker();
  await sw.evaluate(
    async ({ tag, action, taps }) => {
      const scope = self as unknown as WorkerScope;
      const [shown] = await scope.registration.getNotifications({ tag });
      if (!shown) throw new Error(`no notification ${tag}`);
      shown.close();
      await Promise.all(Array.from({ length: taps }, () => scope.onNotificationClick(shown.data, action)));
    },
    { tag, action, taps },
  );
}

/** records the worker's API requests from now on: the Idempotency-Key sent and what came back */
async function recordRequests(): Promise<() => Promise<Logged[]>> {
  const sw = await serviceWorker();
  await sw.evaluate(() => {
    const scope = self as unknown as WorkerScope;
    if (scope.pinitLog) {
      scope.pinitLog.length = 0;
      return;
    }
    const log: Logged[] = (scope.pinitLog = []);
    const original = scope.fetch.bind(scope);
    scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await original(input, init);
      const headers = new Headers(init?.headers);
      log.push({
        url: String(input),
        key: headers.get("Idempotency-Key"),
        status: response.status,
        replayed: response.headers.get("Idempotent-Replayed"),
        body: await response.clone().text(),
      });
      return response;
    };
  });
  return () => sw.evaluate(() => [...((self as unknown as WorkerScope).pinitLog ?? [])]);
}

async function stateOf(id: string): Promise<string> {
  return (await member.api<Schedule>("GET", `/schedules/${id}`)).body.state;
}

async function eventually(read: () => Promise<string>, expected: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toBe(expected);
}

describe("notification actions", () => {
  it("Start starts, and starts again when the reminder is shown again after a stop", async () => {
    const schedule = await newSchedule("Write the report");
    const payload = reminderOf(schedule, "Write the report");
    await show(payload);
    await click(payload.key, "start");
    await eventually(() => stateOf(schedule.id), "IN_PROGRESS");
    // and the app opened on the schedule
    await page.waitForURL(`${origin}/today?schedule=${schedule.id}`, { timeout: 10_000 });

    expect((await member.api("POST", `/schedules/${schedule.id}/stop`, {})).status).toBe(200);
    expect(await stateOf(schedule.id)).toBe("NOT_STARTED");
    // the same start reminded of again: the same reminder key, a new showing
    await show(payload);
    await click(payload.key, "start");
    await eventually(() => stateOf(schedule.id), "IN_PROGRESS");
    expect((await member.api("POST", `/schedules/${schedule.id}/stop`, {})).status).toBe(200);
  });

  it("a double tap on Snooze sends one key and the server answers the second from the first", async () => {
    const schedule = await newSchedule("Call the bank");
    const payload = reminderOf(schedule, "Call the bank");
    await show(payload);
    const requests = await recordRequests();
    await click(payload.key, "snooze", 2);
    const snoozes = (await requests()).filter((r) => r.url.endsWith(`/schedules/${schedule.id}/reminder/snooze`));
    expect(snoozes).toHaveLength(2);
    const [a, b] = snoozes as [Logged, Logged];
    expect(a.key).toMatch(new RegExp(`^${payload.key}:snooze:[0-9a-f-]{36}$`));
    expect(b.key).toBe(a.key);
    // one snooze: the other answer is its replay (the snooze waits in the outbox, with or without Inngest)
    expect(a.status).toBe(200);
    expect(b.status).toBe(a.status);
    expect([a.replayed, b.replayed].filter((r) => r === "true")).toHaveLength(1);
    if (a.status === 200) expect(JSON.parse(b.body)).toEqual(JSON.parse(a.body));
  });

  it("a click while a Pinit page is open takes that page to the schedule", async () => {
    const schedule = await newSchedule("Plan the week");
    const payload = reminderOf(schedule, "Plan the week");
    await page.goto(`${origin}/settings`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await show(payload);
    await click(payload.key, "");
    await page.waitForURL(`${origin}/today?schedule=${schedule.id}`, { timeout: 10_000 });
    expect(await stateOf(schedule.id)).toBe("NOT_STARTED");
  });

  it("… also a page the worker does not control (a hard reload bypasses it)", async () => {
    const schedule = await newSchedule("Read the contract");
    const payload = reminderOf(schedule, "Read the contract");
    await page.goto(`${origin}/settings`);
    const loaded = page.waitForEvent("load");
    await cdp.send("Page.reload", { ignoreCache: true });
    await loaded;
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    // the page's listener is in place once it has hydrated
    await page.waitForLoadState("networkidle");
    await show(payload);
    await click(payload.key, "");
    await page.waitForURL(`${origin}/today?schedule=${schedule.id}`, { timeout: 10_000 });
  });
});
