// Every page a user can reach, checked with axe-core on a phone-sized screen, in English
// and in Chinese: no violation of WCAG 2.0/2.1 A and AA or of axe's best practices, no
// sideways scrolling of the page, and <html lang> follows the language. The pages and who opens them are the rows of
// tests/e2e/accessibility-routes.ts (a unit test keeps those rows in step with app/); each
// row is checked once per language.
//
// One test per group of pages and language, so the two workers share them. The gift data
// is made once for the whole file (by whichever worker asks first); each account signs in
// once per worker, in a browser context the worker's tests share.
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import axe from "axe-core";
import { A11Y_GROUPS, A11Y_PAGES, type A11yAccount, type A11yPage } from "./accessibility-routes";
import { test as base, expect } from "./base";
import { makeGiftStates, type GiftStates } from "./gift-states-client";
import { DEMO_PASSWORD, signInContext } from "./helpers";

const LOCALES = ["en", "zh-CN"] as const;
type Locale = (typeof LOCALES)[number];
// WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (landmarks, headings, names
// of regions), which is what a screen reader user finds their way by.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

type World = {
  /** The run's gift data: being made from the worker's start on, awaited by the pages that show it. */
  states: () => Promise<GiftStates>;
  /** The worker's browser page of the account (signed in once), set to the language. */
  pageAs: (account: A11yAccount, locale: Locale) => Promise<Page>;
};

// .tmp/e2e is emptied each time the end-to-end server starts, so these belong to this run.
const STATES_FILE = ".tmp/e2e/accessibility-gift-states.json";

/** The gift data of this run: made by the first worker to get here, read by the other. */
async function giftStatesOfThisRun(): Promise<GiftStates> {
  let maker = true;
  try {
    closeSync(openSync(`${STATES_FILE}.lock`, "wx"));
  } catch {
    maker = false;
  }
  if (maker) {
    let written: GiftStates | { error: string };
    try {
      written = await makeGiftStates(`a11y-${Math.random().toString(36).slice(2, 6)}`);
    } catch (error) {
      written = { error: String(error) };
    }
    writeFileSync(`${STATES_FILE}.part`, JSON.stringify(written));
    renameSync(`${STATES_FILE}.part`, STATES_FILE);
  }
  const until = Date.now() + 110_000;
  while (!existsSync(STATES_FILE)) {
    if (Date.now() > until) throw new Error("the other worker did not make the gift data in time");
    await new Promise((r) => setTimeout(r, 250));
  }
  const read = JSON.parse(readFileSync(STATES_FILE, "utf8")) as GiftStates | { error: string };
  if ("error" in read) throw new Error(`making the gift data failed: ${read.error}`);
  return read;
}

const test = base.extend<object, { world: World }>({
  world: [
    async ({ browser }, use, workerInfo) => {
      // The project's phone, given explicitly: a worker's contexts do not get a test's defaults.
      const { baseURL, viewport, screen, userAgent, deviceScaleFactor, isMobile, hasTouch } = workerInfo.project.use;
      // Not awaited here: the signed-out pages are checked meanwhile.
      const states = giftStatesOfThisRun();
      states.catch(() => {}); // reported by the tests that await it
      // One context per account for the worker's tests: each signs in once, and its pages
      // keep the app's scripts (already compiled) in its cache from one test to the next.
      const pages = new Map<A11yAccount, Promise<Page>>();
      const open = async (account: A11yAccount) => {
        const context = await browser.newContext({ baseURL, viewport, screen, userAgent, deviceScaleFactor, isMobile, hasTouch });
        if (account === "merchant") await signInContext(context, { email: "merchant@lanbao.test", password: DEMO_PASSWORD });
        else if (account !== "visitor") await signInContext(context, (await states)[account]);
        // axe-core goes into every page as it opens: sending it to each page after it has
        // loaded costs more than the check itself on a busy machine.
        await context.addInitScript({ content: axe.source });
        return context.newPage();
      };
      const pageAs = async (account: A11yAccount, locale: Locale) => {
        if (!pages.has(account)) pages.set(account, open(account));
        const page = await pages.get(account)!;
        // The language switch's cookie: it outranks the browser's Accept-Language.
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
        return page;
      };
      await use({ states: () => states, pageAs });
      for (const page of pages.values()) await (await page).context().close();
    },
    { scope: "worker" },
  ],
});

