// `npm test`: every test. Lints (zero warnings), installs Debian's Chromium when it is missing, runs the vitest
// suites (services against a real PostgreSQL) while the app is built for the browser tests
// (vitest leaves about a third of two cores idle, which the build uses), then runs the
// Playwright suites against that production build. Exits non-zero if anything fails.
import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/**
 * Runs one step. A step running beside another (`quiet`) keeps its output until it ends,
 * so the two never interleave in the log.
 */
function run(title: string, cmd: string, args: string[], opts: SpawnOptions & { quiet?: boolean } = {}): Promise<boolean> {
  const { quiet, ...spawnOpts } = opts;
  if (!quiet) console.log(`\n▶ ${title}`);
  const t0 = Date.now();
  const held: Buffer[] = [];
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env, ...spawnOpts });
    child.stdout?.on("data", (chunk: Buffer) => held.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => held.push(chunk));
    child.on("error", (err) => held.push(Buffer.from(`${err.message}\n`)));
    child.on("close", (code, signal) => {
      if (quiet) process.stdout.write(`\n▶ ${title} (beside the step before)\n${Buffer.concat(held).toString()}`);
      console.log(`◀ ${title}: ${code === 0 ? "ok" : `failed (exit ${code ?? signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      resolve(code === 0);
    });
  });
}

function ensureChromium() {
  if (existsSync(chromium)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${chromium}. Install Debian's chromium package or set CHROMIUM_PATH.`);
    return false;
  }
  const apt = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  console.log("\n▶ install Chromium");
  return apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "chromium"]);
}

const only = process.argv[2]; // "unit" | "e2e" | undefined (both)
rmSync(".tmp/vitest-results.json", { force: true });
rmSync(".tmp/playwright-results.json", { force: true });

// Lint first: it takes seconds and catches what would otherwise fail later.
let ok = await run("eslint", "npx", ["eslint", ".", "--max-warnings", "0"]);
const vitest = only === "e2e" ? Promise.resolve(true) : run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.tmp/vitest-results.json"]);
// (`next dev` in process-stop.test.ts writes to <distDir>/dev, which `next build` leaves alone.)
const build =
  only === "unit"
    ? Promise.resolve(true)
    : Promise.resolve(ensureChromium()).then(
        (chromiumReady) =>
          chromiumReady && run("next build", "npx", ["next", "build"], { env: { ...env, LANBAO_NEXT_DIST_DIR: ".next-e2e" }, quiet: only !== "e2e" }),
      );
const [vitestOk, ready] = await Promise.all([vitest, build]);
ok = vitestOk && ok;
if (only !== "unit") ok = ready && (await run("playwright", "npx", ["playwright", "test"])) && ok;

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
