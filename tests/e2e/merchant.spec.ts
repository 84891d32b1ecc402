import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "./base";
import { signIn } from "./helpers";

const IMAGE = fileURLToPath(new URL("./fixtures/product.png", import.meta.url));

/** Opens a shop of the merchant's own for this test, so no other spec shares it. */
async function openShop(merchant: Page, tag: string) {
  await merchant.goto("/merchant/shops/new");
  await merchant.getByLabel("Shop name").fill(`Osmanthus House ${tag} 桂香茶室`);
  await merchant.getByLabel("Web address").fill(`osmanthus-${tag}`);
  await merchant.getByLabel("Description").fill("Osmanthus teas, scented by hand.");
  await merchant.getByRole("button", { name: "Open shop" }).click();
  await merchant.waitForURL((url) => /^\/merchant\/shops\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
  return merchant.url().split("/").pop()!;
}

test("a merchant creates and publishes a product, a shopper finds it, and the gifting switch takes Send to a friend away and back", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = randomBytes(3).toString("hex");
  const title = `Osmanthus Oolong ${tag} 桂花乌龙茶`;
  const [merchantCtx, shopperCtx] = await Promise.all([browser.newContext(), browser.newContext()]);
  const merchant = await merchantCtx.newPage();
  const shopper = await shopperCtx.newPage();
  await Promise.all([signIn(merchant, "merchant@lanbao.test"), signIn(shopper, "chen@lanbao.test")]);

  const shopId = await openShop(merchant, tag);
  await expect(merchant.getByTestId("merchant-shop-name")).toContainText(`Osmanthus House ${tag}`);

  // New product: fields, a picture and two variants; saved unpublished.
  await merchant.getByTestId("new-product").click();
  await merchant.getByLabel("Title", { exact: true }).fill(title);
  await merchant.getByLabel("Description", { exact: true }).fill("Tieguanyin oolong scented with fresh osmanthus flowers. 桂花窨制。");
  await merchant.getByLabel("Category").selectOption({ label: "Tea" });
  await merchant.getByTestId("image-file-input").setInputFiles(IMAGE);
  await expect(merchant.getByTestId("image-item")).toHaveCount(1);
  await expect(merchant.getByTestId("uploading")).toHaveCount(0);
  await merchant.getByLabel("Variant name 1", { exact: true }).fill("50 g");
  await merchant.getByLabel("Options 1", { exact: true }).fill("weight: 50 g");
  await merchant.getByLabel("Price (¥) 1", { exact: true }).fill("38");
  await merchant.getByLabel("Original price (¥) 1", { exact: true }).fill("45");
  await merchant.getByLabel("Stock 1", { exact: true }).fill("20");
  await merchant.getByRole("button", { name: "Add variant" }).click();
  await merchant.getByLabel("Variant name 2", { exact: true }).fill("100 g");
  await merchant.getByLabel("Price (¥) 2", { exact: true }).fill("68");
  await merchant.getByLabel("Stock 2", { exact: true }).fill("10");
  await merchant.getByTestId("save-product").click();
  await merchant.waitForURL(new RegExp(`/merchant/shops/${shopId}\\?saved=`));
  const row = merchant.getByTestId("merchant-product-row").filter({ hasText: title });
  await expect(row.getByTestId("product-state")).toHaveText("Unpublished");

  // Not published yet: search does not show it.
  await shopper.goto(`/search?q=${encodeURIComponent(tag)}`);
  await expect(shopper.getByTestId("search-empty")).toBeVisible();

  await row.getByTestId("publish").click();
  await expect(row.getByTestId("product-state")).toHaveText("Published");

  // Edit it twice: the form reloads what was stored, so the second save edits the same rows.
  await row.getByRole("link", { name: title }).click();
  await expect(merchant.getByTestId("image-item")).toHaveCount(1);
  await merchant.getByLabel("Stock 2", { exact: true }).fill("12");
  await merchant.getByTestId("save-product").click();
  await expect(merchant.getByTestId("product-saved")).toBeVisible();
  await expect(merchant.getByLabel("Stock 2", { exact: true })).toHaveValue("12");
  await merchant.getByLabel("Original price (¥) 2", { exact: true }).fill("78");
  await merchant.getByTestId("save-product").click();
  await expect(merchant.getByLabel("Original price (¥) 2", { exact: true })).toHaveValue("78.00");
  await expect(merchant.getByTestId("variant-row")).toHaveCount(2);
  await expect(merchant.getByTestId("image-item")).toHaveCount(1);

  // The shopper finds it from the search box on /shops, by part of a word and in Chinese.
  await shopper.goto("/shops");
  await shopper.getByLabel("Search products").fill(`manthus oolong ${tag}`);
  await shopper.getByLabel("Search products").press("Enter");
  await shopper.waitForURL(/\/search\?q=/);
  await expect(shopper.getByTestId("product-card").filter({ hasText: title })).toBeVisible();
  await shopper.goto(`/search?q=${encodeURIComponent(`桂花乌龙 ${tag}`)}`);
  const card = shopper.getByTestId("product-card").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("gift-badge")).toHaveText("Gifting supported");
  // The uploaded picture, resized by the image optimiser for the card.
  await expect.poll(() => card.locator("img").evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  await card.click();

  await expect(shopper.getByTestId("product-title")).toHaveText(title);
  await expect(shopper.locator('img[src^="/uploads/"]').first()).toBeVisible();
  await expect(shopper.getByTestId("price")).toHaveText("¥38.00");
  await expect(shopper.getByTestId("original-price")).toContainText("¥45.00");
  await expect(shopper.getByTestId("variant-option")).toHaveText(["50 g", "100 g"]);
  await expect(shopper.getByTestId("gift-eligibility")).toHaveAttribute("data-eligible", "true");
  await expect(shopper.getByTestId("send-to-friend")).toBeVisible();
  await shopper.getByTestId("variant-option").filter({ hasText: "100 g" }).click();
  await expect(shopper.getByTestId("price")).toHaveText("¥68.00");
  await expect(shopper.getByTestId("send-to-friend")).toHaveAttribute("href", /variant=/);

  try {
    // Gifting off for the whole shop: Send to a friend disappears, with the reason.
    await merchant.getByRole("link", { name: "Settings" }).click();
    await merchant.getByRole("switch", { name: "Turn gifting off" }).click();
    await expect(merchant.getByTestId("gifting-state")).toHaveText(/Gifting is off/);

    await shopper.reload();
    await expect(shopper.getByTestId("product-title")).toHaveText(title);
    await expect(shopper.getByTestId("send-to-friend")).toHaveCount(0);
    await expect(shopper.getByTestId("gift-eligibility")).toContainText("the shop has turned gifting off");
    await expect(shopper.getByTestId("buy-now")).toBeVisible();
  } finally {
    // And back on (the shop is this test's own, but leave it as found).
    await merchant.goto(`/merchant/shops/${shopId}/settings`);
    const giftingSwitch = merchant.getByTestId("gifting-switch");
    await expect(giftingSwitch).toBeVisible();
    if ((await giftingSwitch.getAttribute("data-enabled")) === "false") {
      await merchant.getByRole("switch", { name: "Turn gifting on" }).click();
      await expect(merchant.getByTestId("gifting-state")).toHaveText(/Gifting is on/);
    }
  }
  await shopper.reload();
  await expect(shopper.getByTestId("send-to-friend")).toBeVisible();

  await Promise.all([merchantCtx.close(), shopperCtx.close()]);
});

