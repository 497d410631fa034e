// Accounts in a real browser against the built app: sign up, sign out, sign in, land on the today page; the
// way back after a redirect to sign-in; field errors tied to their fields, in Korean and English; settings;
// and the app working under its Content-Security-Policy (no violation on any page visited).
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, screenshot, VIEWPORTS } from "./browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const newUsername = () => `e2e_${randomBytes(5).toString("hex")}`;

/** a context whose pages record every CSP violation and page error */
async function open(options: { locale: string; viewport: keyof typeof VIEWPORTS }): Promise<{
  context: BrowserContext;
  page: Page;
  problems: string[];
}> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[options.viewport],
    isMobile: options.viewport === "phone",
    hasTouch: options.viewport === "phone",
    locale: options.locale,
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|CSP violation|Refused to/i.test(m.text()))
      problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

async function describedTexts(page: Page, selector: string): Promise<string> {
  const ids = (await page.locator(selector).getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(" | ");
}

describe("accounts in the browser", () => {
  it("sign up, sign out, sign in and land on the today page (English, phone)", async () => {
    const { context, page, problems } = await open({ locale: "en-US", viewport: "phone" });
    try {
      const username = newUsername();

      // a signed-out visitor of an app page is sent to sign in
      await page.goto(`${baseUrl()}/today`);
      await page.waitForURL(/\/signin$/);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Sign in");
      await page.getByRole("link", { name: "Sign up" }).click();
      await page.waitForURL(/\/signup/);
      await page.getByRole("heading", { level: 1, name: "Sign up" }).waitFor();
      await page.waitForLoadState("networkidle"); // hydrated: the form sends the browser's time zone

      // refused fields: each reason under its field, named by aria-describedby, the keyboard on the first one
      await page.getByLabel("Username").fill("ab");
      await page.getByLabel("Password").fill("short");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.locator("#signup-username-errors").waitFor();
      expect(await page.locator("#signup-message").innerText()).toBe("Please check the fields below.");
      expect(await page.getByLabel("Username").getAttribute("aria-invalid")).toBe("true");
      expect(await describedTexts(page, "#signup-username")).toContain("Username must be at least 4 characters.");
      expect(await describedTexts(page, "#signup-password")).toContain("Password must be at least 8 characters.");
      expect(await describedTexts(page, "#signup-password")).toContain(
        "Password must contain at least one letter and one digit.",
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("signup-username");
      await screenshot(page, "accounts-signup-errors-phone");

      // a valid sign-up signs in and lands on the today page
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password").fill("secret123");
      await page.getByLabel("Nickname").fill("Mina");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(/\/today$/);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Today");
      expect(await page.getByTestId("greeting").innerText()).toContain("Mina");

      const session = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
      expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

      // sign out from the settings page
      await page.getByRole("link", { name: "Settings" }).click();
      await page.waitForURL(/\/settings$/);
      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await page.waitForURL(/\/signin$/);
      expect((await context.cookies()).some((c) => c.name === "next-auth.session-token")).toBe(false);
      await page.goto(`${baseUrl()}/today`);
      await page.waitForURL(/\/signin$/);

      // a wrong password: one message for the form, both fields point at it
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password").fill("wrong1234");
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.locator("#signin-message");
      await alert.waitFor();
      expect(await alert.getAttribute("role")).toBe("alert");
      expect(await alert.innerText()).toBe("The username or password is not correct.");
      expect(await describedTexts(page, "#signin-password")).toContain("not correct");

      // the right one lands on the today page
      await page.getByLabel("Password").fill("secret123");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/today$/);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Today");
      expect(await page.getByTestId("greeting").innerText()).toContain("Mina");
      await screenshot(page, "accounts-today-phone");

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("brings a visitor back to the page they asked for; settings in Korean with field errors (desktop)", async () => {
    const { context, page, problems } = await open({ locale: "ko-KR", viewport: "desktop" });
    try {
      // sign up in Korean, with an empty form first
      await page.goto(`${baseUrl()}/signup`);
      await page.waitForLoadState("networkidle");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("회원가입");
      await page.getByRole("button", { name: "가입하기" }).click();
      await page.locator("#signup-username-errors").waitFor();
      expect(await describedTexts(page, "#signup-username")).toContain("필수 항목입니다.");
      expect(await describedTexts(page, "#signup-password")).toContain("필수 항목입니다.");
      const username = newUsername();
      await page.getByLabel("아이디").fill(username);
      await page.getByLabel("비밀번호").fill("비밀번호1234");
      await page.getByRole("button", { name: "가입하기" }).click();
      await page.waitForURL(/\/today$/);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("오늘");
      expect(await page.getByTestId("greeting").innerText()).toContain(username); // the nickname defaults to the username

      // sign out, then ask for the settings page: sign in, and come back to it
      await page.goto(`${baseUrl()}/settings`);
      await page.getByRole("button", { name: "로그아웃", exact: true }).click();
      await page.waitForURL(/\/signin$/);
      await page.goto(`${baseUrl()}/settings`);
      await page.waitForURL(/\/signin\?callbackUrl=%2Fsettings$/);
      await page.waitForLoadState("networkidle");
      await page.getByLabel("아이디").fill(username);
      await page.getByLabel("비밀번호").fill("비밀번호1234");
      await page.getByRole("button", { name: "로그인" }).click();
      await page.waitForURL(/\/settings$/);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("설정");

      // a refused setting is shown under its field, in Korean; nothing is saved
      await page.waitForLoadState("networkidle");
      await page.getByLabel("하루 목표 (분)").fill("0");
      await page.getByLabel("닉네임").fill("민아");
      await page.getByRole("button", { name: "저장" }).click();
      await page.locator("#settings-daily-goal-errors").waitFor();
      expect(await page.locator("#settings-message").getAttribute("role")).toBe("alert");
      expect(await describedTexts(page, "#settings-daily-goal")).toContain("1 이상이어야 합니다.");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("settings-daily-goal");
      await screenshot(page, "accounts-settings-error-desktop");

      // fixed, with a new time zone, lead time and language: saved, and the page speaks English now
      await page.getByLabel("하루 목표 (분)").fill("90");
      await page.getByLabel("시간대", { exact: true }).selectOption("Europe/Paris");
      await page.getByLabel("미리 알림").selectOption("30");
      await page.getByLabel("언어").selectOption("en");
      await page.getByRole("button", { name: "저장" }).click();
      await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
      expect(await page.locator("#settings-message").innerText()).toBe("Saved.");
      const me = await page.evaluate(async () => (await fetch("/api/v1/me")).json());
      expect(me).toMatchObject({
        nickname: "민아",
        dailyGoalMinutes: 90,
        timezone: "Europe/Paris",
        reminderLeadMinutes: 30,
        locale: "en",
      });
      await page.getByRole("link", { name: "Today" }).click();
      await page.waitForURL(/\/today$/);
      expect(await page.getByTestId("greeting").innerText()).toContain("민아");

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("serves every page with its security headers, and the landing page works under its policy", async () => {
    const { context, page, problems } = await open({ locale: "ko-KR", viewport: "phone" });
    try {
      for (const path of ["/", "/signin", "/signup"]) {
        const response = await page.goto(`${baseUrl()}${path}`);
        await page.waitForLoadState("networkidle");
        const headers = response!.headers();
        const csp = headers["content-security-policy"] ?? "";
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).toContain("object-src 'none'");
        expect(csp, path).not.toContain("unsafe-eval");
        if (path !== "/") expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
        expect(headers["x-content-type-options"]).toBe("nosniff");
        expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
        expect(headers["x-frame-options"]).toBe("DENY");
      }
      // every request gets its own nonce
      const nonceOf = async () =>
        /'nonce-([^']+)'/.exec((await fetch(`${baseUrl()}/signin`)).headers.get("content-security-policy") ?? "")?.[1];
      expect(await nonceOf()).not.toBe(await nonceOf());

      const api = await fetch(`${baseUrl()}/api/v1/me`);
      expect(api.status).toBe(401);
      expect(api.headers.get("x-content-type-options")).toBe("nosniff");

      // a signed-out request for an app page is redirected before anything renders
      const redirect = await fetch(`${baseUrl()}/settings?x=1`, { redirect: "manual" });
      expect(redirect.status).toBe(307);
      expect(redirect.headers.get("location")).toMatch(/\/signin\?callbackUrl=%2Fsettings%3Fx%3D1$/);

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
