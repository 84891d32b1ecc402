import { expect, test, type Browser, type Page } from "./base";
import { uniqueEmail } from "./helpers";

/** A new account, signed in, in a context of its own. */
async function newPerson(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(uniqueEmail("decline"));
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
  return { context, page, name };
}

/** Makes two people friends through the friends page and opens their direct chat for both. */
async function befriend(a: { page: Page; name: string }, b: { page: Page; name: string }) {
  await b.page.goto("/friends");
  const lanbaoId = /lb[a-z0-9]{8}/.exec((await b.page.getByTestId("my-lanbao-id").textContent()) ?? "")?.[0] ?? "";
  await a.page.goto("/friends");
  await a.page.getByLabel("Email or Lanbao ID").fill(lanbaoId);
  await a.page.getByRole("button", { name: "Search" }).click();
  await a.page.getByTestId("add-friend").click();
  await b.page.reload();
  await b.page.getByTestId("incoming-request").filter({ hasText: a.name }).getByTestId("accept-request").click();
  await expect(b.page.getByTestId("friend-list")).toContainText(a.name);
  await b.page.getByTestId("friend").filter({ hasText: a.name }).getByTestId("open-chat").click();
  await b.page.waitForURL(/\/chats\/[^/]+$/);
  await a.page.goto(b.page.url());
}

test("the recipient declines a gift; the sender's card turns 'Declined · refunded' without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const suffix = Math.random().toString(36).slice(2, 6);
  const sender = await newPerson(browser, `Giver ${suffix}`);
  const recipient = await newPerson(browser, `Taker ${suffix}`);
  await befriend(sender, recipient);
  const threadUrl = sender.page.url();

  // The sender pays for a gift from the chat.
  const giftEntry = sender.page.getByTestId("composer-gift");
  if (!(await giftEntry.isVisible())) await sender.page.getByTestId("composer-more").click();
  await giftEntry.click();
  await sender.page.getByRole("link", { name: /Daily Mixed Nuts/ }).click();
  await sender.page.getByLabel("Gift message").fill(`For you ${suffix}`);
  await sender.page.getByTestId("gift-pay").click();
  await sender.page.getByTestId("sandbox-pay").click();
  await expect(sender.page.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });
  await sender.page.goto(threadUrl);
  const senderCard = sender.page.getByTestId("gift-card").last();
  await expect(senderCard.getByTestId("gift-card-status")).toHaveText("Waiting to be accepted");
  await expect(sender.page.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");

  // The recipient opens it and declines, after a confirmation that says what happens.
  await recipient.page.goto(threadUrl);
  await recipient.page.getByTestId("gift-card").last().click();
  await recipient.page.waitForURL(/\/gifts\//);
  await recipient.page.getByTestId("decline-gift").click();
  await expect(recipient.page.getByText(`Decline this gift? ${sender.name} gets a full refund right away.`)).toBeVisible();
  await recipient.page.getByTestId("decline-gift-confirm").click();
  await expect(recipient.page.getByTestId("gift-status")).toHaveAttribute("data-phase", "declined");
  await expect(recipient.page.getByTestId("accept-gift")).toHaveCount(0);

  // The sender's open thread updates by itself, and says it in the chat.
  await expect(senderCard.getByTestId("gift-card-status")).toHaveText("Declined · refunded", { timeout: 10_000 });
  await expect(sender.page.getByTestId("system-message").filter({ hasText: "declined the gift" })).toHaveText(
    `${recipient.name} declined the gift; it has been refunded`,
  );

  // The sender's order says why the money came back.
  await sender.page.goto("/orders");
  await sender.page.getByTestId("order-row").first().click();
  await expect(sender.page.getByTestId("order-status")).toHaveText("Declined");
  await expect(sender.page.getByText("The recipient declined the gift, so it was refunded in full.")).toBeVisible();

  await Promise.all([sender.context.close(), recipient.context.close()]);
});
