// Statistics in a real browser: a schedule completed through the API shows on /stats as the week's completed count
// and time (total and by type), the same numbers GET /statistics/week gives; week navigation; axe; screenshots.
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

type Schedule = { id: string; state: string; elapsedSeconds: number };
type Week = { weekStart: string; totalSeconds: number; completedCount: number; byType: Record<string, number> };

describe("statistics", () => {
  it("shows the completed count and time of a schedule completed through the API", async () => {
    const member = await newMember();
    const created = await member.api<Schedule>("POST", "/schedules", {
      title: "Write the intro",
      startAt: new Date().toISOString(),
      type: "DEEP_WORK",
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await member.api("POST", `/schedules/${id}/start`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_200));
    const completed = await member.api<Schedule>("POST", `/schedules/${id}/complete`);
    expect(completed.body.state).toBe("COMPLETED");
    const seconds = completed.body.elapsedSeconds;
    expect(seconds).toBeGreaterThanOrEqual(2);
    const week = (await member.api<Week>("GET", "/statistics/week")).body;
    expect(week.totalSeconds).toBe(seconds);

    for (const viewport of ["phone", "desktop"] as const) {
      const { context, page, errors } = await signedIn(browser, member, viewport, { bypassCSP: true });
      try {
        await page.goto(`${baseUrl()}/stats`);
        expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Statistics");
        expect(await page.getByTestId("completed-count").innerText()).toBe("1 schedule");
        expect(await page.getByTestId("total-time").innerText()).toBe(`${seconds} s`);
        expect(await page.getByTestId("type-DEEP_WORK").innerText()).toBe(`${seconds} s`);
        expect(await page.getByTestId("type-QUICK_TASK").innerText()).toBe("0 min");
        // the charts are named pictures; the numbers are in tables
        await page.getByRole("img", { name: "Time worked each day, with the daily goal as a line" }).waitFor();
        await page.getByRole("img", { name: "Share of time by type" }).waitFor();
        expect(await page.getByTestId("goal-line").count()).toBe(1);
        expect(await page.getByRole("table").count()).toBe(2);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `stats-${viewport}`);

        // the week before has nothing; "this week" comes back
        await page.getByRole("link", { name: "Previous week" }).click();
        await page.waitForURL(/\?week=\d{4}-\d{2}-\d{2}$/);
        expect(await page.getByTestId("completed-count").innerText()).toBe("none");
        expect(await page.getByTestId("total-time").innerText()).toBe("0 min");
        await page.getByRole("link", { name: "This week" }).click();
        await page.waitForURL(/\/stats$/);
        expect(await page.getByTestId("completed-count").innerText()).toBe("1 schedule");
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it("speaks Korean to a Korean member (tasks and statistics)", async () => {
    const member = await newMember({ locale: "ko" });
    const { context, page, errors } = await signedIn(browser, member, "phone");
    try {
      await page.goto(`${baseUrl()}/stats`);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("통계");
      expect(await page.getByTestId("completed-count").innerText()).toBe("없음");
      await page.getByRole("link", { name: "지난주" }).waitFor();
      await screenshot(page, "stats-ko-phone");
      await page.goto(`${baseUrl()}/tasks`);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("할 일");
      await page.getByText("진행 중인 할 일이 없습니다.").waitFor();
      await page.goto(`${baseUrl()}/tasks/new`);
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "할 일 만들기" }).click();
      expect(await page.locator("#task-title-errors").innerText()).toBe("비워 둘 수 없습니다.");
      await screenshot(page, "tasks-new-ko-phone");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
