// Smoke test: the public landing page renders on a phone and on a desktop.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, screenshot, VIEWPORTS, type ViewportName } from "./browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("home page", () => {
  for (const name of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`renders on a ${name}`, async () => {
      const context = await browser.newContext({
        viewport: VIEWPORTS[name],
        isMobile: name === "phone",
        hasTouch: name === "phone",
        locale: "ko-KR",
      });
      try {
        const page = await context.newPage();
        const response = await page.goto(`${baseUrl()}/`);
        expect(response?.status()).toBe(200);

        const heading = page.getByRole("heading", { level: 1 });
        expect(await heading.count()).toBe(1);
        expect((await heading.textContent())?.trim()).toBe("Pinit");
        expect(await heading.isVisible()).toBe(true);

        const signIn = page.locator('a[href="/signin"]');
        expect(await signIn.count()).toBeGreaterThan(0);
        expect(await signIn.first().isVisible()).toBe(true);
        expect(await page.locator("main").count()).toBe(1);

        await screenshot(page, `home-${name}`);
      } finally {
        await context.close();
      }
    });
  }
});
