// The day view and the player in a real browser against the built app: add a schedule and run it through
// start, pause, resume and complete with the timer advancing (and surviving a reload); the switch prompt
// when a second schedule starts; a refused transition on a stale card rolling back with a message; moving a
// schedule to another day; keyboard shortcuts; Korean → English; no serious axe violation; screenshots.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, screenshot, VIEWPORTS, type ViewportName } from "./browser";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "secret123";
const newUsername = () => `e2e_${randomBytes(5).toString("hex")}`;

/**
 * A context that records page errors and Content-Security-Policy violations. `axe`: bypass the CSP so that
 * axe-core can be injected (the app's strict policy would refuse it); every other test runs under the policy.
 */
async function open(
  viewport: ViewportName,
  locale: string,
  options: { axe?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    isMobile: viewport === "phone",
    hasTouch: viewport === "phone",
    locale,
    bypassCSP: options.axe ?? false,
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.sourceFile} on ${location.pathname}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /CSP violation|Content Security Policy|Refused to/i.test(m.text()))
      errors.push(m.text());
  });
  return { context, page, errors };
}

/** signs up through the sign-up page (the page's language becomes the member's) and lands on /today */
async function signUpInPage(page: Page, lang: "en" | "ko", nickname: string): Promise<string> {
  const username = newUsername();
  await page.goto(`${baseUrl()}/signup`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel(lang === "en" ? "Username" : "아이디").fill(username);
  await page.getByLabel(lang === "en" ? "Password" : "비밀번호").fill(PASSWORD);
  await page.getByLabel(lang === "en" ? "Nickname" : "닉네임").fill(nickname);
  await page.getByRole("button", { name: lang === "en" ? "Create account" : "가입하기" }).click();
  await page.waitForURL(/\/today$/);
  await page.waitForLoadState("networkidle");
  return username;
}

/** adds a schedule through the sheet; time "HH:MM" on the shown day */
async function addSchedule(page: Page, title: string, time: string, lang: "en" | "ko" = "en") {
  await page.getByRole("button", { name: lang === "en" ? "Add schedule" : "일정 추가" }).click();
  const sheet = page.getByRole("dialog", { name: lang === "en" ? "New schedule" : "새 일정" });
  await sheet.getByLabel(lang === "en" ? "Title" : "제목").fill(title);
  await sheet.getByLabel(lang === "en" ? "Start time" : "시작 시간").fill(time);
  await sheet.getByRole("button", { name: lang === "en" ? "Add" : "추가", exact: true }).click();
  await sheet.waitFor({ state: "hidden" });
  await card(page, title).waitFor();
}

function card(page: Page, title: string): Locator {
  return page.getByTestId("schedule-card").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

async function press(scope: Locator, name: string) {
  await scope.getByRole("button", { name, exact: true }).click();
}

/** waits until `target` (a card or the mini player) shows `state` and the server has answered (not busy) */
async function waitForState(target: Locator, state: string) {
  await expect
    .poll(
      async () => `${await target.getAttribute("data-state")} ${(await target.getAttribute("aria-busy")) ?? "idle"}`,
      { timeout: 10_000 },
    )
    .toBe(`${state} idle`);
}

/** seconds shown by a timer "mm:ss" or "h:mm:ss" */
async function seconds(timer: Locator): Promise<number> {
  const text = (await timer.innerText()).trim();
  return text
    .split(":")
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.targets.join(", ")}`);
}

describe("today and the player", () => {
  it("adds a schedule and runs it: start, pause, resume, complete, with a live timer that survives a reload (phone)", async () => {
    const { context, page, errors } = await open("phone", "en-US");
    try {
      await signUpInPage(page, "en", "Mina");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Today");
      expect(await page.getByTestId("greeting").innerText()).toContain("Mina");
      expect(await page.getByTestId("day-empty").isVisible()).toBe(true);

      await addSchedule(page, "Write the report", "23:30");
      const report = card(page, "Write the report");
      expect(await report.getAttribute("data-state")).toBe("NOT_STARTED");
      // a block of its planned length (30 minutes by default), with no progress bar before it starts
      expect(await report.getAttribute("data-planned-minutes")).toBe("30");
      expect(await report.getByTestId("track-progress").count()).toBe(0);
      // only what the table allows from NOT_STARTED
      expect(
        await report.locator("[data-action]").evaluateAll((els) => els.map((e) => e.getAttribute("data-action"))),
      ).toEqual(["start", "complete"]);

      await press(report, "Start");
      const player = page.getByRole("region", { name: "Now playing" });
      await waitForState(player, "IN_PROGRESS");
      expect(await player.innerText()).toContain("Write the report");
      const timer = player.getByRole("timer");
      await expect.poll(() => seconds(timer), { timeout: 6_000 }).toBeGreaterThanOrEqual(2);
      // the track's progress against its planned 30 minutes
      const progress = report.getByTestId("track-progress");
      expect(await progress.getAttribute("aria-valuetext")).toMatch(/^\d+% of the planned time$/);

      // a reload shows the same running time (derived from the server's session start, not from ticks)
      const beforeReload = await seconds(timer);
      await page.reload();
      await waitForState(page.getByRole("region", { name: "Now playing" }), "IN_PROGRESS");
      expect(
        await seconds(page.getByRole("region", { name: "Now playing" }).getByRole("timer")),
      ).toBeGreaterThanOrEqual(beforeReload);
      await screenshot(page, "today-running-phone");

      await press(page.getByRole("region", { name: "Now playing" }), "Pause");
      await waitForState(page.getByRole("region", { name: "Now playing" }), "PAUSED");
      await waitForState(report, "PAUSED");
      const paused = await seconds(page.getByRole("region", { name: "Now playing" }).getByRole("timer"));
      await page.waitForTimeout(1_500);
      expect(await seconds(page.getByRole("region", { name: "Now playing" }).getByRole("timer"))).toBe(paused);

      await press(report, "Resume");
      await waitForState(page.getByRole("region", { name: "Now playing" }), "IN_PROGRESS");
      await expect
        .poll(() => seconds(page.getByRole("region", { name: "Now playing" }).getByRole("timer")), { timeout: 6_000 })
        .toBeGreaterThan(paused);

      await press(page.getByRole("region", { name: "Now playing" }), "Complete");
      await waitForState(report, "COMPLETED");
      await page.getByTestId("mini-player").waitFor({ state: "detached" });
      expect(
        await report.locator("[data-action]").evaluateAll((els) => els.map((e) => e.getAttribute("data-action"))),
      ).toEqual(["reset"]);
      expect(await seconds(report.getByRole("timer"))).toBeGreaterThanOrEqual(paused + 1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("offers to switch when a second schedule starts, and the player follows (desktop)", async () => {
    const { context, page, errors } = await open("desktop", "en-US");
    try {
      // a controllable browser clock (time still flows): to stand in for minutes of work below
      await page.clock.install();
      await signUpInPage(page, "en", "Jun");
      await addSchedule(page, "Read chapter 3", "22:00");
      await addSchedule(page, "Answer mail", "23:00");
      await addSchedule(page, "Morning review", "00:05");
      const banner = page.getByTestId("overdue-banner");
      expect(await banner.getByRole("heading").innerText()).toBe("1 schedule has passed its start time");
      await press(card(page, "Read chapter 3"), "Start");
      const player = page.getByRole("region", { name: "Now playing" });
      await waitForState(player, "IN_PROGRESS");

      await press(card(page, "Answer mail"), "Start");
      const prompt = page.getByRole("dialog", { name: "Another schedule is running" });
      await prompt.waitFor();
      expect(await prompt.innerText()).toContain("Read chapter 3");
      // refused, so nothing changed while the prompt asks
      expect(await card(page, "Answer mail").getAttribute("data-state")).toBe("NOT_STARTED");
      await prompt.getByRole("button", { name: "Switch" }).click();
      await waitForState(card(page, "Answer mail"), "IN_PROGRESS");
      await waitForState(card(page, "Read chapter 3"), "PAUSED");
      await expect.poll(() => player.innerText()).toContain("Answer mail");

      await screenshot(page, "today-desktop");

      // two minutes later by the browser's clock (the timer follows the clock, not counted ticks)
      await page.clock.fastForward("02:00");
      await expect.poll(() => seconds(player.getByRole("timer"))).toBeGreaterThanOrEqual(120);
      // stopping would discard more than a minute: asked first; keeping it changes nothing
      await press(player, "Stop");
      const confirm = page.getByRole("dialog", { name: "Stop and discard the time?" });
      await confirm.waitFor();
      await confirm.getByRole("button", { name: "Keep it" }).click();
      await confirm.waitFor({ state: "hidden" });
      expect(await card(page, "Answer mail").getAttribute("data-state")).toBe("IN_PROGRESS");
      await press(player, "Stop");
      await confirm.getByRole("button", { name: "Stop and discard" }).click();
      await waitForState(card(page, "Answer mail"), "NOT_STARTED");
      expect(await seconds(card(page, "Answer mail").getByRole("timer"))).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("rolls a refused transition back on a stale card, with a message, and shows the state that is true now", async () => {
    const { context, page, errors } = await open("desktop", "en-US");
    try {
      await signUpInPage(page, "en", "Sora");
      await addSchedule(page, "Practice scales", "21:00");

      // a second tab starts it; this tab's card still says not started
      const other = await context.newPage();
      await other.goto(`${baseUrl()}/today`);
      await press(card(other, "Practice scales"), "Start");
      await waitForState(card(other, "Practice scales"), "IN_PROGRESS");
      await other.close();

      const stale = card(page, "Practice scales");
      expect(await stale.getAttribute("data-state")).toBe("NOT_STARTED");
      await press(stale, "Start"); // the server's schedule already runs: ILLEGAL_TRANSITION
      const notice = page.getByTestId("player-notice");
      await notice.waitFor();
      expect(await notice.getAttribute("data-code")).toBe("ILLEGAL_TRANSITION");
      expect(await notice.innerText()).toContain("changed elsewhere");
      // rolled back, then refreshed to what is true: it runs (started in the other tab), and the player shows it
      await waitForState(stale, "IN_PROGRESS");
      await waitForState(page.getByRole("region", { name: "Now playing" }), "IN_PROGRESS");
      await page.getByRole("button", { name: "Dismiss" }).click();
      await notice.waitFor({ state: "detached" });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("moves a not-started schedule to another day with the keyboard control; shortcuts with a help dialog (desktop)", async () => {
    const { context, page, errors } = await open("desktop", "en-US");
    try {
      await signUpInPage(page, "en", "Hana");
      await addSchedule(page, "Plan the week", "20:00");
      await addSchedule(page, "Water plants", "20:30");

      // keyboard: ? opens the help, Escape closes it; space starts the day's first, again pauses; c completes
      await page.locator("body").click({ position: { x: 5, y: 400 } });
      await page.keyboard.press("?");
      const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await help.waitFor();
      await page.keyboard.press("Escape");
      await help.waitFor({ state: "hidden" });
      await page.locator("body").click({ position: { x: 5, y: 400 } });
      await page.keyboard.press(" ");
      await waitForState(card(page, "Plan the week"), "IN_PROGRESS");
      await page.keyboard.press(" ");
      await waitForState(card(page, "Plan the week"), "PAUSED");
      await page.keyboard.press("c");
      await waitForState(card(page, "Plan the week"), "COMPLETED");

      // "move to…": the card leaves this day and the chosen day gets its dot
      const select = card(page, "Water plants").getByRole("combobox");
      const target = await select.locator("option").nth(1).getAttribute("value");
      expect(target).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await select.selectOption(target!);
      await card(page, "Water plants").waitFor({ state: "detached" });
      const day = page.locator(`a[data-date="${target}"]`);
      await expect.poll(() => day.getByTestId("day-name").innerText()).toContain("has unfinished schedules");
      await day.click();
      await page.waitForURL(new RegExp(`date=${target}`));
      await card(page, "Water plants").waitFor();

      // dragging it onto another day of the strip moves it there, keeping its time of day
      const back = await page.locator("a[data-date]").first().getAttribute("data-date");
      const destination = back === target ? await page.locator("a[data-date]").nth(1).getAttribute("data-date") : back;
      await card(page, "Water plants").dragTo(page.locator(`a[data-date="${destination}"]`));
      await card(page, "Water plants").waitFor({ state: "detached" });
      await page.locator(`a[data-date="${destination}"]`).click();
      await page.waitForURL(new RegExp(`date=${destination}`));
      await card(page, "Water plants").waitFor();
      expect(await card(page, "Water plants").locator("time").innerText()).toBe("20:30");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("speaks Korean by default and English after the language setting changes; no serious axe violations (phone and desktop)", async () => {
    const { context, page, errors } = await open("phone", "ko-KR", { axe: true });
    try {
      await signUpInPage(page, "ko", "민아");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("오늘");
      await addSchedule(page, "영어 공부", "23:45", "ko");
      // a schedule whose start has passed and that is not started gets the banner (checked by axe below too)
      await addSchedule(page, "아침 스트레칭", "00:05", "ko");
      expect(await page.getByTestId("overdue-banner").innerText()).toContain("아침 스트레칭");
      await press(card(page, "영어 공부"), "시작");
      await waitForState(page.getByRole("region", { name: "지금 재생 중" }), "IN_PROGRESS");
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, "today-phone");

      // the add sheet open passes too
      await page.getByRole("button", { name: "일정 추가" }).click();
      await page.getByRole("dialog", { name: "새 일정" }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");

      await page.getByRole("link", { name: "설정" }).click();
      await page.waitForURL(/\/settings$/);
      await page.waitForLoadState("networkidle");
      await page.getByLabel("언어").selectOption("en");
      await page.getByRole("button", { name: "저장" }).click();
      await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
      await page.getByRole("link", { name: "Today" }).click();
      await page.waitForURL(/\/today$/);
      await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
      await waitForState(page.getByRole("region", { name: "Now playing" }), "IN_PROGRESS");
      expect(await card(page, "영어 공부").getByRole("button", { name: "Pause", exact: true }).isVisible()).toBe(true);

      await page.setViewportSize(VIEWPORTS.desktop);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
