// Signing out forgets this device's offline copies of the member's pages, also on a page the service worker
// does not control (a hard reload bypasses the worker, as does the first page of a visit), and the next
// member signing in on the device never gets the last one's page offline.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser } from "./browser";
import { newMember, signedIn } from "./library-member";

let browser: Browser;
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
    const created = await first.api("POST", "/schedules", { title: secret, startAt: new Date().toISOString(), type: "DEEP_WORK" });
    expect(created.status).toBe(201);

    const { context, page } = await signedIn(browser, first, "desktop");
    try {
      const origin = baseUrl();
      await page.goto(`${origin}/today`);
      await page.getByText(secret).first().waitFor();
      // the worker keeps a copy of /today (with the first member's schedule in it)
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
      await page.waitForFunction(
        async (secret) => {
          const kept = await caches.match("/today");
          return kept ? (await kept.text()).includes(secret) : false;
        },
        secret,
        { timeout: 15_000, polling: 200 },
      );

      // settings, hard-reloaded: the worker does not control this page
      await page.goto(`${origin}/settings`);
      const cdp = await context.newCDPSession(page);
      const loaded = page.waitForEvent("load");
      await cdp.send("Page.reload", { ignoreCache: true });
      await loaded;
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      await page.waitForLoadState("networkidle");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/signin/);
      await page.waitForFunction(
        async () => {
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            if ((await cache.match("/today")) || (await cache.match("/settings"))) return false;
          }
          return true;
        },
        undefined,
        { timeout: 10_000, polling: 200 },
      );

      // the next member signs in on this device, then goes offline: never the first member's copy
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Username").fill(second.username);
      await page.getByLabel("Password").fill("secret123");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/today/);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.content()).not.toContain(secret);
    } finally {
      await context.close();
    }
  });
});
