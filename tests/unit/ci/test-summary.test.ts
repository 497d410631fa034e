// .ci/run's closing line adds up every layer's tests; a layer that did not report counts as a failure, so a CI run
// that executed no test can never end with a clean line.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = path.resolve("scripts/test-summary.mjs");

function report(passed: number, failed: number, skipped = 0) {
  return {
    numTotalTests: passed + failed + skipped,
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: skipped,
    numTodoTests: 0,
    numTotalTestSuites: 1,
    numFailedTestSuites: failed > 0 ? 1 : 0,
  };
}

function summarise(reports: Record<string, object>, args: string[] = []): { lastLine: string; status: number } {
  const dir = mkdtempSync(path.join(tmpdir(), "pinit-summary-"));
  mkdirSync(path.join(dir, "artifacts/test-results"), { recursive: true });
  for (const [layer, body] of Object.entries(reports)) {
    writeFileSync(path.join(dir, `artifacts/test-results/${layer}.json`), JSON.stringify(body));
  }
  let out: string;
  let status = 0;
  try {
    out = execFileSync("node", [SCRIPT, ...args], { cwd: dir, encoding: "utf8" });
  } catch (e) {
    const failure = e as { stdout: string; status: number };
    out = failure.stdout;
    status = failure.status;
  }
  const lines = out.trim().split("\n");
  return { lastLine: lines[lines.length - 1] ?? "", status };
}

describe("the closing line of a CI run", () => {
  it("adds up the unit, integration and browser tests and the other checks", () => {
    const result = summarise({ unit: report(500, 0), integration: report(300, 0, 2), e2e: report(26, 0) }, [
      "--check",
      "lint=0",
      "--check",
      "type-check=0",
    ]);
    expect(result.lastLine).toBe("828 passed, 0 failed");
    expect(result.status).toBe(0);
  });

  it("counts failed tests and failed checks, and exits non-zero", () => {
    const result = summarise({ unit: report(10, 2), integration: report(5, 0), e2e: report(1, 1) }, [
      "--check",
      "lint=1",
    ]);
    expect(result.lastLine).toBe("16 passed, 4 failed");
    expect(result.status).toBe(1);
  });

  it("never reads a run that executed nothing as a pass", () => {
    const result = summarise({});
    expect(result.lastLine).toBe("0 passed, 3 failed");
    expect(result.status).toBe(1);
  });

  it("counts a file that failed before any test ran", () => {
    const broken = { ...report(0, 0), numFailedTestSuites: 1 };
    const result = summarise({ unit: broken, integration: report(1, 0), e2e: report(1, 0) });
    expect(result.lastLine).toBe("2 passed, 1 failed");
  });
});
