// `npm test`: typecheck, lint, formatting and dead-code checks, unit tests, integration tests
// (real PostgreSQL when DATABASE_URL is set, PGlite otherwise; a real Meilisearch), then the
// Playwright end-to-end tests. Stops at the first failing step and ends with one line:
// "Tests: N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${title} ===`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, command), ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  console.log(`--- ${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return result.status === 0;
}

function vitestCounts(file: string): boolean {
  try {
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails before its tests run (in beforeAll) reports them skipped: count the file.
    for (const file of report.testResults as { status: string; assertionResults: { status: string }[] }[]) {
      if (file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")) failed++;
    }
    return true;
  } catch {
    return false;
  }
}

const vitest = "node_modules/vitest/vitest.mjs";
/** A check that passes or fails as a whole (the type checker, the linter…): one test. */
function check(title: string, command: string, args: string[]): () => boolean {
  return () => {
    const ok = run(title, command, args);
    if (ok) passed++;
    else failed++;
    return ok;
  };
}

const steps: (() => boolean)[] = [
  check("typecheck", "node_modules/typescript/bin/tsc", ["--noEmit"]),
  check("lint (ESLint)", "node_modules/eslint/bin/eslint.js", ["."]),
  check("formatting (Prettier)", "node_modules/prettier/bin/prettier.cjs", ["--check", "."]),
  check("dead code (knip)", "node_modules/knip/bin/knip.js", []),
  () => {
    const ok = run("unit tests", vitest, [
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/unit.json",
    ]);
    if (!vitestCounts(path.join(results, "unit.json")) && !ok) failed++;
    return ok;
  },
  () => {
    const ok = run("integration tests", vitest, [
      "run",
      "--project",
      "integration",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/integration.json",
    ]);
    if (!vitestCounts(path.join(results, "integration.json")) && !ok) failed++;
    return ok;
  },
  () => {
    const ok = run("end-to-end tests (Chromium)", "node_modules/@playwright/test/cli.js", ["test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, "e2e.json"),
    });
    try {
      const report = JSON.parse(readFileSync(path.join(results, "e2e.json"), "utf8"));
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
    } catch {
      if (!ok) failed++;
    }
    return ok;
  },
];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
console.log(`\nDatabase: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
