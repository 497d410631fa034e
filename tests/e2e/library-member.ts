// Shared by the task, statistics and offline tests: a fresh member signed in in a browser context, with a bearer
// token for the HTTP API (to set things up quickly and to do what the pages under test do not).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { baseUrl, VIEWPORTS, type ViewportName } from "./browser";

export type Member = {
  username: string;
  token: string;
  api: <T = unknown>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
};

const PASSWORD = "secret123";

export async function newMember(options: { locale?: "en" | "ko"; timezone?: string } = {}): Promise<Member> {
  const username = `lib_${randomBytes(5).toString("hex")}`;
  const signUp = await fetch(`${baseUrl()}/api/v1/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD, nickname: "Mina", timezone: options.timezone ?? "UTC" }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const tokenAnswer = await fetch(`${baseUrl()}/api/v1/auth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const { accessToken } = (await tokenAnswer.json()) as { accessToken: string };
  const api = async <T>(method: string, apiPath: string, body?: unknown) => {
    const response = await fetch(`${baseUrl()}/api/v1${apiPath}`, {
      method,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const me = await api("PATCH", "/me", { locale: options.locale ?? "en" });
  if (me.status !== 200) throw new Error(`PATCH /me answered ${me.status}`);
  return { username, token: accessToken, api };
}

/** a browser context of that member, signed in through the sign-in page */
export async function signedIn(
  browser: Browser,
  member: Member,
  viewport: ViewportName,
  contextOptions: { bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    isMobile: viewport === "phone",
    hasTouch: viewport === "phone",
    locale: "en-US",
    ...contextOptions,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${baseUrl()}/signin`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Username").fill(member.username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/today/);
  return { context, page, errors };
}

const AXE_SOURCE = () => readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");

/** serious and critical axe violations of the page as it is now (the context must bypass the CSP) */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE() });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(", ")}`);
}