test.describe.configure({ mode: "parallel" });
// A trace records every page and every step of these tests, which costs about as much as
// the checks themselves; a failure lists each finding with its page and elements instead.
test.use({ trace: "off" });

/** Whether the row's page is one of the run's gift data, or is opened by one of its people. */
const usesGiftData = (row: A11yPage) => row.as === "giver" || row.as === "taker" || row.path.length > 0;

type Finding = { route: string; url: string; rule: string; impact: string; help: string; targets: string[] };

/**
 * Makes the open page show its error boundary the way a tab from before a new deployment
 * can: its server action (here the language switch's) names an action this server does
 * not have, the server says so, and the page's action fails.
 */
async function showErrorPage(page: Page) {
  const path = new URL(page.url()).pathname;
  await page.route(
    (url) => url.pathname === path,
    (route) => {
      const request = route.request();
      const headers = request.headers();
      if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
      return route.continue({ headers: { ...headers, "next-action": "00".repeat(21) } });
    },
  );
  const select = page.getByTestId("language-switch");
  const error = page.getByRole("alert").filter({ has: page.getByRole("heading", { level: 1 }) });
  // Choosing before React has hydrated the page does nothing: choose again until the error
  // shows (and never once it has: the switch is gone with the page).
  await expect(async () => {
    if (!(await error.isVisible())) {
      const chosen = await select.inputValue({ timeout: 1_000 });
      await select.selectOption(chosen === "en" ? "zh-CN" : "en", { timeout: 1_000 });
    }
    await expect(error).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await page.unrouteAll();
}

/** Opens the page as its row says, waits until it shows what it is about, and runs axe on it. */
async function check(page: Page, row: A11yPage, url: string, lang: string): Promise<Finding[]> {
  // 'load', never 'networkidle': chat pages keep a live event stream open.
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.status(), `${url} answered`).toBe(row.status ?? 200);
  // The parts of a page that stream in after its shell (behind loading.tsx and <Suspense>)
  // are all in the document by 'load', but React reveals them in batches, up to a few
  // hundred milliseconds later; until then they wait in hidden "S:" containers.
  await expect(page.locator('div[hidden][id^="S:"]')).toHaveCount(0);
  if (row.readyTestId) await page.getByTestId(row.readyTestId).first().waitFor();
  if (row.busyTestId) await expect(page.getByTestId(row.busyTestId)).toHaveCount(0);
  if (row.failAction) await showErrorPage(page);
  const result = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof import("axe-core") };
    const { violations } = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    // Reflow (WCAG 1.4.10), which axe does not check: nothing makes the page itself scroll
    // sideways on the phone (wide tables scroll inside their own box).
    const width = document.documentElement.clientWidth;
    const scrollsInside = (el: Element) => {
      if (["absolute", "fixed"].includes(getComputedStyle(el).position)) return false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    const tooWide =
      document.documentElement.scrollWidth <= width
        ? []
        : [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrollsInside(el))
            .slice(-5)
            .map((el) => `${el.outerHTML.slice(0, 120)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
    return {
      lang: document.documentElement.lang,
      tooWide: tooWide.length > 0 ? [`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`, ...tooWide] : [],
      violations: violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? "",
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${(n.failureSummary ?? "").split("\n").slice(1).join(" ").slice(0, 200)}`),
      })),
    };
  }, AXE_TAGS);
  expect(result.lang, `${url} <html lang>`).toBe(lang);
  const route = row.state ? `${row.route} (${row.state})` : row.route;
  const findings = result.violations.map((v) => ({ route, url, ...v }));
  if (result.tooWide.length > 0) findings.push({ route, url, rule: "reflow", impact: "serious", help: "The page scrolls sideways on a phone", targets: result.tooWide });
  return findings;
}

for (const group of A11Y_GROUPS) {
  for (const locale of LOCALES) {
    test(`axe finds nothing on the ${group} pages in ${locale}`, async ({ world }) => {
      const rows = A11Y_PAGES.filter((p) => p.group === group);
      // (The rows that do not use the gift data ignore the argument of their path.)
      const states = (rows.some(usesGiftData) ? await world.states() : undefined) as GiftStates;
      const findings: Finding[] = [];
      for (const row of rows) findings.push(...(await check(await world.pageAs(row.as, locale), row, row.path(states), locale)));
      expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    });
  }
}
