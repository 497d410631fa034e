// Tasks in a real browser: create with a prerequisite, a start refused while it is open (PREREQUISITES_OPEN naming
// it) and allowed once it is done; a cycle refused in the picker with the tasks named; field errors; list tabs
// and "show more" paging; delete asking about the schedule; no serious axe violations; screenshots.
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

type Task = { id: string; title: string; scheduleId: string | null; completed: boolean };
type Refusal = { error: { code: string; details?: { taskIds?: string[] } } };

const today = () => new Date().toISOString().slice(0, 10);
const taskIdOf = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;

async function createInForm(page: Page, title: string, prerequisites: string[] = []) {
  await page.goto(`${baseUrl()}/tasks/new`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Title").fill(title);
  for (const p of prerequisites) await page.getByRole("checkbox", { name: p }).check();
  await page.getByRole("button", { name: "Create task" }).click();
  await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  return taskIdOf(page);
}

describe("tasks", () => {
  it("an open prerequisite blocks the start until it is completed (phone)", async () => {
    const member = await newMember();
    const { context, page, errors } = await signedIn(browser, member, "phone");
    try {
      const a = await createInForm(page, "Read the manual");
      const b = await createInForm(page, "Assemble the desk", ["Read the manual"]);

      // B names A as its prerequisite and says it is blocked by it
      await page
        .getByRole("region", { name: "Prerequisites" })
        .getByRole("link", { name: "Read the manual" })
        .waitFor();
      expect(await page.getByTestId("blocked").innerText()).toContain("Read the manual");

      // schedule B from its page
      await page.getByLabel("Type").selectOption("QUICK_TASK");
      await page.getByRole("button", { name: "Put it on the calendar" }).click();
      await page.getByText("Not started").waitFor();
      await screenshot(page, "tasks-detail-phone");
      const scheduleId = (await member.api<Task>("GET", `/tasks/${b}`)).body.scheduleId;
      expect(scheduleId).toBeTruthy();

      // the start is refused, naming A
      const refused = await member.api<Refusal>("POST", `/schedules/${scheduleId}/start`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("PREREQUISITES_OPEN");
      expect(refused.body.error.details?.taskIds).toEqual([a]);
      // and so is completing B on its page, in words that name A
      await page.getByRole("button", { name: "Mark completed" }).click();
      const alert = page.locator("#task-message");
      await alert.waitFor();
      expect(await alert.getAttribute("role")).toBe("alert");
      expect(await alert.innerText()).toBe("Finish the prerequisites first: Read the manual.");

      // complete A on its page; B then starts
      await page.getByRole("link", { name: "Read the manual" }).click();
      await page.waitForURL(new RegExp(`/tasks/${a}$`));
      await page.getByRole("region", { name: "Follow-ups" }).getByRole("link", { name: "Assemble the desk" }).waitFor();
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "Mark completed" }).click();
      await page.getByRole("button", { name: "Reopen" }).waitFor();
      const started = await member.api<{ state: string }>("POST", `/schedules/${scheduleId}/start`);
      expect(started.status).toBe(200);
      expect(started.body.state).toBe("IN_PROGRESS");
      await member.api("POST", `/schedules/${scheduleId}/stop`);

      // the lists: A is completed, B is open
      await page.goto(`${baseUrl()}/tasks`);
      expect(await page.getByTestId("task-list").innerText()).toContain("Assemble the desk");
      await screenshot(page, "tasks-list-phone");
      await page.getByRole("link", { name: "Completed" }).click();
      await page.waitForURL(/status=completed/);
      expect(await page.getByTestId("task-list").innerText()).toContain("Read the manual");
      await page.goto(`${baseUrl()}/tasks/new`);
      await screenshot(page, "tasks-new-phone");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("refuses a cycle in the picker and names the tasks on it; field errors; paging; delete; axe (desktop)", async () => {
    const member = await newMember();
    const base = { deadline: today(), importance: 5, difficulty: 3 };
    const createdA = await member.api<Task>("POST", "/tasks", { ...base, title: "Sketch the plan" });
    expect(createdA.status, JSON.stringify(createdA.body)).toBe(201);
    const a = createdA.body;
    const createdB = await member.api<Task>("POST", "/tasks", {
      ...base,
      title: "Buy the wood",
      previousTaskIds: [a.id],
    });
    expect(createdB.status, JSON.stringify(createdB.body)).toBe(201);
    const b = createdB.body;
    const { context, page, errors } = await signedIn(browser, member, "desktop", { bypassCSP: true });
    try {
      // A before B exists: making B a prerequisite of A would close a circle
      await page.goto(`${baseUrl()}/tasks/${a.id}/edit`);
      await page.getByRole("heading", { level: 1, name: "Edit task" }).waitFor();
      await page.waitForLoadState("networkidle");
      await screenshot(page, "tasks-edit-desktop");
      await page.getByRole("checkbox", { name: "Buy the wood" }).check();
      await page.getByRole("button", { name: "Save changes" }).click();
      const alert = page.locator("#task-form-message");
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain("would go in a circle");
      expect(text).toContain("Sketch the plan");
      expect(text).toContain("Buy the wood");
      expect(await page.getByRole("checkbox", { name: "Buy the wood" }).getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, "tasks-cycle-desktop");
      // nothing changed
      expect((await member.api<{ previousTaskIds: string[] }>("GET", `/tasks/${a.id}`)).body.previousTaskIds).toEqual(
        [],
      );

      // field errors, each under its field
      await page.goto(`${baseUrl()}/tasks/new`);
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Importance").fill("12");
      await page.getByLabel("Expected minutes").fill("2000");
      await page.getByRole("button", { name: "Create task" }).click();
      await page.locator("#task-title-errors").waitFor();
      expect(await page.getByLabel("Title").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#task-importance-errors").innerText()).toBe("Must be at most 9.");
      expect(await page.locator("#task-expected-errors").innerText()).toBe("Must be at most 1440.");
      expect(await page.getByLabel("Importance").getAttribute("aria-describedby")).toContain("task-importance-errors");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("task-title");
      await screenshot(page, "tasks-form-errors-desktop");

      // 22 open tasks in all: a first page of 20, then "show more"
      for (let i = 1; i <= 20; i++) {
        await member.api("POST", "/tasks", { ...base, title: `Step ${String(i).padStart(2, "0")}` });
      }
      await page.goto(`${baseUrl()}/tasks`);
      expect(await page.getByTestId("task-list").locator("li").count()).toBe(20);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "tasks-list-desktop");
      await page.getByRole("link", { name: "Show more" }).click();
      await page.waitForURL(/cursor=/);
      expect(await page.getByTestId("task-list").locator("li").count()).toBe(2);
      expect(await page.getByRole("link", { name: "Show more" }).count()).toBe(0);
      await page.getByRole("link", { name: "Archive" }).click();
      await page.waitForURL(/status=archived/);
      await page.getByText("The archive is empty").waitFor();

      // delete B, which has a schedule: the page asks what to do with it
      await member.api("POST", `/tasks/${b.id}/schedule`, {
        startAt: new Date(Date.now() + 3_600_000).toISOString(),
        type: "DEEP_WORK",
      });
      const scheduleId = (await member.api<Task>("GET", `/tasks/${b.id}`)).body.scheduleId;
      await page.goto(`${baseUrl()}/tasks/${b.id}`);
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "tasks-detail-desktop");
      await page.getByRole("button", { name: "Delete", exact: true }).click();
      await page.getByRole("radio", { name: "Delete the schedule too" }).check();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Delete task" }).click();
      await page.waitForURL(/\/tasks$/);
      expect((await member.api("GET", `/tasks/${b.id}`)).status).toBe(404);
      expect((await member.api("GET", `/schedules/${scheduleId}`)).status).toBe(404);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
