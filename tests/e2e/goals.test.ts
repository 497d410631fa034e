// Goals in a real browser, on a phone and a desktop, in English and Korean: a new member's first goal from
// /today, its break-down proposed, edited (one renamed, one dropped, a field error shown under its field) and
// accepted; the tasks and the plan picture then appear; a double click (and two submits racing) create the tasks
// once; the goal's name on its tasks; no serious axe violation on /goals and the goal page; screenshots.
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

type Task = { id: string; title: string; goalId: string | null };
type Goal = { id: string; title: string };

const goalIdOf = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;

async function tasksOf(member: Member, goalId: string): Promise<Task[]> {
  const open = await member.api<{ items: Task[] }>("GET", `/tasks?goalId=${goalId}&status=open&limit=100`);
  const archived = await member.api<{ items: Task[] }>("GET", `/tasks?goalId=${goalId}&status=archived&limit=100`);
  return [...open.body.items, ...archived.body.items];
}

async function rowTitles(page: Page): Promise<string[]> {
  const rows = page.getByTestId("breakdown-row");
  const n = await rows.count();
  const titles: string[] = [];
  for (let i = 0; i < n; i++) titles.push(await rows.nth(i).getByRole("textbox").first().inputValue());
  return titles;
}

describe("goals", () => {
  it("first goal from /today → break down → rename one, drop one → a field error → accept by double click once → tasks and plan (English, phone)", async () => {
    const member = await newMember({ locale: "en" });
    const { context, page, errors } = await signedIn(browser, member, "phone", { bypassCSP: true });
    try {
      // a new member is asked for a first goal on /today
      await page.getByTestId("first-goal").waitFor();
      await page.waitForLoadState("networkidle");
      await screenshot(page, "goals-first-run-phone");
      await page.getByLabel("What do you want to achieve?").fill("Open a blog in two weeks");
      await page.getByRole("button", { name: "Create and break it down" }).click();
      await page.waitForURL(/\/goals\/[0-9a-f-]{36}\?breakdown=1$/);
      const goalId = goalIdOf(page);

      // the proposal arrives by itself, labelled with its source; nothing is created yet
      await page.getByTestId("breakdown-row").first().waitFor();
      expect(await page.getByTestId("breakdown-source").innerText()).toBe("Proposed by Pinit's offline planner");
      const proposed = await rowTitles(page);
      expect(proposed.length).toBeGreaterThanOrEqual(3);
      expect(await tasksOf(member, goalId)).toEqual([]);

      // rename the first, drop the second
      await page.getByLabel("Name 1", { exact: true }).fill("Decide the topic and readers");
      const dropped = proposed[1]!;
      await page.getByRole("button", { name: `Drop task 2: ${dropped}` }).click();
      expect(await page.getByTestId("breakdown-row").count()).toBe(proposed.length - 1);

      // an empty name is refused under its field, and nothing is created
      await page.getByLabel("Name 2", { exact: true }).fill("");
      await page.getByRole("button", { name: "Add these tasks" }).click();
      await page.getByText("Please check the tasks below.").waitFor();
      expect(await page.getByLabel("Name 2", { exact: true }).getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator('[id$="-title-errors"]').first().innerText()).not.toBe("");
      await screenshot(page, "goals-breakdown-error-phone");
      expect(await tasksOf(member, goalId)).toEqual([]);
      await page.getByLabel("Name 2", { exact: true }).fill("Choose a platform");
      const kept = await rowTitles(page);
      await screenshot(page, "goals-breakdown-edited-phone");

      // a double click on accept creates the tasks once
      await page.getByRole("button", { name: "Add these tasks" }).dblclick();
      await page.getByText(`${kept.length} tasks added.`).waitFor();
      await page.waitForLoadState("networkidle");
      const created = await tasksOf(member, goalId);
      expect(created.map((t) => t.title).sort()).toEqual([...kept].sort());
      expect(created.map((t) => t.title)).not.toContain(dropped);
      expect(created.every((t) => t.goalId === goalId)).toBe(true);

      // the plan picture and the next tasks appear
      await page.getByTestId("plan-picture").waitFor();
      expect(await page.getByTestId("plan-box").count()).toBe(kept.length);
      expect(await page.getByTestId("goal-next-tasks").innerText()).toContain("Decide the topic and readers");
      expect(await page.getByTestId("goal-progress-text").innerText()).toBe(`0 of ${kept.length} tasks done`);
      await screenshot(page, "goals-detail-phone");

      // the goal's name on its tasks, and its bar on /today
      await page.goto(`${baseUrl()}/tasks`);
      expect(await page.getByTestId("task-goal").first().innerText()).toBe("Open a blog in two weeks");
      await page.goto(`${baseUrl()}/today`);
      expect(await page.getByTestId("today-goals").innerText()).toContain("Open a blog in two weeks");
      expect(await page.getByTestId("first-goal").count()).toBe(0);
      await screenshot(page, "goals-today-bars-phone");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("Korean, desktop: propose on the goal page, edit, two racing submits create the tasks once; /goals; axe clean", async () => {
    const member = await newMember({ locale: "ko" });
    const goal = (await member.api<Goal>("POST", "/goals", { title: "2주 안에 블로그 열기", targetDate: null })).body;
    const { context, page, errors } = await signedIn(browser, member, "desktop", { bypassCSP: true });
    try {
      await page.goto(`${baseUrl()}/goals/${goal.id}`);
      await page.getByRole("heading", { level: 1, name: "2주 안에 블로그 열기" }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel("염두에 둘 점이 있나요?").fill("사진 위주로");
      await page.getByRole("button", { name: "할 일 제안받기" }).click();
      await page.getByTestId("breakdown-row").first().waitFor();
      expect(await page.getByTestId("breakdown-source").innerText()).toBe("Pinit 오프라인 플래너의 제안");
      const proposed = await rowTitles(page);
      await page.getByLabel("이름 1", { exact: true }).fill("주제와 독자 정하기");
      await page.getByRole("button", { name: `할 일 2 빼기: ${proposed[1]}` }).click();
      await page.getByLabel("분", { exact: true }).first().fill("20");
      const kept = await rowTitles(page);
      await screenshot(page, "goals-breakdown-desktop-ko");
      expect(await seriousViolations(page)).toEqual([]);

      // two submits in the same tick: both reach the server with one key, and the tasks exist once
      await page
        .getByTestId("breakdown")
        .locator("form")
        .evaluate((form: HTMLFormElement) => {
          form.requestSubmit();
          form.requestSubmit();
        });
      await page.getByText(`할 일 ${kept.length}개를 추가했어요.`).waitFor();
      await page.waitForLoadState("networkidle");
      const created = await tasksOf(member, goal.id);
      expect(created.map((t) => t.title).sort()).toEqual([...kept].sort());

      await page.getByTestId("plan-picture").waitFor();
      expect(await page.getByTestId("plan-box").count()).toBe(kept.length);
      await screenshot(page, "goals-detail-desktop-ko");
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${baseUrl()}/goals`);
      await page.getByRole("heading", { level: 1, name: "목표" }).waitFor();
      expect(await page.getByTestId("goal-list").innerText()).toContain(`할 일 ${kept.length}개 중 0개 완료`);
      await screenshot(page, "goals-list-desktop-ko");
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("English, desktop: /goals axe clean; edit and delete a goal from its page", async () => {
    const member = await newMember({ locale: "en" });
    const goal = (await member.api<Goal>("POST", "/goals", { title: "Learn Go", targetDate: "2099-06-30" })).body;
    const { context, page, errors } = await signedIn(browser, member, "desktop", { bypassCSP: true });
    try {
      await page.goto(`${baseUrl()}/goals`);
      await page.getByTestId("goal-list").waitFor();
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "goals-list-desktop");

      await page.getByRole("link", { name: "Learn Go" }).click();
      await page.waitForURL(new RegExp(`/goals/${goal.id}$`));
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      await page.locator("#goal-edit-title").fill("Learn Go well");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByRole("heading", { level: 1, name: "Learn Go well" }).waitFor();

      await page.getByRole("button", { name: "Delete goal" }).click();
      await page.getByRole("button", { name: "Delete", exact: true }).click();
      await page.waitForURL(/\/goals$/);
      expect((await member.api("GET", `/goals/${goal.id}`)).status).toBe(404);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
