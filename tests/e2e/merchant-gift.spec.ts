import { expect, test, type Page } from "./base";
import { chooseNewAddress, signIn } from "./helpers";

const PRODUCT = "Chocolate Truffle Box";
const ADDRESS = { name: "陈杰", phone: "13566667777", detail: "文三路 259 号 8 楼" };
const TRACKING = "SF7788990011";

async function openChatWith(page: Page, name: RegExp) {
  await page.goto("/chats");
  await page.getByRole("link", { name }).first().click();
  await page.waitForURL(/\/chats\/[^/]+$/);
}

test("the merchant ships and delivers an accepted gift; both friends are told in their chat, never where it went", async ({ browser }) => {
  test.setTimeout(150_000);
  const [senderCtx, recipientCtx, merchantCtx] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const sender = await senderCtx.newPage();
  const recipient = await recipientCtx.newPage();
  const merchant = await merchantCtx.newPage();
  await Promise.all([
    signIn(sender, "zhao@lanbao.test"),
    signIn(recipient, "chen@lanbao.test"),
    signIn(merchant, "merchant@lanbao.test"),
  ]);

  // Zhao sends the truffles to Chen from the product page.
  await sender.goto("/products/seed-product-truffles");
  await sender.getByTestId("send-to-friend").click();
  await sender.waitForURL(/\/gift\/new\?/);
  await sender.getByLabel("Friend").selectOption({ label: "Chen Jie 陈杰" });
  await sender.getByTestId("gift-pay").click();
  await sender.waitForURL(/\/checkout\//);
  await sender.getByTestId("sandbox-pay").click();
  await expect(sender.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });
  await sender.getByTestId("back-to-chat").click();
  await sender.waitForURL(/\/chats\/[^/]+$/);
  const threadUrl = sender.url();

  // Before Chen accepts, the gift waits: no address to ship to.
  await merchant.goto("/merchant/orders?status=WAITING&kind=GIFT");
  await merchant.getByRole("link", { name: new RegExp(PRODUCT) }).first().click();
  await expect(merchant.getByTestId("waiting-recipient")).toBeVisible();
  await expect(merchant.getByTestId("ship-form")).toHaveCount(0);
  const orderUrl = merchant.url();

  // Chen accepts with an address.
  await openChatWith(recipient, /Zhao Lei/);
  await recipient.getByTestId("gift-card").last().click();
  await recipient.waitForURL(/\/gifts\//);
  await chooseNewAddress(recipient);
  await recipient.getByLabel("Recipient").fill(ADDRESS.name);
  await recipient.getByLabel("Mobile number").fill(ADDRESS.phone);
  await recipient.getByLabel("Province").selectOption({ label: "浙江省" });
  await recipient.getByLabel("City").selectOption({ label: "杭州市" });
  await recipient.getByLabel("District").selectOption({ label: "西湖区" });
  await recipient.getByLabel("Street address").fill(ADDRESS.detail);
  await recipient.getByTestId("accept-gift").click();
  await expect(recipient.getByTestId("gift-accepted")).toBeVisible();

  // The merchant now sees where it goes and ships it.
  await merchant.goto(orderUrl);
  const claim = merchant.getByTestId("claim");
  await expect(claim.getByTestId("ship-address")).toContainText(ADDRESS.detail);
  await claim.getByLabel("Carrier").fill("SF Express");
  await claim.getByLabel("Tracking number").fill(TRACKING);
  await claim.getByTestId("mark-shipped").click();
  await expect(claim).toContainText("Shipped");
  await expect(merchant.getByTestId("order-status")).toHaveText("Shipped");

  // Both friends read it in their chat.
  const shipped = "Chen Jie 陈杰's gift “Chocolate Truffle Box 松露巧克力礼盒” has shipped via SF Express";
  // Read in the thread's message log: right after loading, a page-wide query once met a second,
  // unseen copy outside the log (gone a moment later, likely the streamed part before React
  // moves it into place).
  const shippedLine = (page: Page) => page.getByRole("log", { name: "Messages" }).getByTestId("system-message").filter({ hasText: "has shipped via SF Express" });
  await sender.goto(threadUrl);
  await expect(shippedLine(sender)).toHaveText(shipped);
  await recipient.goto(threadUrl);
  await expect(shippedLine(recipient)).toHaveText(shipped);

  await claim.getByTestId("mark-delivered").click();
  await expect(merchant.getByTestId("order-status")).toHaveText("Delivered");
  await sender.reload();
  await expect(sender.getByTestId("system-message").filter({ hasText: "has been delivered" })).toBeVisible();

  // The sender's order page shows progress, carrier and tracking number, and nothing of the address.
  await sender.goto("/orders");
  await sender.getByTestId("order-row").filter({ hasText: PRODUCT }).first().click();
  // The list shows statuses too: read the order page only once it has opened.
  await sender.waitForURL(/\/orders\/[^/]+$/);
  await expect(sender.getByTestId("order-status")).toHaveText("Delivered");
  await expect(sender.getByTestId("order-shipments")).toContainText("Shipped via SF Express");
  await expect(sender.getByTestId("order-shipments")).toContainText(TRACKING);
  const seen = (await sender.content()) + (await sender.goto(threadUrl).then(() => sender.content()));
  for (const secret of [ADDRESS.phone, ADDRESS.detail]) expect(seen).not.toContain(secret);

  await Promise.all([senderCtx.close(), recipientCtx.close(), merchantCtx.close()]);
});
