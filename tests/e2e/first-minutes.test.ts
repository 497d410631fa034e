// The first ten minutes of a new member (issue 20, items 3, 4, 12 and 13), on a phone, in English and Korean:
// an overdue task stays in the open list, flagged, and can still be linked to a new schedule, while the archive
// holds only finished tasks; the task form asks before saving a past deadline; a completed schedule card looks
// done and says how long it took; settings search time zones by city with their offsets, refuse an emptied daily
// goal, disable Save offline with the reason; the offline banner never covers the navigation; a favicon is
// served; a title pasted past the limit is refused with its count instead of being cut. Screenshots are kept.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, screenshot } from "./browser";
import { newMember, seriousViolations, signedIn, type Member } from "./library-member";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Task = { id: string; title: string; scheduleId: string | null };
type Schedule = { id: string; state: string };

const TEXTS = {
  en: {
    overdue: "Past deadline",
    archiveTab: "Archive",
    title: "Title",
    deadline: "Deadline",
    create: "Create task",
    ask: "This deadline is in the past. Save it anyway, or pick another day.",
    savePast: "Save with a past deadline",
    tooLong: "The title is 45 characters: shorten it to 40 or fewer (nothing was cut).",
    done: "Done · took under a minute",
    search: "Search time zones",
    dailyGoal: "Daily goal (minutes)",
    required: "Daily goal is required.",
    saved: "Saved.",
    save: "Save",
    offline: "You are offline: saving needs the network, so it waits until you are back online.",
  },
  ko: {
    overdue: "마감 지남",
    archiveTab: "보관함",
    title: "제목",
    deadline: "마감일",
    create: "할 일 만들기",
    ask: "마감일이 과거입니다. 그대로 저장하거나 다른 날을 고르세요.",
    savePast: "지난 마감일로 저장",
    tooLong: "제목이 45자입니다. 40자 이하로 줄여 주세요 (잘라내지 않았습니다).",
    done: "완료 · 1분 미만 걸림",
    search: "시간대 검색",
    dailyGoal: "하루 목표 (분)",
    required: "필수 항목입니다.",
    saved: "저장했습니다.",
    save: "저장",
    offline: "오프라인 상태입니다. 저장하려면 네트워크가 필요하니 다시 연결된 뒤에 저장하세요.",
  },
} as const;
const LOCALES = ["en", "ko"] as const;

async function openTasks(member: Member): Promise<Task[]> {
  return (await member.api<{ items: Task[] }>("GET", "/tasks?status=open&limit=100")).body.items;
}

async function newTask(member: Member, title: string, deadline: string): Promise<Task> {
  const created = await member.api<Task>("POST", "/tasks", { title, deadline, importance: 5, difficulty: 3 });
  expect(created.status).toBe(201);
  return created.body;
}

