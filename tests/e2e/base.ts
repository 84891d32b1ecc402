// The `test` every end-to-end spec uses: Playwright's, plus a guard that fails a test when
// any page it opened — in any browser context, including those a test makes itself —
// reported a Content-Security-Policy violation (Chromium logs each one to the console).
// A policy that blocks something the app needs would otherwise fail silently.
import { test as base, expect, type BrowserContext } from "@playwright/test";

export { expect };
export type * from "@playwright/test";

type CspLog = { violations: string[] };

function watch(context: BrowserContext, log: CspLog, seen: WeakSet<BrowserContext>) {
  if (seen.has(context)) return;
  seen.add(context);
  context.on("console", (msg) => {
    const text = msg.text();
    if (/Content[ -]Security[ -]Policy/i.test(text)) log.violations.push(`${msg.page()?.url() ?? "?"}: ${text}`);
  });
}

export const test = base.extend<{ cspGuard: void; allowCspViolations: boolean }, { cspLog: CspLog }>({
  cspLog: [
    async ({ browser }, use) => {
      const log: CspLog = { violations: [] };
      const seen = new WeakSet<BrowserContext>();
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        watch(context, log, seen);
        return context;
      };
      await use(log);
    },
    { scope: "worker", auto: true },
  ],
  /** A test that provokes a violation on purpose sets this with test.use(). */
  allowCspViolations: [false, { option: true }],
  cspGuard: [
    async ({ cspLog, allowCspViolations }, use) => {
      cspLog.violations.length = 0;
      await use();
      if (!allowCspViolations) expect(cspLog.violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
