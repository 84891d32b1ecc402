// Every page a user can reach, checked with axe (WCAG 2 A and AA) on a phone-sized screen,
// in English and in Chinese: no serious or critical violation anywhere, and <html lang>
// follows the language. The pages are the ones tests/e2e/accessibility-routes.ts lists
// (a unit test keeps that list complete); each test fails when a listed page was not visited.
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { A11Y_ROUTES, type A11yRoute } from "./accessibility-routes";
import { GIFT_PRODUCT_ID, GIFT_SHOP_ID, makeGiftStates, type GiftStates } from "./gift-states-client";
import { DEMO_PASSWORD } from "./helpers";
import { expect } from "./base";
import { signInContext, test } from "./services";

const LOCALES = [
  { locale: "en", lang: "en" },
  { locale: "zh-CN", lang: "zh-CN" },
] as const;

type Finding = { route: string; url: string; rule: string; impact: string; help: string; targets: string[] };

// The two languages run side by side, each with the data of its own worker.
test.describe.configure({ mode: "parallel" });

let states: GiftStates;
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  states = await makeGiftStates(`${testInfo.workerIndex}-${Math.random().toString(36).slice(2, 6)}`);
});

/** One browser context for the whole language; people take turns signing in to it. */
class Visitor {
  readonly findings: Finding[] = [];
  readonly visited = new Set<string>();
  private page!: Page;

  constructor(
    private readonly context: BrowserContext,
    private readonly locale: string,
    private readonly baseURL: string,
  ) {}

  async start() {
    await this.setLocaleCookie();
    this.page = await this.context.newPage();
  }

  private async setLocaleCookie() {
    await this.context.addCookies([{ name: "NEXT_LOCALE", value: this.locale, url: this.baseURL }]);
  }

  async signInAs(user: { email: string; password: string } | null) {
    await this.context.clearCookies();
    await this.setLocaleCookie();
    if (user) await signInContext(this.context, user);
  }

  /** Opens `url` (a page of `route`), waits for it to settle and runs axe on it. */
  async check(route: A11yRoute | "not-found", url: string, ready?: (page: Page) => Promise<unknown>) {
    const page = this.page;
    const response = await page.goto(url, { waitUntil: "load" });
    if (route !== "not-found") expect(response?.status(), `${url} answered`).toBeLessThan(400);
    if (ready) await ready(page);
    await expect(page.locator("html"), `${url} <html lang>`).toHaveAttribute("lang", this.locale);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    for (const v of result.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      this.findings.push({
        route,
        url,
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").slice(0, 160) ?? ""}`),
      });
    }
    this.visited.add(route);
  }
}

