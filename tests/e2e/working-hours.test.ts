// The working-hours section of the settings page in a real browser: an overlap is refused under its row in the
// member's language and saves nothing; an added evening and a new buffer are saved as one week (GET /me reads them).
// And the day view shows each schedule's planned length.
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

type Me = { workingHours: Record<string, { start: string; end: string }[]>; bufferMinutes: number };

describe("settings: working hours", () => {
  it("refuses an overlap in Korean under its row, then saves an added evening and the buffer", async () => {
    const member = await newMember({ locale: "ko" });
    const { context, page } = await signedIn(browser, member, "desktop");
    try {
      await page.goto(`${baseUrl()}/settings`);
      await page.waitForLoadState("networkidle");
      const monday = page.locator('fieldset[data-weekday="1"]');
      await monday.getByRole("button", { name: "시간 추가" }).click();
      // the new row starts at 18:00; make it overlap the day's 09:00–18:00
      const starts = monday.getByLabel("시작", { exact: true });
      await starts.nth(1).fill("17:00");
      await page.getByRole("button", { name: "근무 시간 적용" }).click();
      await expect.poll(() => monday.getByText("같은 날의 다른 시간과 겹칩니다.").count()).toBe(1);
      expect(await starts.nth(1).getAttribute("aria-invalid")).toBe("true");
      expect((await member.api<Me>("GET", "/me")).body.workingHours["1"]).toEqual([{ start: "09:00", end: "18:00" }]);

      await starts.nth(1).fill("19:00");
      await page.getByLabel("블록 사이 여유 (분)").fill("15");
      await page.getByRole("button", { name: "근무 시간 적용" }).click();
      await expect.poll(() => page.getByText("저장했습니다.").count()).toBe(1);
      const me = (await member.api<Me>("GET", "/me")).body;
      expect(me.workingHours["1"]).toEqual([
        { start: "09:00", end: "18:00" },
        { start: "19:00", end: "24:00" },
      ]);
      expect(me.workingHours["6"]).toEqual([]);
      expect(me.bufferMinutes).toBe(15);
    } finally {
      await context.close();
    }
  });
});

describe("today: planned length", () => {
  it("each card shows its schedule's planned minutes", async () => {
    const member = await newMember({ locale: "en" });
    const created = await member.api("POST", "/schedules", {
      title: "Plan the week",
      startAt: new Date().toISOString(),
      type: "ADMIN_TASK",
      plannedMinutes: 45,
    });
    expect(created.status).toBe(201);
    const { context, page } = await signedIn(browser, member, "phone");
    try {
      await page.goto(`${baseUrl()}/today`);
      await page.waitForLoadState("networkidle");
      const card = page.getByTestId("schedule-card").filter({ hasText: "Plan the week" });
      expect(await card.getByTestId("planned-minutes").innerText()).toBe("45 min planned");
    } finally {
      await context.close();
    }
  });
});
