import { expect, test, type Page } from "./base";
import { signIn, uniqueEmail } from "./helpers";

const ADDRESS = { name: "刘洋", phone: "13711112222", detail: "天目山路 18 号 5 幢 302 室" };

async function signUp(page: Page, name: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(uniqueEmail("shopper"));
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("home-greeting")).toBeVisible();
}

test("a shopper browses a shop, follows it, and cannot choose a sold-out option", async ({ page }) => {
  await signUp(page, "Browsing Shopper");
  await page.goto("/shops");
  await page.getByTestId("shop-card").filter({ hasText: "Sweet Nest Snacks" }).click();
  await expect(page.getByTestId("shop-name")).toHaveText("Sweet Nest Snacks 甜窝零食铺");
  // The gift zone comes first, in the merchant's order.
  await expect(page.getByTestId("gift-zone").getByTestId("product-card").first()).toContainText("Lotus Seed Mooncake Gift Box");
  await expect(page.getByTestId("gift-zone").getByTestId("gift-badge").first()).toHaveText("Gifting supported");

  const count = page.getByTestId("follower-count");
  const before = Number((await count.textContent())?.match(/\d+/)?.[0] ?? 0);
  await page.getByTestId("follow-button").click();
  await expect(page.getByTestId("follow-button")).toHaveAttribute("aria-pressed", "true");
  await expect(count).toHaveText(before + 1 === 1 ? "1 follower" : `${before + 1} followers`);
  await page.reload();
  await expect(page.getByTestId("follow-button")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("follow-button").click();
  await expect(page.getByTestId("follow-button")).toHaveAttribute("aria-pressed", "false");

  // 454 g of Yirgacheffe is sold out: shown, but not a link.
  await page.goto("/products/seed-product-yirgacheffe-beans");
  const soldOut = page.locator('[data-testid="variant-option"][data-out-of-stock="true"]');
  await expect(soldOut).toHaveText(/454 g/);
  await expect(soldOut).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("link", { name: /454 g/ })).toHaveCount(0);
  await expect(page.getByTestId("variant-stock")).toContainText("40 in stock");

  // Jewelry explains why it cannot be a gift, and offers Buy now only.
  await page.goto("/products/seed-product-jade-bangle");
  await expect(page.getByTestId("gift-eligibility")).toContainText("jewelry and education products can't be gifts");
  await expect(page.getByTestId("send-to-friend")).toHaveCount(0);
  await expect(page.getByTestId("buy-now")).toBeVisible();

  // Search finds Chinese and partial English words.
  await page.goto(`/search?q=${encodeURIComponent("咖啡")}`);
  await expect(page.getByTestId("product-card").filter({ hasText: "Yunnan Single-Origin Coffee Beans" })).toBeVisible();
  await page.goto("/search?q=lat");
  await expect(page.getByTestId("product-card").filter({ hasText: "Latte voucher" })).toBeVisible();
});

test("buy now with a new address, pay, and follow the order as the merchant ships and delivers it", async ({ browser }) => {
  test.setTimeout(120_000);
  const [buyerCtx, merchantCtx] = await Promise.all([browser.newContext(), browser.newContext()]);
  const buyer = await buyerCtx.newPage();
  const merchant = await merchantCtx.newPage();
  await Promise.all([signUp(buyer, "Buyer 买家"), signIn(merchant, "merchant@lanbao.test")]);

  await buyer.goto("/products/seed-product-drip-bags");
  await buyer.getByTestId("variant-option").filter({ hasText: "30 bags" }).click();
  await expect(buyer.getByTestId("price")).toHaveText("¥129.00");
  await buyer.getByTestId("buy-now").click();
  await buyer.waitForURL(/\/products\/seed-product-drip-bags\/buy/);
  await buyer.getByRole("button", { name: "One more" }).click();
  await expect(buyer.getByTestId("buy-total")).toHaveText("¥258.00");

  // Without an address nothing happens but a message on the field.
  await buyer.getByTestId("pay-button").click();
  await expect(buyer.getByText("Enter the recipient's name.")).toBeVisible();
  await buyer.getByLabel("Recipient").fill(ADDRESS.name);
  await buyer.getByLabel("Mobile number").fill(ADDRESS.phone);
  await buyer.getByLabel("Province").selectOption({ label: "浙江省" });
  await buyer.getByLabel("City").selectOption({ label: "杭州市" });
  await buyer.getByLabel("District").selectOption({ label: "西湖区" });
  await buyer.getByLabel("Street address").fill(ADDRESS.detail);
  await buyer.getByTestId("pay-button").click();
  await buyer.waitForURL(/\/checkout\//);
  await expect(buyer.getByTestId("sandbox-total")).toContainText("258");
  await buyer.getByTestId("sandbox-pay").click();
  await expect(buyer.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });
  await buyer.getByRole("link", { name: "View order" }).click();
  await buyer.waitForURL(/\/orders\/[^/]+$/);
  const orderId = new URL(buyer.url()).pathname.split("/").pop()!;
  await expect(buyer.getByTestId("order-status")).toHaveText("Paid");

  // The merchant sees it to ship, with the buyer's address, and ships it.
  await merchant.goto("/merchant/orders?status=TO_SHIP&kind=SELF");
  await expect(merchant.locator(`[data-order-id="${orderId}"]`)).toBeVisible();
  await merchant.goto(`/merchant/orders/${orderId}`);
  await expect(merchant.getByTestId("ship-address")).toContainText(ADDRESS.detail);
  await expect(merchant.getByTestId("ship-address")).toContainText(ADDRESS.phone);
  await merchant.getByTestId("mark-shipped").click();
  await expect(merchant.getByText("This field is required.").first()).toBeVisible();
  await merchant.getByLabel("Carrier").fill("SF Express");
  await merchant.getByLabel("Tracking number").fill("SF1234567890");
  await merchant.getByTestId("mark-shipped").click();
  await expect(merchant.getByTestId("order-status")).toHaveText("Shipped");

  await buyer.reload();
  await expect(buyer.getByTestId("order-status")).toHaveText("Shipped");
  await expect(buyer.getByTestId("order-shipments")).toContainText("Shipped via SF Express");
  await expect(buyer.getByTestId("order-shipments")).toContainText("SF1234567890");

  await merchant.getByTestId("mark-delivered").click();
  await expect(merchant.getByTestId("order-status")).toHaveText("Delivered");
  await buyer.reload();
  await expect(buyer.getByTestId("order-status")).toHaveText("Delivered");
  await buyer.goto("/orders");
  await expect(buyer.getByTestId("order-row").first()).toContainText("Drip Coffee Bags");

  // Someone else's order is nobody's business.
  await merchant.goto(`/orders/${orderId}`);
  await expect(merchant.getByRole("heading", { name: "Order not found" })).toBeVisible();

  await Promise.all([buyerCtx.close(), merchantCtx.close()]);
});
