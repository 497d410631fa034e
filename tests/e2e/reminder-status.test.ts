// The reminder status in settings (issue 17.4) in Chromium on a phone, in English and Korean. The e2e server has
// no push keys and no event engine (NODE_ENV=production without INNGEST_SIGNING_KEY), so the panel must say
// exactly that, with what to do; the permission line follows the browser's own permission; the panel asks
// again after "Check again". No serious axe violation; screenshots.
import type { Browser, Page } from "playwright-core";
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

const check = (page: Page, name: string) => page.locator(`[data-check="${name}"]`);

/** a check's data-ok and its lines (label with its spoken OK / Needs attention, state, advice), joined by " | " */
async function lines(page: Page, name: string): Promise<{ ok: string | null; text: string }> {
  const row = check(page, name);
  const texts = await row.locator("p").evaluateAll((ps) => ps.map((p) => (p.textContent ?? "").trim()));
  return { ok: await row.getAttribute("data-ok"), text: texts.join(" | ") };
}

async function openSettings(page: Page) {
  await page.goto(`${baseUrl()}/settings`);
  await page.getByTestId("reminder-checks").waitFor();
  await page.waitForLoadState("networkidle");
}

describe("reminder status in settings", () => {
  it("says, in English, what is missing on this device and on the server, and what to do (phone)", async () => {
    const member = await newMember({ locale: "en" });
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      await openSettings(page);
      const section = page.getByRole("region", { name: "Reminder status" });
      expect(await section.count()).toBe(1);
      expect(
        await page.locator("[data-check]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-check"))),
      ).toEqual(["permission", "device", "keys", "engine", "lastSent"]);
      expect(await lines(page, "permission")).toEqual({
        ok: "false",
        text: "Notification permission: Needs attention | Not asked yet | Turn on reminders above: the browser asks once.",
      });
      expect(await lines(page, "device")).toMatchObject({
        ok: "false",
        text: expect.stringContaining("Not subscribed"),
      });
      const keys = await lines(page, "keys");
      expect(keys.ok).toBe("false");
      expect(keys.text).toContain("Push keys on the server: Needs attention | None |");
      expect(keys.text).toContain("VAPID_PUBLIC_KEY");
      const engine = await lines(page, "engine");
      expect(engine.ok).toBe("false");
      expect(engine.text).toContain("Event engine: Needs attention | Off |");
      expect(engine.text).toContain("INNGEST_SIGNING_KEY");
      expect(await lines(page, "lastSent")).toMatchObject({ ok: "false", text: expect.stringContaining("None yet") });
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, "reminder-status-en-phone");

      // "Check again" asks the server once more and shows the same answer
      const asked = page.waitForResponse((r) => r.url().includes("/api/v1/push/status") && r.status() === 200);
      await page.getByRole("button", { name: "Check again" }).click();
      await asked;
      await page.getByTestId("reminder-checks").waitFor();
      expect((await lines(page, "engine")).text).toContain("Off");

      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("in Korean, with notifications allowed: the permission line is OK, the rest still says why not (phone)", async () => {
    const member = await newMember({ locale: "ko" });
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      await context.grantPermissions(["notifications"], { origin: baseUrl() });
      await openSettings(page);
      expect(await page.getByRole("region", { name: "알림 상태" }).count()).toBe(1);
      expect(await lines(page, "permission")).toEqual({ ok: "true", text: "알림 권한: 정상 | 허용됨" });
      expect((await lines(page, "device")).text).toContain("구독 안 됨");
      expect((await lines(page, "keys")).text).toContain("서버의 푸시 키: 확인 필요 | 없음 |");
      expect((await lines(page, "engine")).text).toContain("이벤트 엔진: 확인 필요 | 꺼짐 |");
      expect((await lines(page, "lastSent")).text).toContain("아직 없음");
      await page.getByRole("region", { name: "알림 상태" }).scrollIntoViewIfNeeded();
      await screenshot(page, "reminder-status-ko-phone");
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
