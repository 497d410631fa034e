// Browser helpers for the e2e tests: Debian's Chromium driven by playwright-core (no downloaded browsers here).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { inject } from "vitest";

export { launchBrowser } from "../support/chromium";

declare module "vitest" {
  export interface ProvidedContext {
    /** origin of the app started by tests/e2e/global-setup.ts, e.g. http://127.0.0.1:41234 */
    e2eBaseUrl: string;
  }
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** Origin of the app under test: E2E_BASE_URL when set (an already running server), else the one global setup started. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL || inject("e2eBaseUrl");
  if (!url) throw new Error("No app to test: run through `vitest --project e2e` or set E2E_BASE_URL.");
  return url.replace(/\/+$/, "");
}

export const SCREENSHOT_DIR = path.resolve("artifacts/screenshots");

/** Saves a full-page PNG as artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name.endsWith(".png") ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
