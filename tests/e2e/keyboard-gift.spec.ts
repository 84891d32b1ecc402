// The whole gift path with the keyboard alone (Tab, Enter, Space, arrows; no clicks): the
// sender goes from the product to "Send to a friend", pays in the sandbox checkout, the
// recipient opens the card in the chat and accepts it with the saved address. Every control
// reached shows where focus is; menus and panels take focus in and give it back; the
// sender's open thread announces the new status through its live region without taking focus.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./base";
import { GIFT_PRODUCT_ID, makeFriendPair } from "./gift-states-client";
import { personIn } from "./services";

/** Presses Tab until `target` has focus (at most `max` times), checking that focus is visible. */
async function tabTo(page: Page, target: Locator, max = 80) {
  const handle = await target.elementHandle();
  if (!handle) throw new Error("tabTo: target not found");
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await handle.evaluate((el) => el === document.activeElement)) {
      await expectVisibleFocus(page);
      return;
    }
  }
  throw new Error(`tabTo: ${target} not reached in ${max} presses of Tab`);
}

/** The focused element draws an outline or a ring (box-shadow). */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { tag: el.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  const visible = (style.outline !== "none" && style.width > 0) || (style.shadow !== "none" && style.shadow !== "");
  expect(visible, `focus on ${style.tag} is visible (${JSON.stringify(style)})`).toBe(true);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? null);

test("a gift from the product page to an accepted parcel, by keyboard alone", async ({ browser }) => {
  test.setTimeout(180_000);
  const suffix = Math.random().toString(36).slice(2, 6);
  const { giver, taker, threadId } = await makeFriendPair(`Keys ${suffix}`);
  const sender = await personIn(browser, giver);
  const recipient = await personIn(browser, taker);
  const message = `By keyboard ${suffix}`;

  // The account menu: Enter opens it with focus on its first item, Escape gives focus back.
  const s = sender.page;
  await s.goto(`/products/${GIFT_PRODUCT_ID}`);
  const menuButton = s.getByRole("button", { name: "Account menu" });
  await tabTo(s, menuButton);
  await s.keyboard.press("Enter");
  await expect(s.getByRole("menuitem").first()).toBeFocused();
  await s.keyboard.press("ArrowDown");
  await expect(s.getByRole("menuitem").nth(1)).toBeFocused();
  await s.keyboard.press("Escape");
  await expect(s.getByRole("menu")).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  // Product → Send to a friend → the confirm-gift sheet.
  await tabTo(s, s.getByTestId("send-to-friend"));
  await s.keyboard.press("Enter");
  await s.waitForURL(/\/gift\/new\?/);
  const friend = s.getByLabel("Friend");
  await tabTo(s, friend);
  await s.keyboard.press("ArrowDown"); // the placeholder is disabled: the first friend
  await expect(friend).toHaveValue(taker.id);
  await tabTo(s, s.getByLabel("Gift message"));
  await s.keyboard.type(message);
  await tabTo(s, s.getByTestId("gift-pay"));
  await s.keyboard.press("Enter");

  // The sandbox's hosted checkout.
  await s.waitForURL(/\/checkout\//);
  await tabTo(s, s.getByTestId("sandbox-pay"));
  await s.keyboard.press("Space");
  await expect(s.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });

  // The sender keeps the chat open, with focus in the composer.
  await s.goto(`/chats/${threadId}`);
  const senderCard = s.getByTestId("gift-card").filter({ hasText: message });
  await expect(senderCard.getByTestId("gift-card-status")).toHaveText("Waiting to be accepted");
  await expect(s.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
  // "+" moves focus into its panel; Escape closes it and focus returns to "+".
  await tabTo(s, s.getByTestId("composer-more"));
  await s.keyboard.press("Enter");
  await expect(s.getByTestId("composer-gift")).toBeFocused();
  await s.keyboard.press("Escape");
  await expect(s.getByTestId("composer-gift")).toHaveCount(0);
  await expect(s.getByTestId("composer-more")).toBeFocused();
  await tabTo(s, s.getByTestId("composer-input"));
  const log = s.getByRole("log");
  await expect(log).toHaveAttribute("aria-live", "polite");
  await expect(log.getByTestId("gift-card").filter({ hasText: message })).toHaveCount(1);

  // The recipient opens the card from the chat and accepts with the saved address.
  const r = recipient.page;
  await r.goto(`/chats/${threadId}`);
  const card = r.getByTestId("gift-card").filter({ hasText: message });
  await expect(card).toBeVisible();
  await tabTo(r, card);
  await r.keyboard.press("Enter");
  await r.waitForURL(/\/gifts\/[A-Za-z0-9_-]{20,}$/);
  await expect(r.getByTestId("gift-message")).toHaveText(message);
  // The saved (default) address is chosen already.
  await expect(r.getByRole("radio", { checked: true })).toHaveCount(1);
  await tabTo(r, r.getByTestId("accept-gift"));
  await r.keyboard.press("Enter");
  await expect(r.getByTestId("gift-accepted")).toBeVisible();
  const status = r.getByTestId("gift-status");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toHaveAttribute("data-phase", "accepted");

  // The sender's thread says so by itself (inside the polite log), and focus stayed in the composer.
  await expect(senderCard.getByTestId("gift-card-status")).toHaveText("Accepted", { timeout: 10_000 });
  expect(await focused(s)).toBe("composer-input");

  await Promise.all([sender.context.close(), recipient.context.close()]);
});
