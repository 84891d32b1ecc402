import { expect, test, type Browser, type Page } from "./base";
import { uniqueEmail } from "./helpers";

async function signUp(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
  return { context, page, email, name };
}

type Person = Awaited<ReturnType<typeof signUp>>;

async function befriend(asker: Person, accepter: Person) {
  await asker.page.goto("/friends");
  await asker.page.getByLabel("Email or Lanbao ID").fill(accepter.email);
  await asker.page.getByRole("button", { name: "Search" }).click();
  await expect(asker.page.getByTestId("search-result")).toContainText(accepter.name);
  await asker.page.getByTestId("add-friend").click();
  await expect(asker.page.getByTestId("outgoing-requests")).toContainText(accepter.name);
  await accepter.page.goto("/friends");
  await accepter.page.getByTestId("incoming-request").filter({ hasText: asker.name }).getByTestId("accept-request").click();
  await expect(accepter.page.getByTestId("friend-list")).toContainText(asker.name);
}

async function openChat(page: Page, withName: string) {
  await page.goto("/friends");
  await page.getByTestId("friend").filter({ hasText: withName }).getByTestId("open-chat").click();
  await page.waitForURL(/\/chats\/[^/]+$/);
}

test("the gift picker from a chat: the friend, a message, what friends sent (never who to whom), search, and on to the confirm step", async ({ browser }) => {
  test.setTimeout(240_000);
  const suffix = Math.random().toString(36).slice(2, 6);
  const [ann, bo, cy] = await Promise.all([
    signUp(browser, `Ann ${suffix}`),
    signUp(browser, `Bo ${suffix}`),
    signUp(browser, `Cy ${suffix}`),
  ]);
  // Ann is friends with Bo and Cy; Cy and Bo are friends too.
  await befriend(ann, bo);
  await befriend(ann, cy);
  await befriend(cy, bo);

  // Cy sends Bo a gift from the product page: Ann was part of none of it.
  await cy.page.goto("/products/seed-product-drip-bags");
  await cy.page.getByTestId("send-to-friend").click();
  await cy.page.waitForURL(/\/gift\/new\?/);
  await cy.page.getByLabel("Friend").selectOption({ label: bo.name });
  await cy.page.getByTestId("gift-pay").click();
  await cy.page.waitForURL(/\/checkout\//);
  await cy.page.getByTestId("sandbox-pay").click();
  await expect(cy.page.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });

  // Ann opens the picker from the chat with Bo. From here on, everything her browser
  // receives is kept, to prove Cy's gift stays anonymous (her friend list, before, names Cy).
  await openChat(ann.page, bo.name);
  const threadPath = new URL(ann.page.url()).pathname;
  const bodies: string[] = [];
  ann.page.on("response", async (res) => {
    if ((res.headers()["content-type"] ?? "").includes("event-stream")) return;
    try {
      bodies.push(await res.text());
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  const giftEntry = ann.page.getByTestId("composer-gift");
  if (!(await giftEntry.isVisible())) await ann.page.getByTestId("composer-more").click();
  await giftEntry.click();
  await ann.page.waitForURL(`**${threadPath}/gift`);
  await expect(ann.page.getByRole("heading", { name: "Choose a gift" })).toBeVisible();
  await expect(ann.page.getByTestId("picker-for")).toContainText(`For ${bo.name}`);

  // "Friends sent" shows the drip bags and how many friends sent them, nobody's name.
  const friendsSent = ann.page.locator('[data-section="friendsSent"]');
  await expect(friendsSent.getByRole("heading", { name: "Friends sent" })).toBeVisible();
  const dripBags = friendsSent.getByTestId("picker-product").filter({ hasText: "Drip Coffee Bags" });
  await expect(dripBags).toBeVisible();
  await expect(dripBags.getByTestId("picker-friend-count")).toHaveText("1 friend sent this");
  // Ann follows no shop and has sent nothing: those sections are not there at all.
  await expect(ann.page.locator('[data-section="followedShops"]')).toHaveCount(0);
  await expect(ann.page.locator('[data-section="sentBefore"]')).toHaveCount(0);
  await expect(ann.page.locator('[data-section="giftZone"]').first()).toBeVisible();
  // Each product once, and never one that cannot be gifted (the jewelry and class shops' zones).
  const shown = await ann.page.getByTestId("picker-product").evaluateAll((els) => els.map((e) => e.getAttribute("data-gift-product")));
  expect(new Set(shown).size).toBe(shown.length);
  for (const notGiftable of ["seed-product-calligraphy-class", "seed-product-latte-art-class"]) expect(shown).not.toContain(notGiftable);

  // Search inside the picker. Only ungiftable matches (jewelry): none shown.
  await ann.page.getByTestId("picker-message").fill("Happy birthday 生日快乐");
  await ann.page.getByTestId("picker-search").fill("zhubao");
  await ann.page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(ann.page.getByTestId("picker-empty")).toBeVisible();
  await expect(ann.page.getByTestId("picker-message")).toHaveValue("Happy birthday 生日快乐"); // the search kept it
  // By pinyin: coffee that can be gifted, not the latte art class.
  await ann.page.getByTestId("picker-search").fill("kafei");
  await ann.page.getByRole("button", { name: "Search", exact: true }).click();
  const results = ann.page.getByTestId("picker-results").getByTestId("picker-product");
  await expect(results.filter({ hasText: "Yunnan Single-Origin Coffee Beans" })).toBeVisible();
  await expect(results.filter({ hasText: "Latte Art Workshop" })).toHaveCount(0);

  // The chosen product goes to the confirm step with the friend and the message (edited last).
  await ann.page.getByTestId("picker-message").fill("生日快乐 Enjoy the coffee!");
  await results.filter({ hasText: "Yunnan Single-Origin Coffee Beans" }).click();
  await ann.page.waitForURL(/\/gift\/new\?/);
  const url = new URL(ann.page.url());
  expect(url.searchParams.get("product")).toBe("seed-product-yunnan-beans");
  expect(url.searchParams.get("thread")).toBe(threadPath.split("/").pop());
  await expect(ann.page.getByTestId("gift-recipient")).toHaveText(bo.name);
  await expect(ann.page.getByLabel("Gift message")).toHaveValue("生日快乐 Enjoy the coffee!");

  // Nothing Ann's browser received names Cy, the sender of a gift Ann had no part in.
  const everything = bodies.join("\n") + (await ann.page.content());
  for (const secret of [cy.name, cy.email]) expect(everything.includes(secret), `Ann's browser received "${secret}"`).toBe(false);

  // Bad input changes nothing: an over-long search is refused with a message.
  await ann.page.goto(`${threadPath}/gift?q=${"x".repeat(101)}`);
  await expect(ann.page.getByRole("alert").filter({ hasText: "That search is too long (up to 100 characters)." })).toBeVisible();
  await expect(ann.page.locator('[data-section="friendsSent"]')).toBeVisible();

  await Promise.all([ann.context.close(), bo.context.close(), cy.context.close()]);
});
