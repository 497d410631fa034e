// Ending sessions in the browser: the settings page's password change (the current password required; this
// browser stays signed in, another one is signed out) and "Sign out everywhere" (every session ends, this one
// too, and the member's API token with it). No serious axe violation on the settings page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, screenshot } from "./browser";
import { newMember, seriousViolations, signedIn } from "./library-member";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("ending sessions in the browser", () => {
  it("changes the password: a wrong current one is refused on its field; then other devices and tokens are signed out", async () => {
    const member = await newMember();
    const here = await signedIn(browser, member, "desktop", { bypassCSP: true });
    const elsewhere = await signedIn(browser, member, "phone");
    try {
      const { page } = here;
      await page.goto(`${baseUrl()}/settings`);
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel("Current password").fill("wrong1234");
      await page.getByLabel("New password").fill("another456");
      await page.getByRole("button", { name: "Change password" }).click();
      await page.locator("#settings-current-password-errors").waitFor();
      expect(await page.locator("#settings-current-password-errors").innerText()).toBe(
        "The current password is not correct.",
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("settings-current-password");

      await page.getByLabel("Current password").fill("secret123");
      await page.getByLabel("New password").fill("another456");
      await page.getByRole("button", { name: "Change password" }).click();
      await page.getByText("Password changed.").waitFor();
      await screenshot(page, "settings-password-changed-desktop");

      // this browser stays signed in (a fresh session); the other one and the old token are out
      await page.goto(`${baseUrl()}/settings`);
      await page.waitForURL(/\/settings$/);
      await elsewhere.page.goto(`${baseUrl()}/settings`);
      await elsewhere.page.waitForURL(/\/signin\?callbackUrl=%2Fsettings$/);
      expect((await member.api("GET", "/me")).status).toBe(401);
      expect(here.errors).toEqual([]);
    } finally {
      await here.context.close();
      await elsewhere.context.close();
    }
  });

  it("signs out everywhere: this browser, another one and the API token", async () => {
    const member = await newMember();
    const here = await signedIn(browser, member, "phone");
    const elsewhere = await signedIn(browser, member, "desktop");
    try {
      const { page } = here;
      await page.goto(`${baseUrl()}/settings`);
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "Sign out everywhere" }).click();
      await page.waitForURL(/\/signin$/);
      await page.goto(`${baseUrl()}/today`);
      await page.waitForURL(/\/signin/);
      await elsewhere.page.goto(`${baseUrl()}/today`);
      await elsewhere.page.waitForURL(/\/signin/);
      expect((await member.api("GET", "/me")).status).toBe(401);
    } finally {
      await here.context.close();
      await elsewhere.context.close();
    }
  });
});
