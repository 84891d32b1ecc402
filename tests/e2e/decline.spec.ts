import { expect, test, type Page } from "./base";
import { makeFriends, signUpNewPerson } from "./helpers";

/** Makes two people friends through the friends page and opens their direct chat for both. */
async function befriend(a: { page: Page; name: string }, b: { page: Page; name: string }) {
  await makeFriends(a, b);
  await b.page.getByTestId("friend").filter({ hasText: a.name }).getByTestId("open-chat").click();
  await b.page.waitForURL(/\/chats\/[^/]+$/);
  await a.page.goto(b.page.url());
}

test("the recipient declines a gift; the sender's card turns 'Declined · refunded' without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const suffix = Math.random().toString(36).slice(2, 6);
  const sender = await signUpNewPerson(browser, `Giver ${suffix}`);
  const recipient = await signUpNewPerson(browser, `Taker ${suffix}`);
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
  // The list shows statuses too: read the order page only once it has opened.
  await sender.page.waitForURL(/\/orders\/[^/]+$/);
  await expect(sender.page.getByTestId("order-status")).toHaveText("Declined");
  await expect(sender.page.getByText("The recipient declined the gift, so it was refunded in full.")).toBeVisible();

  await Promise.all([sender.context.close(), recipient.context.close()]);
});
