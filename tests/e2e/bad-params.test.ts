// Pages never crash on their query string: every page, visited with a table of unusable parameters, shows its
// default view (with a line saying why) or the 404 page, never the error page. The same for the sign-in and
// sign-up pages, and a signed-in visit to /signin with a callbackUrl that normalises to another host stays here.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser } from "./browser";
import { newMember, signedIn } from "./library-member";

let browser: Browser;
let member: { context: BrowserContext; page: Page; errors: string[] };
beforeAll(async () => {
  browser = await launchBrowser();
  member = await signedIn(browser, await newMember(), "desktop");
});
afterAll(async () => {
  await member?.context.close();
  await browser?.close();
});

type Expect = "notice" | "plain" | "404";

/** Next's error page ("This page couldn’t load · A server error occurred"), in this and older wordings */
const ERROR_PAGE =
  /This page couldn.t load|A server error occurred|Application error|server-side exception|Internal Server Error/i;

const signedInPages: [string, Expect][] = [
  ["/today?date=1970-01-01", "notice"],
  ["/today?date=0001-01-01", "notice"],
  ["/today?date=9999-12-31", "notice"],
  ["/today?date=2999-12-31", "notice"],
  ["/today?date=2026-02-30", "notice"],
  ["/today?date=tomorrow", "notice"],
  ["/today?date=2026-06-15&date=2026-06-16", "notice"],
  ["/today?date=%00%ff", "notice"],
  ["/today?date=2026-06-15", "plain"],
  ["/stats?week=9999-12-31", "notice"],
  ["/stats?week=1970-01-01", "notice"],
  ["/stats?week=0001-01-01", "notice"],
  ["/stats?week=2026-13-01", "notice"],
  ["/stats?week=last", "notice"],
  ["/stats?week=2026-06-15&week=2026-06-22", "notice"],
  ["/stats?week=2026-06-15", "plain"],
  ["/tasks?status=deleted", "notice"],
  ["/tasks?cursor=not-a-cursor", "notice"],
  ["/tasks?status=completed&cursor=eyJhdCI6IjAwMDEtMDEtMDFUMDA6MDA6MDBaIiwiaWQiOiJ4In0", "notice"],
  ["/tasks?status=open&status=archived", "notice"],
  ["/tasks?cursor=a&cursor=b", "notice"],
  ["/tasks?status=archived", "plain"],
  ["/tasks/new?deadline=9999-99-99", "plain"],
  ["/tasks/not-a-uuid", "404"],
  ["/tasks/00000000-0000-4000-8000-000000000000", "404"],
  ["/tasks/%00/edit", "404"],
  ["/tasks/00000000-0000-4000-8000-000000000000/edit", "404"],
  ["/settings?tab=%ff%fe", "plain"],
];

/** the page at `path`: its status, that it is not Next's error page, and whether it says it fell back */
async function visit(page: Page, path: string): Promise<{ status: number; notice: boolean; text: string }> {
  const response = await page.goto(`${baseUrl()}${path}`);
  // a streamed page fills its loading boundary after the load event: wait until it has settled
  await page.waitForLoadState("networkidle");
  await page
    .getByText(/Loading/)
    .first()
    .waitFor({ state: "hidden" });
  const text = await page.locator("body").innerText();
  return { status: response?.status() ?? 0, notice: (await page.getByTestId("param-notice").count()) > 0, text };
}

describe("pages with unusable query strings", () => {
  it.each(signedInPages)("%s shows %s, never the error page", async (path, expected) => {
    const { page, errors } = member;
    errors.length = 0; // each visit answers for its own page errors
    const answer = await visit(page, path);
    expect(answer.text).not.toMatch(ERROR_PAGE);
    if (expected === "404") {
      // a streamed page has sent its 200 before the page decides it does not exist: the 404 page is what shows
      expect([200, 404]).toContain(answer.status);
      expect(answer.text).toContain("This page could not be found");
    } else {
      expect(answer.status).toBe(200);
      expect(answer.notice).toBe(expected === "notice");
      await page.getByRole("heading", { level: 1 }).waitFor();
    }
    expect(errors).toEqual([]);
  });

  it("a signed-in visit to /signin?callbackUrl=/.//evil.example stays on this site", async () => {
    const { page } = member;
    await page.goto(`${baseUrl()}/signin?callbackUrl=${encodeURIComponent("/.//evil.example")}`);
    expect(new URL(page.url()).origin).toBe(baseUrl());
    expect(new URL(page.url()).pathname).toBe("/today");
  });

  it.each([
    "/signin?error=%00&lang=xx&callbackUrl=javascript%3Aalert(1)",
    "/signin?callbackUrl=%2F.%2F%2Fevil.example&error=CredentialsSignin&error=x",
    "/signup?lang=zz&callbackUrl=%5C%5Cevil.example",
    "/signup?lang=ko&lang=en",
  ])("signed out, %s renders its form", async (path) => {
    const context = await browser.newContext({ locale: "en-US" });
    try {
      const page = await context.newPage();
      const answer = await visit(page, path);
      expect(answer.status).toBe(200);
      expect(answer.text).not.toMatch(ERROR_PAGE);
      await page.getByRole("heading", { level: 1 }).waitFor();
    } finally {
      await context.close();
    }
  });
});
