// The closing line of a CI run: `N passed, M failed`, adding up the unit, integration and browser tests from the
// JSON reports that `npm run test:*` write to artifacts/test-results/, plus each other CI check (load test,
// type-check, lint) counted as one. A layer whose report is missing (it did not run, or crashed before writing
// one) counts as one failure, so a run that ran nothing can never read as a pass.
//   node scripts/test-summary.mjs [--check <name>=<exit code>]...
import { existsSync, readFileSync } from "node:fs";

const LAYERS = ["unit", "integration", "e2e"];
const checks = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] !== "--check") continue;
  const [name, code] = (process.argv[++i] ?? "").split("=");
  checks.push({ name, ok: code === "0" });
}

let passed = 0;
let failed = 0;
for (const layer of LAYERS) {
  const file = `artifacts/test-results/${layer}.json`;
  if (!existsSync(file)) {
    console.log(`${layer}: no report (the layer did not run or did not finish): counted as 1 failed`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  const layerFailed = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0);
  console.log(
    `${layer}: ${report.numPassedTests} passed, ${layerFailed} failed, ${report.numPendingTests + report.numTodoTests} skipped (${report.numTotalTests} tests)`,
  );
  passed += report.numPassedTests;
  failed += layerFailed;
}
for (const check of checks) {
  console.log(`${check.name}: ${check.ok ? "passed" : "failed"}`);
  if (check.ok) passed += 1;
  else failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