test("the product form shows each problem next to its field and saves nothing", async ({ page }) => {
  const tag = randomBytes(3).toString("hex");
  await signIn(page, "merchant@lanbao.test");
  const shopId = await openShop(page, tag);
  await page.getByTestId("new-product").click();
  await page.getByLabel("Category").selectOption({ label: "Tea" });
  await page.getByLabel("Variant name 1", { exact: true }).fill("Tin");
  await page.getByLabel("Price (¥) 1", { exact: true }).fill("88");
  await page.getByLabel("Original price (¥) 1", { exact: true }).fill("80");
  await page.getByLabel("Stock 1", { exact: true }).fill("-2");
  await page.getByTestId("save-product").click();
  await expect(page.locator("#title-error")).toHaveText("This field is required.");
  await expect(page.getByText("The original price can't be lower than the price.")).toBeVisible();
  await expect(page.getByText("Stock can't be negative.")).toBeVisible();
  // What was typed is still there, and nothing was created.
  await expect(page.getByLabel("Price (¥) 1", { exact: true })).toHaveValue("88");
  await page.goto(`/merchant/shops/${shopId}`);
  await expect(page.getByTestId("merchant-product-row")).toHaveCount(0);
});

test("another user cannot open a merchant's shop in the console", async ({ page }) => {
  await signIn(page, "chen@lanbao.test");
  await page.goto("/merchant/shops/seed-shop-coffee/settings");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByTestId("gifting-switch")).toHaveCount(0);
  await page.goto("/merchant");
  await expect(page.getByTestId("merchant-shop-row")).toHaveCount(0);
});
