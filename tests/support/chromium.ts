// Debian's Chromium driven by playwright-core (no downloaded browsers on these machines): shared by the e2e tests
// and the page-weight bench.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

// without the background-networking flags Chromium keeps dialling Google's hosts, which this machine refuses
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** headless Chromium from `executablePath`, else CHROMIUM_PATH, else /usr/bin/chromium */
export async function launchBrowser(
  executablePath: string = process.env.CHROMIUM_PATH || "/usr/bin/chromium",
): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with \`apt-get install -y chromium\` ` +
        "(or set CHROMIUM_PATH); `npx playwright install` cannot download browsers on this machine.",
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
