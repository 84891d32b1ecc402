import { expect } from "./base";
import { personIn, test } from "./services";
import { chooseNewAddress } from "./helpers";

const PRODUCT = "Daily Mixed Nuts 每日坚果";
const ADDRESS = { name: "赵敏", phone: "13711223344", detail: "长乐路 12 弄 5 号 301 室" };
const MESSAGE = "口令送你一份小零食";

test("a passphrase gift: the sender pays and shares it, a stranger opens the link, a wrong guess is refused next to the field, the right one lets them accept; the sender sees it accepted, never the address", async ({
  browser,
  services,
}) => {
  test.setTimeout(120_000);
  // Two people who share no chat.
  const [senderUser, strangerUser] = await Promise.all([services.newUser("Pass Sender 口令"), services.newUser("Pass Stranger 远方")]);
  const [sender, stranger] = await Promise.all([personIn(browser, senderUser), personIn(browser, strangerUser)]);
  const senderBodies: string[] = [];
  sender.page.on("response", async (res) => {
    try {
      senderBodies.push(await res.text());
    } catch {
      /* redirects and aborted requests have no body */
    }
  });

  // Sender: product page → Send with a passphrase → pay in the sandbox checkout.
  const product = await services.db.product.findFirstOrThrow({ where: { title: PRODUCT }, select: { id: true } });
  await sender.page.goto(`/products/${product.id}`);
  await sender.page.getByTestId("send-with-passphrase").click();
  await sender.page.waitForURL(/\/gift\/passphrase\?/);
  await sender.page.getByLabel("Gift message").fill(MESSAGE);
  await sender.page.getByTestId("gift-pay").click();
  await sender.page.waitForURL(/\/checkout\//);
  await sender.page.getByTestId("sandbox-pay").click();
  await expect(sender.page.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });
  await sender.page.getByTestId("share-passphrase-gift").click();
  await sender.page.waitForURL(/\/gifts\//);

  // The share panel: the passphrase, the link, copy buttons and a QR code.
  const share = sender.page.getByTestId("passphrase-share");
  await expect(share).toBeVisible();
  const passphrase = (await share.getByTestId("gift-passphrase").textContent())!.trim();
  expect(passphrase).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
  const link = new URL((await share.getByTestId("gift-share-link").textContent())!.trim());
  expect(link.pathname).toBe(new URL(sender.page.url()).pathname);
  await expect(share.getByRole("img", { name: "QR code of the gift link" }).locator("svg")).toBeVisible();
  await expect(sender.page.getByTestId("gift-status")).toHaveAttribute("data-phase", "waiting");

  // The stranger opens the link: a gift is waiting, and nothing else is told.
  await stranger.page.goto(link.pathname);
  await expect(stranger.page.getByTestId("passphrase-gift")).toHaveAttribute("data-state", "locked");
  const locked = await stranger.page.content();
  for (const secret of [PRODUCT, MESSAGE, "Pass Sender", passphrase]) expect(locked.includes(secret), `the locked page shows "${secret}"`).toBe(false);

  // A wrong guess: refused, with the error right under the field.
  const field = stranger.page.getByLabel("Passphrase");
  const last = passphrase.at(-1) === "Z" ? "Y" : "Z";
  await field.fill(passphrase.slice(0, -1) + last);
  await stranger.page.getByTestId("passphrase-submit").click();
  const error = stranger.page.locator("#passphrase-error");
  await expect(error).toHaveText("That passphrase isn't right. Check it and try again.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAttribute("aria-describedby", "passphrase-error");
  await expect(stranger.page.getByTestId("passphrase-gift")).toBeVisible();

  // The right one, typed in lower case without the dash: the gift opens to accept.
  await field.fill(passphrase.replace("-", "").toLowerCase());
  await stranger.page.getByTestId("passphrase-submit").click();
  await expect(stranger.page.getByTestId("gift-message")).toHaveText(MESSAGE);
  await chooseNewAddress(stranger.page);
  await stranger.page.getByLabel("Recipient").fill(ADDRESS.name);
  await stranger.page.getByLabel("Mobile number").fill(ADDRESS.phone);
  await stranger.page.getByLabel("Province").selectOption({ label: "上海市" });
  await stranger.page.getByLabel("City").selectOption({ index: 1 });
  await stranger.page.getByLabel("District").selectOption({ label: "徐汇区" });
  await stranger.page.getByLabel("Street address").fill(ADDRESS.detail);
  await stranger.page.getByTestId("accept-gift").click();
  await expect(stranger.page.getByTestId("gift-accepted")).toBeVisible();

  // The sender's gift page: accepted, by whom, no share panel any more, and no address.
  await sender.page.reload();
  await expect(sender.page.getByTestId("gift-status")).toHaveAttribute("data-phase", "accepted");
  await expect(sender.page.getByTestId("gift-sent-to")).toContainText("Pass Stranger 远方");
  await expect(sender.page.getByTestId("passphrase-share")).toHaveCount(0);
  // And the order page.
  await sender.page.goto("/orders");
  await sender.page.getByRole("link", { name: new RegExp(PRODUCT) }).first().click();
  await expect(sender.page.getByTestId("open-passphrase-gift")).toBeVisible();
  const everything = senderBodies.join("\n") + (await sender.page.content());
  for (const secret of [ADDRESS.phone, ADDRESS.detail, "1371122"]) expect(everything.includes(secret), `the sender's browser received "${secret}"`).toBe(false);

  await Promise.all([sender.context.close(), stranger.context.close()]);
});

test("sharing a product into a chat: the friend sees its card, which opens the product", async ({ browser, services }) => {
  const [aUser, bUser] = await Promise.all([services.newUser("Share Sender 分享"), services.newUser("Share Friend 朋友")]);
  await services.befriend(aUser, bUser);
  const threadId = await services.directThread(aUser, bUser);
  const [a, b] = await Promise.all([personIn(browser, aUser), personIn(browser, bUser)]);
  const product = await services.db.product.findFirstOrThrow({ where: { title: PRODUCT }, select: { id: true } });

  await a.page.goto(`/products/${product.id}`);
  await a.page.getByTestId("share-to-chat").click();
  await a.page.waitForURL(/\/share$/);
  await a.page.getByRole("radio", { name: "Share Friend 朋友" }).check();
  await a.page.getByTestId("share-submit").click();
  await a.page.waitForURL(new RegExp(`/chats/${threadId}$`));
  await expect(a.page.getByTestId("product-card")).toContainText(PRODUCT);

  await b.page.goto(`/chats/${threadId}`);
  const card = b.page.getByTestId("product-card");
  await expect(card).toContainText(PRODUCT);
  await expect(card).toHaveAttribute("href", `/products/${product.id}`);
  await card.click();
  await b.page.waitForURL(new RegExp(`/products/${product.id}$`));
  await expect(b.page.getByTestId("product-title")).toHaveText(PRODUCT);

  await Promise.all([a.context.close(), b.context.close()]);
});