for (const { locale } of LOCALES) {
  test(`every page passes axe (WCAG 2 A/AA) in ${locale}`, async ({ browser, baseURL }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext();
    const v = new Visitor(context, locale, baseURL!);
    await v.start();
    const s = states;
    const cardsShown = (page: Page) => expect(page.getByTestId("gift-card").first()).toBeVisible();

    // Anyone, signed out.
    await v.signInAs(null);
    await v.check("/", "/");
    await v.check("/sign-in", "/sign-in");
    await v.check("/sign-up", "/sign-up");
    await v.check("/slow-down", "/slow-down");
    await v.check("/shops", "/shops");
    await v.check("/shops/[slug]", "/shops/sweet-nest-snacks");
    await v.check("/products/[id]", `/products/${GIFT_PRODUCT_ID}`);
    await v.check("/search", "/search?q=tea");
    await v.check("not-found", "/no-such-page");

    // The sender.
    await v.signInAs(s.giver);
    await v.check("/", "/");
    await v.check("/search", "/search?q=mango");
    await v.check("/products/[id]", `/products/${GIFT_PRODUCT_ID}`);
    await v.check("/products/[id]/buy", `/products/${GIFT_PRODUCT_ID}/buy`);
    await v.check("/gift/new", `/gift/new?product=${GIFT_PRODUCT_ID}`);
    await v.check("/gift/new", `/gift/new?product=${GIFT_PRODUCT_ID}&thread=${s.groupThreadId}`);
    await v.check("/chats", "/chats");
    await v.check("/chats/new", "/chats/new");
    await v.check("/chats/[threadId]", `/chats/${s.directThreadId}`, cardsShown);
    await v.check("/chats/[threadId]", `/chats/${s.groupThreadId}`, cardsShown);
    await v.check("/chats/[threadId]/gift", `/chats/${s.directThreadId}/gift`);
    await v.check("/chats/[threadId]/members", `/chats/${s.groupThreadId}/members`);
    await v.check("/friends", "/friends");
    await v.check("/gifts", "/gifts?tab=sent");
    await v.check("/gifts/sent/[giftId]", `/gifts/sent/${s.accepted.giftId}`);
    await v.check("/gifts/sent/[giftId]", `/gifts/sent/${s.group.giftId}`);
    await v.check("/gifts/[token]", s.waiting.link);
    await v.check("/gifts/[token]", s.lottery.link);
    await v.check("/orders", "/orders");
    await v.check("/orders/[id]", `/orders/${s.declined.orderId}`);
    await v.check("/checkout/success", `/checkout/success?session_id=${s.waiting.sessionId}`);
    await v.check("/checkout/cancelled", "/checkout/cancelled");

    // The recipient: a gift in each state, the timeline with its after-sales request, the address book.
    await v.signInAs(s.taker);
    for (const gift of [s.waiting, s.accepted, s.declined, s.expired, s.group, s.lottery]) await v.check("/gifts/[token]", gift.link);
    await v.check("/gifts", "/gifts");
    await v.check("/gifts/received/[giftId]", `/gifts/received/${s.accepted.giftId}`);
    await v.check("/chats/[threadId]", `/chats/${s.directThreadId}`, cardsShown);
    await v.check("/addresses", "/addresses");
    await v.check("/addresses/new", "/addresses/new");
    await v.check("/addresses/[addressId]", `/addresses/${s.addressId}`);

    // The merchant console (the seeded shop owner).
    await v.signInAs({ email: "merchant@lanbao.test", password: DEMO_PASSWORD });
    await v.check("/merchant", "/merchant");
    await v.check("/merchant/orders", "/merchant/orders");
    await v.check("/merchant/orders/[orderId]", `/merchant/orders/${s.accepted.orderId}`);
    await v.check("/merchant/orders/[orderId]", `/merchant/orders/${s.group.orderId}`);
    await v.check("/merchant/after-sales", "/merchant/after-sales");
    await v.check("/merchant/vouchers", "/merchant/vouchers");
    await v.check("/merchant/slips", "/merchant/slips");
    await v.check("/merchant/slips/[orderId]", `/merchant/slips/${s.accepted.orderId}`);
    await v.check("/merchant/shops/new", "/merchant/shops/new");
    await v.check("/merchant/shops/[shopId]", `/merchant/shops/${GIFT_SHOP_ID}`);
    await v.check("/merchant/shops/[shopId]/settings", `/merchant/shops/${GIFT_SHOP_ID}/settings`);
    await v.check("/merchant/shops/[shopId]/gift-zone", `/merchant/shops/${GIFT_SHOP_ID}/gift-zone`);
    await v.check("/merchant/shops/[shopId]/products/new", `/merchant/shops/${GIFT_SHOP_ID}/products/new`);
    await v.check("/merchant/shops/[shopId]/products/[productId]", `/merchant/shops/${GIFT_SHOP_ID}/products/${GIFT_PRODUCT_ID}`);
    await v.check("not-found", "/merchant/orders/no-such-order");

    await context.close();
    console.log(`axe ${locale}: ${v.visited.size} routes, ${v.findings.length} serious/critical findings`);
    expect(v.findings, JSON.stringify(v.findings, null, 2)).toEqual([]);
    expect(A11Y_ROUTES.filter((route) => !v.visited.has(route)), "routes listed but not checked").toEqual([]);
  });
}
