// "Plan my week" in a real browser on a phone, in English and Korean: open tasks proposed as ghost blocks on
// /today, one dropped, one moved to another day, the rest accepted by a double click (each schedule created once)
// and then shown on /today's days; on a goal's page only that goal's tasks, one too long for any free time said so
// with what to do, a task completed meanwhile answered as a CONFLICT naming it, a new proposal accepted by two
// clicks in one tick (once); the empty and no-working-hours states; no serious axe violation; screenshots.
import type { Browser, Page } from "playwright-core";
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
type Schedule = { id: string; taskId: string | null; title: string; startAt: string };

const ISO_WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
/** the member's zone is UTC (newMember's default): their today is UTC's */
const utcDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function setWorkingHours(member: Member, start: string, end: string) {
  const workingHours = Object.fromEntries(ISO_WEEKDAYS.map((d) => [d, [{ start, end }]]));
  const answer = await member.api("PATCH", "/me", { workingHours });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

async function createTask(member: Member, title: string, expectedMinutes: number, goalId: string | null = null) {
  const answer = await member.api<Task>("POST", "/tasks", {
    title,
    deadline: utcDay(5),
    importance: 5,
    difficulty: 3,
    expectedMinutes,
    goalId,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** every schedule of the plan's seven days (and one more, for a block that ends after midnight) */
async function schedulesOf(member: Member): Promise<Schedule[]> {
  const answer = await member.api<{ items: Schedule[] }>("GET", `/schedules?from=${utcDay()}&to=${utcDay(7)}`);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

/** clicks a button twice in the same tick, before React re-renders it disabled: two accepts race */
async function clickTwiceAtOnce(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
}

describe("plan my week", () => {
  it("English, phone: propose on /today, drop one block, move one, double click Add to calendar → each schedule once, on /today's days", async () => {
    const member = await newMember({ locale: "en" });
    await setWorkingHours(member, "00:00", "24:00");
    const outline = await createTask(member, "Write the outline", 30);
    const draft = await createTask(member, "Draft chapter one", 45);
    const edit = await createTask(member, "Edit the draft", 30);
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "Plan my week", exact: true }).click();
      const sheet = page.getByRole("dialog", { name: "Plan my week" });
      await sheet.getByTestId("plan-block").first().waitFor();
      expect(await sheet.getByTestId("plan-block").count()).toBe(3);
      expect(await sheet.getByTestId("plan-ghost").count()).toBe(3);
      // three tasks are solved exactly
      expect(await sheet.getByTestId("plan-quality").innerText()).toBe("Optimal");
      expect(await sheet.getByTestId("plan-capacity").innerText()).toMatch(
        /^Your planned tasks fill your working hours until .+\. 3 tasks, 1 h 45 min in all\.$/,
      );
      expect(await sheet.getByTestId("plan-new-task").innerText()).toMatch(
        /^A new 60-minute task would land on [A-Z][a-z]+day \d\d:\d\d\.$/,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "plan-proposal-phone");

      // drop one; it can be put back and dropped again
      await sheet.getByRole("button", { name: "Drop Write the outline" }).click();
      expect(await sheet.getByTestId("plan-block").count()).toBe(2);
      expect(await sheet.getByTestId("plan-dropped").innerText()).toContain("Write the outline");
      // it was said for the whole proposal: an edited plan no longer says it
      expect(await sheet.getByTestId("plan-new-task").count()).toBe(0);
      await sheet.getByRole("button", { name: "Put back Write the outline" }).click();
      expect(await sheet.getByTestId("plan-block").count()).toBe(3);
      await sheet.getByRole("button", { name: "Drop Write the outline" }).click();
      expect(await sheet.getByTestId("plan-capacity").innerText()).toContain("2 tasks, 1 h 15 min in all.");
      // move one to tomorrow 10:00 on the member's clock
      await sheet.getByRole("button", { name: "Move Edit the draft" }).click();
      const moveForm = sheet.getByRole("form", { name: "Move Edit the draft" });
      await moveForm.getByLabel("Day").selectOption(utcDay(1));
      await moveForm.getByLabel("Start time").fill("10:00");
      expect(await seriousViolations(page)).toEqual([]);
      await moveForm.getByRole("button", { name: "Move here" }).click();
      await moveForm.waitFor({ state: "hidden" });
      expect(await sheet.getByTestId("plan-block").filter({ hasText: "Edit the draft" }).innerText()).toContain(
        "10:00–10:30",
      );
      await screenshot(page, "plan-dropped-phone");
      expect(await schedulesOf(member)).toEqual([]);

      // a double click creates each kept schedule once
      await sheet.getByRole("button", { name: "Add to calendar (2)" }).dblclick();
      await sheet.getByText("2 schedules added to your calendar.").waitFor();
      await page.waitForLoadState("networkidle");
      const created = await schedulesOf(member);
      expect(created.map((s) => s.taskId).sort()).toEqual([draft.id, edit.id].sort());
      const moved = created.find((s) => s.taskId === edit.id)!;
      expect(new Date(moved.startAt).toISOString()).toBe(`${utcDay(1)}T10:00:00.000Z`);
      expect((await member.api<Task>("GET", `/tasks/${outline.id}`)).body.scheduleId).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "plan-accepted-phone");
      await sheet.getByRole("button", { name: "Close" }).click();
      await sheet.waitFor({ state: "hidden" });

      // each schedule on its day of /today
      for (const schedule of created) {
        await page.goto(`${baseUrl()}/today?date=${schedule.startAt.slice(0, 10)}`);
        await page
          .getByTestId("schedule-card")
          .filter({ has: page.getByRole("heading", { name: schedule.title, exact: true }) })
          .waitFor();
      }
      await screenshot(page, "plan-today-phone");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("Korean, phone: a goal's tasks only, a too-long task said so, a CONFLICT names the completed task, propose again, two clicks at once accept once", async () => {
    const member = await newMember({ locale: "ko" });
    await setWorkingHours(member, "09:00", "10:00");
    const goal = (await member.api<{ id: string }>("POST", "/goals", { title: "블로그 열기", targetDate: null })).body;
    const topic = await createTask(member, "주제 정하기", 30, goal.id);
    const platform = await createTask(member, "플랫폼 고르기", 30, goal.id);
    await createTask(member, "첫 글 다듬기", 120, goal.id);
    await createTask(member, "장보기", 30);
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      await page.goto(`${baseUrl()}/goals/${goal.id}`);
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "이번 주 계획 세우기", exact: true }).click();
      const sheet = page.getByRole("dialog", { name: "이번 주 계획 세우기" });
      await sheet.getByTestId("plan-block").first().waitFor();
      expect(await sheet.getByTestId("plan-block").count()).toBe(2);
      const blocks = await sheet.getByTestId("plan-block").allInnerTexts();
      expect(blocks.join(" ")).not.toContain("장보기");
      expect(await sheet.getByText("이 목표의 일정이 없는 열린 할 일만 배치해요.", { exact: false }).count()).toBe(1);
      const unplaced = await sheet.getByTestId("plan-unplaced").innerText();
      expect(unplaced).toContain("첫 글 다듬기");
      expect(unplaced).toContain("근무 시간 안의 어떤 빈 시간보다 길어요.");
      expect(unplaced).toContain("더 작은 할 일로 나누거나 근무 시간을 늘려 보세요.");
      expect(await sheet.getByTestId("plan-quality").innerText()).toBe("최적");
      expect(await sheet.getByTestId("plan-capacity").innerText()).toMatch(
        /^계획한 할 일이 \S+요일 \d\d:\d\d까지 근무 시간을 채워요\. 할 일 2개, 모두 1시간\.$/,
      );
      expect(await sheet.getByTestId("plan-new-task").innerText()).toMatch(
        /^새 60분짜리 할 일은 \S+요일 \d\d:\d\d에 들어가요\.$/,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "plan-goal-proposal-phone-ko");

      // the calendar changes meanwhile: the accept is refused as a whole and names the block
      expect((await member.api("POST", `/tasks/${topic.id}/complete`, {})).status).toBe(200);
      await sheet.getByRole("button", { name: "캘린더에 추가 (2)" }).click();
      const conflict = sheet.getByTestId("plan-conflict");
      await conflict.waitFor();
      expect(await conflict.innerText()).toContain("주제 정하기: 할 일이 완료됐어요");
      expect(await schedulesOf(member)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "plan-conflict-phone-ko");

      // a new proposal without the completed task; two clicks in one tick create its schedule once
      await sheet.getByRole("button", { name: "다시 제안받기" }).click();
      await sheet.getByRole("button", { name: "캘린더에 추가 (1)" }).waitFor();
      expect(await sheet.getByTestId("plan-block").count()).toBe(1);
      await clickTwiceAtOnce(page, "캘린더에 추가 (1)");
      await sheet.getByText("일정 1개를 캘린더에 추가했어요.").waitFor();
      await page.waitForLoadState("networkidle");
      const created = await schedulesOf(member);
      expect(created.map((s) => s.taskId)).toEqual([platform.id]);
      await screenshot(page, "plan-goal-accepted-phone-ko");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it("English, phone: nothing to plan says so; no working hours says so and links to them", async () => {
    const member = await newMember({ locale: "en" });
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "Plan my week", exact: true }).click();
      const sheet = page.getByRole("dialog", { name: "Plan my week" });
      await sheet.getByTestId("plan-empty").waitFor();
      expect(await sheet.getByTestId("plan-empty").innerText()).toContain(
        "No open tasks without a schedule to plan. Add a task first.",
      );
      expect(await sheet.getByRole("button", { name: /^Add to calendar/ }).count()).toBe(0);
      await sheet.getByRole("button", { name: "Close" }).click();
      await sheet.waitFor({ state: "hidden" });

      const noHours = Object.fromEntries(ISO_WEEKDAYS.map((d) => [d, []]));
      expect((await member.api("PATCH", "/me", { workingHours: noHours })).status).toBe(200);
      await createTask(member, "Read the contract", 30);
      await page.reload();
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "Plan my week", exact: true }).click();
      await sheet.getByTestId("plan-no-hours").waitFor();
      expect(await sheet.getByRole("link", { name: "Set working hours" }).getAttribute("href")).toBe(
        "/settings#settings-working-hours",
      );
      expect(await sheet.getByTestId("plan-unplaced").innerText()).toContain("Read the contract");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "plan-no-hours-phone");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
