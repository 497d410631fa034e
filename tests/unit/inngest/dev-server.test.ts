// Which event engine `npm run dev` gives a fresh install (scripts/inngest-dev-server.mjs): the dev server when
// nothing is configured, whatever the team configured otherwise, and one line when it cannot be had.
import { describe, expect, it } from "vitest";
import { appPortOf, devServerPlan, missingLine } from "@/scripts/inngest-dev-server.mjs";

const machine = (listening: boolean, binaryExists: boolean) => ({ listening, binaryExists });

describe("devServerPlan", () => {
  it("starts the dev server on a fresh install that has the binary", () => {
    expect(devServerPlan({}, machine(false, true))).toBe("start");
  });

  it("reuses one that already listens, binary or not", () => {
    expect(devServerPlan({}, machine(true, true))).toBe("reuse");
    expect(devServerPlan({}, machine(true, false))).toBe("reuse");
  });

  it("says it is missing when there is no binary and nothing listens", () => {
    expect(devServerPlan({}, machine(false, false))).toBe("missing");
  });

  it("leaves anything configured alone (keys, a base URL, INNGEST_DEV)", () => {
    for (const name of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) {
      expect(devServerPlan({ [name]: "x" }, machine(false, true))).toBe("configured");
      expect(devServerPlan({ [name]: "x" }, machine(true, false))).toBe("configured");
    }
    // an empty value is not a setting
    expect(devServerPlan({ INNGEST_DEV: " " }, machine(false, true))).toBe("start");
  });
});

describe("missingLine", () => {
  it("is one line that names the command to run, with the app's own address", () => {
    const line = missingLine("http://localhost:3001");
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toMatch(/^\[inngest\] Reminders are off/);
    expect(line).toContain("npx inngest-cli@latest dev -u http://localhost:3001/api/inngest");
  });
});

describe("appPortOf", () => {
  it("reads next dev's port from -p, --port, PORT, else 3000", () => {
    expect(appPortOf(["-p", "4000"], {})).toBe(4000);
    expect(appPortOf(["--port", "4001"], {})).toBe(4001);
    expect(appPortOf(["--port=4002"], {})).toBe(4002);
    expect(appPortOf([], { PORT: "4003" })).toBe(4003);
    expect(appPortOf([], {})).toBe(3000);
  });
});
