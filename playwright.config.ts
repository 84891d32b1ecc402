import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const AFTER = /(server-log|two-processes|standalone)\.spec\.ts$/;
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One app and one database serve every spec; specs create their own users and data.
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright-results.json" }]],
  outputDir: ".tmp/playwright-output",
  use: {
    baseURL: `http://localhost:${port}`,
    // A failed test keeps its trace (actions, network, DOM snapshots to step through). Not
    // its screencast: encoding frames of every page took about a quarter of the CPU of a
    // run on two cores, for every test, to keep them for the few that fail.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      // Debian's Chromium as root on a machine with no network beyond loopback.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "mobile-chromium", testIgnore: AFTER, use: { ...devices["Pixel 7"], browserName: "chromium" } },
    // Once every other spec has run, one at a time: the app server's log read, and the
    // specs that start more app processes (which would slow the others down beside them).
    { name: "after", testMatch: AFTER, dependencies: ["mobile-chromium"], workers: 1, use: { ...devices["Pixel 7"], browserName: "chromium" } },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { E2E_PORT: String(port) },
  },
});