describe("the first ten minutes", () => {
  it.each(LOCALES)(
    "an overdue task stays open, flagged and schedulable; the archive holds finished tasks (%s, phone)",
    async (locale) => {
      const text = TEXTS[locale];
      const member = await newMember({ locale });
      const late = await newTask(member, "Pay the old bill", "2020-01-01");
      const done = await newTask(member, "Already done", "2020-01-02");
      expect((await member.api("POST", `/tasks/${done.id}/complete`)).status).toBe(200);
      const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
      try {
        await page.goto(`${baseUrl()}/tasks`);
        const list = page.getByTestId("task-list");
        const row = list.getByRole("listitem").filter({ hasText: late.title });
        await row.waitFor();
        expect(await row.getByText(text.overdue, { exact: true }).count()).toBe(1);
        expect(await list.getByText(done.title).count()).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `first-minutes-overdue-open-${locale}-phone`);

        await page.getByRole("link", { name: text.archiveTab }).click();
        await page.waitForURL(/status=archived/);
        await page.getByTestId("task-list").getByText(done.title).waitFor();
        expect(await page.getByTestId("task-list").getByText(late.title).count()).toBe(0);
        await screenshot(page, `first-minutes-archive-${locale}-phone`);

        // still offered when a schedule is added on Today, and linking it works
        if (locale === "en") {
          await page.goto(`${baseUrl()}/today`);
          await page.waitForLoadState("networkidle");
          await page.getByRole("button", { name: "Add schedule" }).click();
          const sheet = page.getByRole("dialog", { name: "New schedule" });
          const taskSelect = sheet.getByLabel("Linked task");
          await taskSelect.waitFor();
          expect(await taskSelect.locator("option", { hasText: late.title }).count()).toBe(1);
          await sheet.getByLabel("Title", { exact: true }).fill("Pay it now");
          await sheet.getByLabel("Start time").fill("23:30");
          await taskSelect.selectOption({ label: late.title });
          await sheet.getByRole("button", { name: "Add", exact: true }).click();
          await sheet.waitFor({ state: "hidden" });
          await expect
            .poll(async () => (await openTasks(member)).find((t) => t.id === late.id)?.scheduleId ?? null)
            .not.toBeNull();
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it.each(LOCALES)("the task form asks before saving a past deadline (%s, phone)", async (locale) => {
    const text = TEXTS[locale];
    const member = await newMember({ locale });
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      await page.goto(`${baseUrl()}/tasks/new`);
      await page.waitForLoadState("networkidle");
      await page.getByLabel(text.title, { exact: true }).fill("Renew the passport");
      await page.getByLabel(text.deadline, { exact: true }).fill("1999-01-01");
      await page.getByTestId("past-deadline").waitFor();
      await page.getByRole("button", { name: text.create }).click();
      await page.getByText(text.ask).waitFor();
      await screenshot(page, `first-minutes-past-deadline-${locale}-phone`);
      expect(await seriousViolations(page)).toEqual([]);
      // asked, not saved
      expect(new URL(page.url()).pathname).toBe("/tasks/new");
      expect(await openTasks(member)).toEqual([]);

      await page.getByRole("button", { name: text.savePast }).click();
      await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
      const tasks = await openTasks(member);
      expect(tasks.map((t) => t.title)).toEqual(["Renew the passport"]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(LOCALES)("a title pasted past the limit is refused with its count, not cut (%s, phone)", async (locale) => {
    const text = TEXTS[locale];
    const member = await newMember({ locale });
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      await page.goto(`${baseUrl()}/tasks/new`);
      await page.waitForLoadState("networkidle");
      const title = page.getByLabel(text.title, { exact: true });
      const pasted = "Write the quarterly report for the whole team"; // 45 characters
      expect(pasted).toHaveLength(45);
      await title.focus();
      await page.keyboard.insertText(pasted); // as a paste does: an input maxlength would cut it here
      expect(await title.inputValue()).toBe(pasted);
      await page.getByText(text.tooLong).waitFor();
      expect(await page.getByText("45/40").count()).toBeGreaterThan(0);
      await page.getByRole("button", { name: text.create }).click();
      expect(await title.getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, `first-minutes-title-too-long-${locale}-phone`);
      expect(await openTasks(member)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(LOCALES)("a completed schedule card looks done and says how long it took (%s, phone)", async (locale) => {
    const text = TEXTS[locale];
    const member = await newMember({ locale });
    const created = await member.api<Schedule>("POST", "/schedules", {
      title: "Morning pages",
      startAt: new Date().toISOString(),
      type: "QUICK_TASK",
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await member.api("POST", `/schedules/${id}/start`)).status).toBe(200);
    expect((await member.api<Schedule>("POST", `/schedules/${id}/complete`)).body.state).toBe("COMPLETED");
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      const card = page.locator(`[data-testid="schedule-card"][data-schedule-id="${id}"]`);
      await card.waitFor();
      expect(await card.getAttribute("data-state")).toBe("COMPLETED");
      expect(await card.getByTestId("done-summary").innerText()).toBe(text.done);
      const decoration = await card
        .getByRole("heading", { name: "Morning pages" })
        .evaluate((h) => getComputedStyle(h).textDecorationLine);
      expect(decoration).toContain("line-through");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `first-minutes-done-card-${locale}-phone`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(LOCALES)(
    "settings: time zones searched by city with offsets, an emptied daily goal refused, Save disabled offline (%s, phone)",
    async (locale) => {
      const text = TEXTS[locale];
      const member = await newMember({ locale });
      const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
      try {
        await page.goto(`${baseUrl()}/settings`);
        await page.waitForLoadState("networkidle");
        const form = page.locator("form", { has: page.locator("#settings-nickname") });
        const zone = page.locator("#settings-timezone");
        expect(await zone.locator("option").count()).toBeGreaterThan(300);
        await page.getByLabel(text.search).fill("seoul");
        expect(await zone.inputValue()).toBe("Asia/Seoul");
        const label = await zone.locator("option:checked").innerText();
        expect(label).toContain("UTC+09:00");
        expect(label).toContain(locale === "ko" ? "한국 표준시" : "Korean Standard Time");
        await screenshot(page, `first-minutes-timezone-${locale}-phone`);

        // an emptied daily goal is refused under its field, and nothing is saved
        await page.getByLabel(text.dailyGoal).fill("");
        await form.getByRole("button", { name: text.save, exact: true }).click();
        await page.locator("#settings-daily-goal-errors").getByText(text.required).waitFor();
        expect(await page.getByText(text.saved, { exact: true }).count()).toBe(0);
        const me = (await member.api<{ timezone: string; dailyGoalMinutes: number }>("GET", "/me")).body;
        expect(me.timezone).toBe("UTC");

        // with a goal, the zone is saved
        await page.getByLabel(text.dailyGoal).fill("90");
        await form.getByRole("button", { name: text.save, exact: true }).click();
        await page.getByText(text.saved, { exact: true }).waitFor();
        await expect
          .poll(async () => (await member.api<{ timezone: string }>("GET", "/me")).body.timezone)
          .toBe("Asia/Seoul");
        expect(await seriousViolations(page)).toEqual([]);

        // offline: Save is disabled and says why
        await context.setOffline(true);
        const save = form.getByRole("button", { name: text.save, exact: true });
        await expect.poll(() => save.isDisabled()).toBe(true);
        expect(await page.locator("#settings-offline").innerText()).toBe(text.offline);
        await screenshot(page, `first-minutes-settings-offline-${locale}-phone`);
        await context.setOffline(false);
        await expect.poll(() => save.isDisabled()).toBe(false);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it("the offline banner sits above the navigation and never covers it, scrolled or not (phone)", async () => {
    const member = await newMember();
    const { context, page } = await signedIn(browser, member, "phone");
    try {
      await page.goto(`${baseUrl()}/today`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
      const deadline = Date.now() + 15_000;
      while (
        !(await page.evaluate(async () => {
          for (const name of await caches.keys()) if (await (await caches.open(name)).match("/today")) return true;
          return false;
        }))
      ) {
        if (Date.now() > deadline) throw new Error("timed out waiting until /today is kept");
        await new Promise((r) => setTimeout(r, 200));
      }
      await context.setOffline(true);
      await page.reload();
      const banner = page.locator("#pinit-offline-banner");
      await banner.waitFor();
      await page.waitForLoadState("networkidle");
      const overlap = async (scrollY: number) =>
        page.evaluate((y) => {
          document.body.style.minHeight = "4000px";
          window.scrollTo(0, y);
          const b = document.getElementById("pinit-offline-banner")!.getBoundingClientRect();
          const n = document.querySelector("header nav")!.getBoundingClientRect();
          return Math.max(0, Math.min(b.bottom, n.bottom) - Math.max(b.top, n.top));
        }, scrollY);
      expect(await overlap(0)).toBe(0);
      expect(await overlap(40)).toBe(0);
      expect(await overlap(120)).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "first-minutes-offline-banner-phone");
    } finally {
      await context.close();
    }
  });

  it("a favicon is served, and a page load asks for nothing that is missing", async () => {
    const icon = await fetch(`${baseUrl()}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/image/);
    const member = await newMember();
    const { context, page } = await signedIn(browser, member, "phone");
    try {
      const missing: string[] = [];
      page.on("response", (r) => {
        if (r.status() === 404) missing.push(r.url());
      });
      await page.goto(`${baseUrl()}/tasks`);
      await page.waitForLoadState("networkidle");
      expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
