import { expect, test, type Page } from "./base";
import { chooseNewAddress, makeFriends, signIn, signUpNewPerson } from "./helpers";

const PRODUCT = "Handmade Milk Nougat";
const MESSAGE = "新年快乐 Happy new year";
const ADDRESS = { name: "收件人甲", phone: "13655556666", detail: "南京西路 1266 号 35 楼" };
const TRACKING = "YT5566778899";
const REASON = "糖块碎了 The nougat arrived broken";
// The smallest PNG there is, as the photo of the broken parcel.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** Every body the page's browser receives (pages, RSC refreshes, action answers), to prove what never reaches it. */
function recordBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (res) => {
    if ((res.headers()["content-type"] ?? "").includes("event-stream")) return;
    try {
      bodies.push(await res.text());
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  return bodies;
}

test("after delivery the recipient asks for a refund, the shop approves, and the sender's gifts page says Refunded without ever showing the address; the packing slip has the message and no price", async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const suffix = Math.random().toString(36).slice(2, 6);
  const sender = await signUpNewPerson(browser, `Giver ${suffix}`);
  const recipient = await signUpNewPerson(browser, `Taker ${suffix}`);
  const senderBodies = recordBodies(sender.page);
  await makeFriends(sender, recipient);
  const merchantCtx = await browser.newContext();
  const merchant = await merchantCtx.newPage();
  await signIn(merchant, "merchant@lanbao.test");

  // The sender sends the nougat with a message, and lets the slip say who it is from.
  await sender.page.goto("/products/seed-product-nougat");
  await sender.page.getByTestId("send-to-friend").click();
  await sender.page.waitForURL(/\/gift\/new\?/);
  await sender.page.getByLabel("Friend").selectOption({ label: recipient.name });
  await sender.page.getByLabel("Gift message").fill(MESSAGE);
  await sender.page.getByLabel("Put “A gift from” and my name on the packing slip").check();
  await sender.page.getByTestId("gift-pay").click();
  await sender.page.waitForURL(/\/checkout\//);
  await sender.page.getByTestId("sandbox-pay").click();
  await expect(sender.page.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });

  // The recipient finds it on their gifts page, opens it and accepts with an address.
  await recipient.page.goto("/gifts");
  const received = recipient.page.getByTestId("gift-row").filter({ hasText: PRODUCT });
  await expect(received).toContainText("Waiting for the recipient");
  await received.click();
  await recipient.page.getByTestId("open-gift-sheet").click();
  await recipient.page.waitForURL(/\/gifts\/[A-Za-z0-9_-]{20,}$/);
  await chooseNewAddress(recipient.page);
  await recipient.page.getByLabel("Recipient").fill(ADDRESS.name);
  await recipient.page.getByLabel("Mobile number").fill(ADDRESS.phone);
  await recipient.page.getByLabel("Province").selectOption({ label: "上海市" });
  await recipient.page.getByLabel("City").selectOption({ index: 1 });
  await recipient.page.getByLabel("District").selectOption({ label: "静安区" });
  await recipient.page.getByLabel("Street address").fill(ADDRESS.detail);
  await recipient.page.getByTestId("accept-gift").click();
  await expect(recipient.page.getByTestId("gift-accepted")).toBeVisible();
  await recipient.page.getByTestId("gift-timeline-link").click();
  await recipient.page.waitForURL(/\/gifts\/received\//);
  const timelineUrl = recipient.page.url();

  // The merchant sees the gift message on the order and prints the packing slip.
  await merchant.goto("/merchant/orders?status=TO_SHIP&kind=GIFT");
  await merchant.getByTestId("merchant-order-row").filter({ hasText: sender.name }).getByRole("link", { name: new RegExp(PRODUCT) }).click();
  await expect(merchant.getByTestId("order-gift-message")).toHaveText(MESSAGE);
  const orderUrl = merchant.url();
  await merchant.getByTestId("packing-slip-link").click();
  await merchant.waitForURL(/\/merchant\/slips\//);
  const slip = merchant.getByTestId("packing-slip");
  await expect(slip).toHaveCount(1);
  await expect(slip).toContainText(MESSAGE);
  await expect(slip).toContainText(`A gift from ${sender.name}`);
  await expect(slip).toContainText(ADDRESS.detail);
  const printed = await merchant.locator("body").innerText();
  expect(printed).not.toMatch(/[¥￥]|CN¥|\d+\.\d{2}\b/);

  // The merchant ships it with a tracking number.
  await merchant.goto(orderUrl);
  const claim = merchant.getByTestId("claim");
  await claim.getByLabel("Carrier").fill("YTO Express");
  await claim.getByLabel("Tracking number").fill(TRACKING);
  await claim.getByTestId("mark-shipped").click();
  await expect(claim).toContainText("Shipped");

  // The recipient confirms receipt (确认收货) and asks for a refund with a photo.
  await recipient.page.goto(timelineUrl);
  await expect(recipient.page.getByTestId("parcel-shipments")).toContainText(TRACKING);
  await recipient.page.getByTestId("confirm-receipt").click();
  await expect(recipient.page.getByTestId("timeline-event").filter({ hasText: "receipt confirmed by the recipient" })).toBeVisible();
  await recipient.page.getByTestId("open-after-sale").click();
  const form = recipient.page.getByTestId("after-sale-form");
  await form.getByLabel("Refund only").check();
  // Sending without a reason changes nothing and says what is missing.
  await form.getByTestId("submit-after-sale").click();
  await expect(form.getByText("Tell the shop what is wrong (at least 2 characters).")).toBeVisible();
  await form.getByLabel("Reason").fill(REASON);
  await form.getByLabel("Photo (optional)").setInputFiles({ name: "broken.png", mimeType: "image/png", buffer: PNG });
  await expect(form.getByAltText("The photo you chose")).toBeVisible();
  await form.getByTestId("submit-after-sale").click();
  await expect(recipient.page.getByTestId("after-sale-status")).toHaveText("Waiting for the shop");
  await expect(recipient.page.getByTestId("after-sale-form")).toHaveCount(0);

  // The merchant finds the request and approves a full refund.
  await merchant.goto("/merchant/after-sales");
  await merchant.getByTestId("merchant-after-sale-row").filter({ hasText: recipient.name }).getByRole("link", { name: new RegExp(PRODUCT) }).click();
  const decision = merchant.getByTestId("merchant-after-sales");
  await expect(decision).toContainText(REASON);
  await expect(decision.getByAltText("Photo sent with the request")).toBeVisible();
  await expect(decision.getByLabel("Refund (¥)")).toHaveValue("39.00");
  await decision.getByTestId("approve-after-sale").click();
  await expect(decision.getByTestId("after-sale-status")).toHaveText("Approved");
  await expect(merchant.getByTestId("order-status")).toHaveText("Refunded");

  // The recipient reads the outcome with its amount.
  await recipient.page.reload();
  await expect(recipient.page.getByTestId("after-sale-request")).toContainText("¥39.00 refunded to the original payment");

  // The sender's gifts page: Refunded, the tracking number, and nothing of the address or the reason.
  await sender.page.goto("/gifts?tab=sent");
  const row = sender.page.getByTestId("gift-row").filter({ hasText: PRODUCT });
  await expect(row.getByTestId("order-status")).toHaveText("Refunded");
  await row.click();
  await sender.page.waitForURL(/\/gifts\/sent\//);
  const sentClaim = sender.page.getByTestId("sent-claim");
  await expect(sentClaim.getByTestId("order-status")).toHaveText("Refunded");
  await expect(sentClaim.getByTestId("parcel-shipments")).toContainText(TRACKING);
  await expect(sentClaim.getByTestId("sent-after-sale")).toContainText("Approved");
  // The photo is the recipient's and the shop's only.
  const photoUrl = await decision.getByAltText("Photo sent with the request").getAttribute("src");
  expect((await sender.page.request.get(photoUrl!)).status()).toBe(404);
  const everything = senderBodies.join("\n") + (await sender.page.content());
  for (const secret of [ADDRESS.name, ADDRESS.phone, ADDRESS.detail, "静安区", REASON]) {
    expect(everything.includes(secret), `the sender's browser received "${secret}"`).toBe(false);
  }

  await Promise.all([sender.context.close(), recipient.context.close(), merchantCtx.close()]);
});
