// `npm test`: every test. Lints (zero warnings), installs Debian's Chromium when it is missing, runs the vitest
// suites (services against a real PostgreSQL), builds the app and runs the Playwright
// suites against that production build. Exits non-zero if anything fails.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(title: string, cmd: string, args: string[], opts: SpawnSyncOptions = {}) {
  console.log(`\n▶ ${title}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env, ...opts });
  console.log(`◀ ${title}: ${r.status === 0 ? "ok" : `failed (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function ensureChromium() {
  if (existsSync(chromium)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${chromium}. Install Debian's chromium package or set CHROMIUM_PATH.`);
    return false;
  }
  return (
    run("apt-get update", "apt-get", ["update", "-qq"]) &&
    run("install Chromium", "apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...env, DEBIAN_FRONTEND: "noninteractive" } })
  );
}

const only = process.argv[2]; // "unit" | "e2e" | undefined (both)
rmSync(".tmp/vitest-results.json", { force: true });
rmSync(".tmp/playwright-results.json", { force: true });

// Lint first: it takes seconds and catches what would otherwise fail later.
let ok = run("eslint", "npx", ["eslint", ".", "--max-warnings", "0"]);
if (only !== "e2e") {
  ok = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.tmp/vitest-results.json"]) && ok;
}
if (only !== "unit") {
  const ready = ensureChromium() && run("next build", "npx", ["next", "build"], { env: { ...env, LANBAO_NEXT_DIST_DIR: ".next-e2e" } });
  ok = ready && run("playwright", "npx", ["playwright", "test"]) && ok;
}

// One closing line for the whole run.
let passed = 0;
let failed = 0;
if (existsSync(".tmp/vitest-results.json")) {
  const v = JSON.parse(readFileSync(".tmp/vitest-results.json", "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync(".tmp/playwright-results.json")) {
  const p = JSON.parse(readFileSync(".tmp/playwright-results.json", "utf8"));
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
}
if (!ok && failed === 0) failed = 1; // a step failed before any test could report
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
