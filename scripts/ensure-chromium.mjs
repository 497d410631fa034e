// The browser tests drive Debian's Chromium (playwright cannot download its own browsers here), and the
// screenshots need a Korean font (without one, Hangul renders as empty boxes). Installs what is missing with
// apt when we are root (as on CI and our machines); otherwise says what to install.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const koreanFont = "/usr/share/fonts/truetype/nanum";
const missing = [!existsSync(chromium) && "chromium", !existsSync(koreanFont) && "fonts-nanum"].filter(Boolean);
if (missing.length > 0) {
  if (process.getuid?.() === 0) {
    console.log(`Installing ${missing.join(" and ")} for the browser tests…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`, {
      stdio: "inherit",
    });
  } else if (!existsSync(chromium)) {
    console.error(`No Chromium at ${chromium}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}
