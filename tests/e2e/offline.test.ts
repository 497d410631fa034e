// Offline reading: a page read online is served again by the service worker when the network is gone, with the
// "offline — read only" banner; a page never read says it is not available offline; nothing under /api/ is kept.
// Also the manifest that makes the app installable.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, screenshot } from "./browser";
import { newMember, signedIn } from "./library-member";

let browser: Browser;

/** polls `check` in the page until it is true (page.waitForFunction takes a returned promise as true at once) */
async function until(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await page.evaluate(check))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("offline", () => {
  it("reloads /today from the cache with the offline notice", async () => {
    const member = await newMember();
    const { context, page } = await signedIn(browser, member, "phone");
    try {
      await page.goto(`${baseUrl()}/today`);
      const heading = await page.getByRole("heading", { level: 1 }).innerText();
      // the worker registers after load, takes control and keeps a copy of this page and its files
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
      await until(
        page,
        async () => {
          const kept = async (url: string) => {
            for (const name of await caches.keys()) if (await (await caches.open(name)).match(url)) return true;
            return false;
          };
          const styles = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href);
          return (await kept("/today")) && (await Promise.all(styles.map(kept))).every(Boolean);
        },
        "the page and its styles are kept",
      );

      await context.setOffline(true);
      await page.reload();
      const banner = page.locator("#pinit-offline-banner");
      await banner.waitFor();
      // still there once the page has hydrated (React drops what it did not render; the page puts it back)
      await page.waitForLoadState("networkidle");
      await banner.waitFor({ timeout: 5_000 });
      expect(await banner.innerText()).toContain("Offline — read only");
      expect(await banner.getAttribute("role")).toBe("status");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(heading);
      // styled from the cached stylesheet: the banner's own style aside, the page's canvas colour is applied
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(246, 248, 247)");
      await screenshot(page, "offline-today-phone");

      // a page never read while online: a notice, not the browser's error page
      await page.goto(`${baseUrl()}/stats?week=2020-01-06`);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("You are offline");

      // nothing personal from the API is kept
      const kept = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys())
          for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
        return urls;
      });
      expect(kept.some((u) => u.startsWith("/api/"))).toBe(false);
      expect(kept).toContain("/today");

      // back online: the live page, no banner
      await context.setOffline(false);
      await page.goto(`${baseUrl()}/today`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.locator("#pinit-offline-banner").count()).toBe(0);

      // reaching the sign-in page (as signing out does) forgets the kept pages
      await context.clearCookies();
      await page.goto(`${baseUrl()}/signin`);
      await until(
        page,
        async () => {
          for (const name of await caches.keys()) if (await (await caches.open(name)).match("/today")) return false;
          return true;
        },
        "the kept pages are forgotten",
      );
    } finally {
      await context.close();
    }
  });

  it("serves a manifest that makes the app installable", async () => {
    const response = await fetch(`${baseUrl()}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as {
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      start_url: "/today",
      display: "standalone",
      theme_color: "#2b6b63",
      background_color: "#f6f8f7",
    });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]),
    );
    for (const icon of manifest.icons) expect((await fetch(`${baseUrl()}${icon.src}`)).status).toBe(200);
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl()}/signin`);
      expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
    } finally {
      await page.close();
    }
  });
});
