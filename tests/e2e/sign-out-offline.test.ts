// Signing out forgets this device's offline copies of the member's pages, also on a page the service worker
// does not control (a hard reload bypasses the worker, as does the first page of a visit), and the next
// member signing in on the device never gets the last one's page offline.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser } from "./browser";
import { newMember, signedIn } from "./library-member";

let browser: Browser;

/** polls `check` in the page until it is true (page.waitForFunction does not wait for a promise's value) */
async function until(page: Page, check: (arg: string) => Promise<boolean>, arg: string, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await page.evaluate(check, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** the paths of the pages the worker keeps */
const keptPages = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith("pinit-pages-")) continue;
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing out on this device", () => {
  it("forgets the kept pages on a page the worker does not control, so the next member never sees them", async () => {
    const first = await newMember();
    const second = await newMember();
    const secret = `Only-for-the-first-${crypto.randomUUID().slice(0, 8)}`;
    const created = await first.api("POST", "/schedules", {
      title: secret,
      startAt: new Date().toISOString(),
      type: "DEEP_WORK",
    });
    expect(created.status).toBe(201);

    const { context, page } = await signedIn(browser, first, "desktop");
    try {
      const origin = baseUrl();
      await page.goto(`${origin}/today`);
      await page.getByText(secret).first().waitFor();
      // the worker keeps a copy of /today (with the first member's schedule in it)
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
      await until(
        page,
        async (secret) => {
          const kept = await caches.match("/today");
          return kept ? (await kept.text()).includes(secret) : false;
        },
        secret,
        "the worker keeps /today",
      );

      // settings, hard-reloaded: the worker does not control this page
      await page.goto(`${origin}/settings`);
      const cdp = await context.newCDPSession(page);
      const loaded = page.waitForEvent("load");
      await cdp.send("Page.reload", { ignoreCache: true });
      await loaded;
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      await page.waitForLoadState("networkidle");
      await until(page, async () => !!(await caches.match("/settings")), "", "the worker keeps /settings");
      expect(await keptPages(page)).toEqual(["/settings", "/today"]);

      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await page.waitForURL(/\/signin/);
      await until(
        page,
        async () => !(await caches.match("/today")) && !(await caches.match("/settings")),
        "",
        "the kept pages are gone",
      );
      expect(await keptPages(page)).toEqual([]);

      // the next member signs in on this device, then goes offline: never the first member's copy
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Username").fill(second.username);
      await page.getByLabel("Password").fill("secret123");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/today/);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.content()).not.toContain(secret); // this /today, if kept, is the second member's own
      // a page only the first member read on this device: not available offline, never the first one's copy
      await page.goto(`${origin}/settings`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("You are offline");
      expect(await page.content()).not.toContain(first.username);
    } finally {
      await context.close();
    }
  });
});
