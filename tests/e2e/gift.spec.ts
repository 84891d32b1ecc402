import { expect, test, type Page } from "./base";
import { chooseNewAddress, signIn } from "./helpers";

const ADDRESS = { name: "王芳", phone: "13987654321", detail: "漕溪北路 88 号 1203 室" };
const PRODUCT = "Daily Mixed Nuts 每日坚果";
const TRACKING = "ZT3344556677";

async function openDirectChat(page: Page, withName: string) {
  await page.goto("/chats");
  await page.getByRole("link", { name: new RegExp(withName) }).first().click();
  await page.waitForURL(/\/chats\/[^/]+$/);
  // The seeded chat has messages: once one shows, the thread (and its cards) has rendered.
  await expect(page.getByTestId("message").first()).toBeVisible();
}

test("a gift sent in a chat reaches the recipient live, is accepted with an address the sender never sees, and the merchant gets it", async ({ browser }) => {
  // Also follows the parcel on both gifts pages while the merchant ships it.
  test.setTimeout(180_000);
  const [senderCtx, recipientCtx, merchantCtx] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const sender = await senderCtx.newPage();
  const recipient = await recipientCtx.newPage();
  const merchant = await merchantCtx.newPage();

  // Everything the sender's browser receives, to prove the address never reaches it.
  const senderBodies: string[] = [];
  sender.on("response", async (res) => {
    if ((res.headers()["content-type"] ?? "").includes("event-stream")) return;
    try {
      senderBodies.push(await res.text());
    } catch {
      /* bodies of redirects and aborted requests are unavailable */
    }
  });

  await signIn(sender, "sender@lanbao.test");
  await signIn(recipient, "recipient@lanbao.test");
  await signIn(merchant, "merchant@lanbao.test");

  await openDirectChat(recipient, "Li Wei");
  const recipientCards = recipient.getByTestId("gift-card");
  const cardsBefore = await recipientCards.count();

  // Listen on the sender's live stream for the whole flow, from a second tab that stays put.
  const senderStream = await senderCtx.newPage();
  await senderStream.goto("/chats");
  await senderStream.evaluate(() => {
    const w = window as unknown as { __stream: string[] };
    w.__stream = [];
    const source = new EventSource("/api/realtime");
    source.onmessage = (e) => w.__stream.push(e.data);
    for (const type of ["message", "gift", "threads"]) source.addEventListener(type, (e) => w.__stream.push((e as MessageEvent).data));
  });
  await openDirectChat(sender, "Wang Fang");

  // Sender: composer → Gift → pick a product → confirm sheet → pay in the sandbox checkout.
  const giftEntry = sender.getByTestId("composer-gift");
  if (!(await giftEntry.isVisible())) await sender.getByTestId("composer-more").click();
  await giftEntry.click();
  await sender.getByRole("link", { name: new RegExp(PRODUCT) }).click();
  await expect(sender.getByTestId("gift-recipient")).toHaveText("Wang Fang 王芳");
  await sender.getByLabel("Gift message").fill("路上带着吃 Enjoy!");
  await sender.getByTestId("gift-pay").click();
  await sender.waitForURL(/\/checkout\//);
  await expect(sender.getByTestId("sandbox-pay")).toBeVisible();
  const paidAt = Date.now();
  await sender.getByTestId("sandbox-pay").click();

  // The card lands in the recipient's open thread without a reload.
  await expect(recipientCards).toHaveCount(cardsBefore + 1, { timeout: 15_000 });
  const payToCardMs = Date.now() - paidAt;
  test.info().annotations.push({ type: "pay-to-card-ms", description: String(payToCardMs) });
  console.log(`pay → card in recipient's browser: ${payToCardMs} ms`);

  await expect(sender.getByTestId("checkout-success")).toBeVisible();
  await expect(sender.getByRole("heading", { name: "Gift sent" })).toBeVisible();
  await sender.getByTestId("back-to-chat").click();
  await sender.waitForURL(/\/chats\/[^/]+$/);
  const threadUrl = sender.url();
  const senderCard = sender.getByTestId("gift-card").last();
  await expect(senderCard.getByTestId("gift-card-status")).toHaveText("Waiting to be accepted");

  // Recipient opens the card and accepts with an address.
  const card = recipientCards.last();
  await expect(card).toContainText("路上带着吃 Enjoy!");
  const href = await card.getAttribute("href");
  expect(href).toMatch(/^\/gifts\/[A-Za-z0-9_-]{40,}$/);
  await card.click();
  await recipient.waitForURL(/\/gifts\//);
  await expect(recipient.getByTestId("gift-message")).toHaveText("路上带着吃 Enjoy!");
  await chooseNewAddress(recipient);
  await recipient.getByLabel("Recipient").fill(ADDRESS.name);
  await recipient.getByLabel("Mobile number").fill(ADDRESS.phone);
  // Accepting with a half-filled form changes nothing and says what is missing.
  await recipient.getByTestId("accept-gift").click();
  await expect(recipient.getByText("Select a province.")).toBeVisible();
  await recipient.getByLabel("Province").selectOption({ label: "上海市" });
  await recipient.getByLabel("City").selectOption({ index: 1 });
  await recipient.getByLabel("District").selectOption({ label: "徐汇区" });
  await recipient.getByLabel("Street address").fill(ADDRESS.detail);
  await recipient.getByTestId("accept-gift").click();
  await expect(recipient.getByTestId("gift-accepted")).toBeVisible();

  // Both threads show it accepted, live.
  await expect(senderCard.getByTestId("gift-card-status")).toHaveText("Accepted", { timeout: 10_000 });

  // The merchant sees the order with the address.
  await merchant.goto("/merchant/orders");
  // Other specs order the same product at the same time: pick this sender's gift to this recipient.
  const row = merchant.getByTestId("merchant-order-row").filter({ hasText: "Li Wei 李伟 → Wang Fang 王芳" }).filter({ hasText: PRODUCT });
  await row.first().getByRole("link", { name: new RegExp(PRODUCT) }).click();
  await expect(merchant.getByText(ADDRESS.phone)).toBeVisible();
  await expect(merchant.getByText(ADDRESS.detail, { exact: false })).toBeVisible();

  // The sender's gifts page and the gift's timeline follow the parcel live: the merchant
  // ships, and the carrier and tracking number appear without a reload.
  // (Other specs send the same product from the same account at the same time: the gift's
  // id comes from its own sheet, which links to its timeline.)
  await senderCard.click();
  const timelineHref = (await sender.getByTestId("gift-timeline-link").getAttribute("href"))!;
  expect(timelineHref).toMatch(/^\/gifts\/sent\/[^/]+$/);
  await sender.goto("/gifts?tab=sent");
  const sentRow = sender.locator(`[data-testid="gift-row"][href="${timelineHref}"]`);
  await expect(sentRow.getByTestId("order-status")).toHaveText("Accepted");
  await sentRow.click();
  await sender.waitForURL(timelineHref);
  const sentClaim = sender.getByTestId("sent-claim");
  await expect(sentClaim).toContainText("Wang Fang 王芳");
  await expect(sender.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
  const merchantClaim = merchant.getByTestId("claim");
  await merchantClaim.getByLabel("Carrier").fill("ZTO Express");
  await merchantClaim.getByLabel("Tracking number").fill(TRACKING);
  await merchantClaim.getByTestId("mark-shipped").click();
  await expect(sentClaim.getByTestId("parcel-shipments")).toContainText(TRACKING, { timeout: 15_000 });
  await expect(sentClaim.getByTestId("order-status")).toHaveText("Shipped");
  // The recipient's own timeline has the address.
  const receivedHref = (await recipient.getByTestId("gift-timeline-link").getAttribute("href"))!;
  await recipient.goto("/gifts");
  await recipient.locator(`[data-testid="gift-row"][href="${receivedHref}"]`).click();
  await expect(recipient.getByTestId("parcel-address")).toContainText(ADDRESS.detail);

  // The sender reloads the thread and the gift page: still no trace of the address.
  await sender.goto(threadUrl);
  await sender.getByTestId("gift-card").last().click();
  await expect(sender.getByTestId("gift-sender-view")).toBeVisible();
  const stream = await senderStream.evaluate(() => (window as unknown as { __stream: string[] }).__stream.join("\n"));
  expect(stream.length).toBeGreaterThan(0); // the stream did carry the updates
  const everything = senderBodies.join("\n") + stream + (await sender.content());
  for (const secret of [ADDRESS.phone, ADDRESS.detail, "1398765"]) {
    expect(everything.includes(secret), `the sender's browser received "${secret}"`).toBe(false);
  }

  // Anyone else with the link: signed out → sign-in → back to the gift → nothing but a notice.
  const strangerCtx = await browser.newContext();
  const stranger = await strangerCtx.newPage();
  await stranger.goto(href!);
  await expect(stranger).toHaveURL(/\/sign-in\?callbackUrl=%2Fgifts%2F/);
  await stranger.getByLabel("Email").fill("zhao@lanbao.test");
  await stranger.getByLabel("Password").fill("lanbao-demo");
  await stranger.getByRole("button", { name: "Sign in" }).click();
  await expect(stranger.getByTestId("gift-not-yours")).toHaveText("This gift was sent to someone else.");
  expect(await stranger.content()).not.toContain(ADDRESS.phone);

  await Promise.all([senderCtx.close(), recipientCtx.close(), merchantCtx.close(), strangerCtx.close()]);
});
