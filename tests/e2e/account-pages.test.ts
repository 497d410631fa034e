// The account pages (sign-in, sign-up, settings) on a phone and a desktop: their words come from next-intl's
// "account" namespace, ?lang= still chooses the sign-in and sign-up pages' language over the browser's, no
// serious or critical axe violation, and a screenshot of each.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, screenshot, VIEWPORTS, type ViewportName } from "./browser";
import { newMember, seriousViolations, signedIn } from "./library-member";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** a signed-out context that bypasses the CSP, so that axe-core can be injected */
async function openSignedOut(
  viewport: ViewportName,
  locale: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    isMobile: viewport === "phone",
    hasTouch: viewport === "phone",
    locale,
    bypassCSP: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

async function visit(page: Page, path: string) {
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForLoadState("networkidle");
}

describe.each(["phone", "desktop"] as const)("the account pages (%s)", (viewport) => {
  it("sign-in and sign-up: Korean by the browser, English by ?lang=; no serious axe violations", async () => {
    const { context, page, errors } = await openSignedOut(viewport, "ko-KR");
    try {
      await visit(page, "/signin");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("로그인");
      expect(await page.getByLabel("아이디").count()).toBe(1);
      expect(await page.getByRole("link", { name: "회원가입" }).count()).toBe(1);
      expect(await page.getByRole("link", { name: "English" }).getAttribute("href")).toBe("/signin?lang=en");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `account-signin-${viewport}`);

      // ?lang=en wins over the browser's Korean, in the server's words and the form's (client) words
      await visit(page, "/signup?lang=en");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Sign up");
      expect(await page.getByRole("button", { name: "Create account" }).count()).toBe(1);
      expect(await page.getByText("Leave it empty to use your username.").count()).toBe(1);
      expect(await page.getByText(/^Time zone: .+ \(you can change it in settings\)$/).count()).toBe(1);
      expect(await page.getByRole("link", { name: "한국어" }).getAttribute("href")).toBe("/signup?lang=ko");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `account-signup-${viewport}`);

      // a refused sign-up says its reasons in the page's language (the Korean table of lib/i18n/reasons.ts)
      await visit(page, "/signup?lang=ko");
      await page.getByLabel("아이디").fill("ab");
      await page.getByLabel("비밀번호").fill("secret123");
      await page.getByRole("button", { name: "가입하기" }).click();
      await page.locator("#signup-username-errors").waitFor();
      expect(await page.locator("#signup-username-errors").innerText()).toContain("4자 이상이어야 합니다.");
      expect(await page.locator("#signup-message").innerText()).toBe("입력한 내용을 확인해 주세요.");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("settings in the member's language; no serious axe violations", async () => {
    const member = await newMember({ locale: "en" });
    const { context, page, errors } = await signedIn(browser, member, viewport, { bypassCSP: true });
    try {
      await visit(page, "/settings");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Settings");
      expect(await page.getByText(`Signed in as ${member.username}.`).count()).toBe(1);
      expect(await page.getByRole("region", { name: "Notifications" }).count()).toBe(1);
      const leadOptions = await page.locator("#settings-reminder-lead option").allInnerTexts();
      expect(leadOptions[0]).toBe("At the start");
      expect(leadOptions.slice(1).every((o) => /^\d+ minutes before$/.test(o))).toBe(true);
      expect(await page.locator("#settings-locale option").allInnerTexts()).toEqual(["한국어", "English"]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `account-settings-${viewport}`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
