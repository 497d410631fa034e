// Reset clears a completed schedule's recorded time and reopens its linked task: it asks first when that would
// discard more than a minute or reopen a task, says what it reopens, and is named for what it does ("Clear and
// start over"). A short record without a task resets at once, as before. Phone viewport, English and Korean.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";
import { newMember, signedIn, type Member } from "./library-member";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const card = (page: Page, title: string): Locator =>
  page.getByTestId("schedule-card").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

async function waitForState(target: Locator, state: string) {
  await expect
    .poll(
      async () => `${await target.getAttribute("data-state")} ${(await target.getAttribute("aria-busy")) ?? "idle"}`,
      { timeout: 10_000 },
    )
    .toBe(`${state} idle`);
}

/** a task with a schedule starting now, run and completed through the API */
async function completedTaskSchedule(member: Member, title: string): Promise<{ taskId: string; scheduleId: string }> {
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const task = await member.api<{ id: string }>("POST", "/tasks", { title, deadline, importance: 3, difficulty: 3 });
  expect(task.status).toBe(201);
  const schedule = await member.api<{ id: string }>("POST", `/tasks/${task.body.id}/schedule`, {
    startAt: new Date().toISOString(),
    type: "DEEP_WORK",
  });
  expect(schedule.status).toBe(201);
  for (const action of ["start", "complete"])
    expect((await member.api("POST", `/schedules/${schedule.body.id}/${action}`, {})).status).toBe(200);
  return { taskId: task.body.id, scheduleId: schedule.body.id };
}

async function completedSchedule(member: Member, title: string): Promise<string> {
  const schedule = await member.api<{ id: string }>("POST", "/schedules", {
    title,
    startAt: new Date().toISOString(),
    type: "QUICK_TASK",
  });
  expect(schedule.status).toBe(201);
  expect((await member.api("POST", `/schedules/${schedule.body.id}/complete`, {})).status).toBe(200);
  return schedule.body.id;
}

describe("reset", () => {
  it("asks before reopening the linked task, says so, and keeps everything on 'Keep it' (English)", async () => {
    const member = await newMember({ locale: "en" });
    const { taskId } = await completedTaskSchedule(member, "Draft the outline");
    await completedSchedule(member, "Water the plants");
    const { context, page, errors } = await signedIn(browser, member, "phone");
    try {
      const linked = card(page, "Draft the outline");
      await waitForState(linked, "COMPLETED");
      await linked.getByRole("button", { name: "Clear and start over", exact: true }).click();
      const confirm = page.getByRole("dialog", { name: "Clear the record and start over?" });
      await confirm.waitFor();
      // under a minute recorded: the question is about the task, and no "00:00 is cleared"
      expect(await confirm.innerText()).toContain(
        "Draft the outline goes back to not started. Its task, Draft the outline, opens again.",
      );
      await screenshot(page, "reset-confirm-phone-en");
      await confirm.getByRole("button", { name: "Keep it" }).click();
      await confirm.waitFor({ state: "hidden" });
      expect(await linked.getAttribute("data-state")).toBe("COMPLETED");
      expect((await member.api<{ completed: boolean }>("GET", `/tasks/${taskId}`)).body.completed).toBe(true);

      await linked.getByRole("button", { name: "Clear and start over", exact: true }).click();
      await confirm.getByRole("button", { name: "Clear and start over", exact: true }).click();
      await waitForState(linked, "NOT_STARTED");
      await expect
        .poll(async () => (await member.api<{ completed: boolean }>("GET", `/tasks/${taskId}`)).body.completed)
        .toBe(false);

      // no task and (well) under a minute recorded: nothing to lose, so no question
      const short = card(page, "Water the plants");
      await short.getByRole("button", { name: "Clear and start over", exact: true }).click();
      await waitForState(short, "NOT_STARTED");
      expect(await page.getByRole("dialog").count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("speaks Korean", async () => {
    const member = await newMember({ locale: "ko" });
    await completedTaskSchedule(member, "개요 쓰기");
    const { context, page, errors } = await signedIn(browser, member, "phone");
    try {
      const linked = card(page, "개요 쓰기");
      await waitForState(linked, "COMPLETED");
      await linked.getByRole("button", { name: "기록 지우고 다시", exact: true }).click();
      const confirm = page.getByRole("dialog", { name: "기록을 지우고 처음부터 할까요?" });
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain(
        "개요 쓰기이(가) 시작 전으로 돌아갑니다. 연결된 할 일 개요 쓰기도 다시 미완료가 됩니다.",
      );
      await screenshot(page, "reset-confirm-phone-ko");
      await confirm.getByRole("button", { name: "지우고 처음부터", exact: true }).click();
      await waitForState(linked, "NOT_STARTED");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
