import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { refreshAnalytics } from "../../lib/analytics/refresh.ts";
import { createDb, type Db } from "../../lib/db/client.ts";
import { expect, test, type Page } from "./base";
import { chooseNewAddress, signIn } from "./helpers";
import { e2eDatabaseUrl, personIn, Services } from "./services";

const IMAGE = fileURLToPath(new URL("./fixtures/product.png", import.meta.url));
const GIFT_ADDRESS = { name: "陈杰", phone: "13566667777", detail: "文三路 259 号 8 楼" };
const OWN_ADDRESS = { name: "李伟", phone: "13822223333", detail: "天河路 385 号" };

/** The merchant's own shop for this test, with one published product; returns both ids. */
async function shopWithProduct(merchant: Page, tag: string, title: string) {
  await merchant.goto("/merchant/shops/new");
  await merchant.getByLabel("Shop name").fill(`Analytics Tea ${tag} 数据茶庄`);
  await merchant.getByLabel("Web address").fill(`analytics-${tag}`);
  await merchant.getByRole("button", { name: "Open shop" }).click();
  await merchant.waitForURL((url) => /^\/merchant\/shops\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
  const shopId = merchant.url().split("/").pop()!;
  await merchant.getByTestId("new-product").click();
  await merchant.getByLabel("Title", { exact: true }).fill(title);
  await merchant.getByLabel("Description", { exact: true }).fill("West Lake green tea. 西湖龙井。");
  await merchant.getByLabel("Category").selectOption({ label: "Tea" });
  await merchant.getByTestId("image-file-input").setInputFiles(IMAGE);
  await expect(merchant.getByTestId("uploading")).toHaveCount(0);
  await expect(merchant.getByTestId("image-item")).toHaveCount(1);
  await merchant.getByLabel("Variant name 1", { exact: true }).fill("100 g");
  await merchant.getByLabel("Price (¥) 1", { exact: true }).fill("38");
  await merchant.getByLabel("Stock 1", { exact: true }).fill("20");
  await merchant.getByTestId("save-product").click();
  await merchant.waitForURL(new RegExp(`/merchant/shops/${shopId}\\?saved=`));
  const row = merchant.getByTestId("merchant-product-row").filter({ hasText: title });
  await row.getByTestId("publish").click();
  await expect(row.getByTestId("product-state")).toHaveText("Published");
  const productId = (await row.getByRole("link", { name: title }).getAttribute("href"))!.split("/").pop()!;
  return { shopId, productId };
}

async function fillAddress(page: Page, a: { name: string; phone: string; detail: string }, province: string, city: string, district: string) {
  await page.getByLabel("Recipient").fill(a.name);
  await page.getByLabel("Mobile number").fill(a.phone);
  await page.getByLabel("Province").selectOption({ label: province });
  await page.getByLabel("City").selectOption({ label: city });
  await page.getByLabel("District").selectOption({ label: district });
  await page.getByLabel("Street address").fill(a.detail);
}

// Another merchant is made, and the figures refreshed, through the services (signing up
// and the job's schedule are not this spec's subject).
let db: Db;
test.beforeAll(() => {
  db = createDb(e2eDatabaseUrl(), { max: 2 });
});
test.afterAll(async () => {
  await db.$disconnect();
});

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"]`).getByTestId("figure-value");

test("a merchant reads what gifting brought the shop — figures, charts with their tables, provinces only, the CSV — and nobody else can", async ({ browser }) => {
  test.setTimeout(300_000);
  const tag = randomBytes(3).toString("hex");
  const title = `Longjing ${tag} 龙井`;
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext(), browser.newContext()]);
  const [merchant, sender, recipient, buyer] = await Promise.all(contexts.map((c) => c.newPage()));
  await Promise.all([
    signIn(merchant, "merchant@lanbao.test"),
    signIn(sender, "zhao@lanbao.test"),
    signIn(recipient, "chen@lanbao.test"),
    signIn(buyer, "sender@lanbao.test"),
  ]);
  const { shopId, productId } = await shopWithProduct(merchant, tag, title);

  // Zhao sends it to Chen, who accepts it with an address in 浙江省.
  await sender.goto(`/products/${productId}`);
  await sender.getByTestId("send-to-friend").click();
  await sender.waitForURL(/\/gift\/new\?/);
  await sender.getByLabel("Friend").selectOption({ label: "Chen Jie 陈杰" });
  await sender.getByTestId("gift-pay").click();
  await sender.waitForURL(/\/checkout\//);
  await sender.getByTestId("sandbox-pay").click();
  await expect(sender.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });

  await recipient.goto("/chats");
  await recipient.getByRole("link", { name: /Zhao Lei/ }).first().click();
  await recipient.waitForURL(/\/chats\/[^/]+$/);
  await recipient.getByTestId("gift-card").filter({ hasText: title }).click();
  await recipient.waitForURL(/\/gifts\//);
  await chooseNewAddress(recipient);
  await fillAddress(recipient, GIFT_ADDRESS, "浙江省", "杭州市", "西湖区");
  await recipient.getByTestId("accept-gift").click();
  await expect(recipient.getByTestId("gift-accepted")).toBeVisible();

  // Li Wei buys two for himself, to a parcel in 广东省.
  await buyer.goto(`/products/${productId}`);
  await buyer.getByTestId("buy-now").click();
  await buyer.waitForURL(/\/buy/);
  await buyer.getByRole("button", { name: "One more" }).click();
  const useNewOwn = buyer.getByLabel("Use a new address");
  if (await useNewOwn.isVisible()) await useNewOwn.check();
  await fillAddress(buyer, OWN_ADDRESS, "广东省", "广州市", "天河区");
  await buyer.getByTestId("pay-button").click();
  await buyer.waitForURL(/\/checkout\//);
  await buyer.getByTestId("sandbox-pay").click();
  await expect(buyer.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });

  // The rollups the page reads are brought up to date here, as the app's job does every
  // minute (tests/integration/jobs.test.ts checks that schedule): waiting for the minute
  // would only make this test slower. A run already under way answers "busy"; try again.
  await expect(async () => {
    expect((await refreshAnalytics(db)).outcome).toBe("refreshed");
  }).toPass({ timeout: 60_000, intervals: [1_000] });

  // The merchant reads the page on a 375 px phone. The console links to the shop's analytics.
  await merchant.setViewportSize({ width: 375, height: 812 });
  await merchant.goto(`/merchant/shops/${shopId}`);
  await merchant.getByRole("link", { name: "Analytics" }).last().click();
  await merchant.waitForURL(/\/merchant\/analytics\?shop=/);
  await expect(merchant.getByTestId("analytics-subtitle")).toContainText(`Analytics Tea ${tag}`);
  await expect(figure(merchant, "giftOrders")).toHaveText("1");
  await expect(figure(merchant, "selfOrders")).toHaveText("1");

  // Headline: ¥38 of ¥114 after refunds came from the gift; 3 units; the gift was accepted.
  await expect(figure(merchant, "giftShare")).toHaveText("33.3%");
  await expect(figure(merchant, "units")).toHaveText("3");
  await expect(figure(merchant, "acceptanceRate")).toHaveText("100%");
  await expect(figure(merchant, "declineRate")).toHaveText("0%");
  await expect(figure(merchant, "medianAcceptTime")).toHaveText(/^\d+ min$/);
  await expect(figure(merchant, "afterSalesRate")).toHaveText("0%");
  await expect(merchant.getByTestId("analytics-kinds").getByRole("row", { name: /Gift/ })).toContainText("¥38.00");
  await expect(merchant.getByTestId("analytics-kinds").getByRole("row", { name: /For themselves/ })).toContainText("¥76.00");

  // Recipients by province, as a chart (drawn once its script arrives) and as a table.
  const provinces = merchant.getByTestId("analytics-provinces");
  await expect(provinces.getByRole("img", { name: /Bar chart of recipients by province; most: 浙江省 1/ })).toBeVisible();
  await expect(provinces.getByTestId("analytics-chart").locator(".recharts-bar-rectangle")).toHaveCount(1);
  await expect(provinces.getByRole("row", { name: /浙江省/ })).toContainText("100%");
  await expect(merchant.getByTestId("analytics-trend").locator(".recharts-line-curve")).toHaveCount(2);
  await expect(merchant.getByTestId("analytics-products-table")).toContainText(title);
  await expect(merchant.getByTestId("analytics-categories-table")).toContainText("Tea");
  await expect(merchant.getByTestId("analytics-hours-table").getByRole("row")).toHaveCount(25);
  // At 375 px nothing runs off the side of the page: charts fit their cards, long tables scroll inside theirs.
  await expect(merchant.getByTestId("analytics-hours").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const layout = await merchant.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    // The page's own content (the shared header is the shell's business).
    const culprits = [...document.querySelectorAll("main *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""}.${el.className}`);
    return { culprits };
  });
  expect(layout.culprits, "wider than the phone").toEqual([]);
  for (const chart of await merchant.getByTestId("analytics-chart").all()) {
    expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(375);
  }
  await merchant.screenshot({ path: test.info().outputPath("analytics-375.png"), fullPage: true });

  // Nothing finer than a province, anywhere on the page.
  const page = await merchant.content();
  for (const secret of ["杭州市", "西湖区", "广州市", "天河区", GIFT_ADDRESS.detail, GIFT_ADDRESS.phone, OWN_ADDRESS.detail, "陈杰", "李伟"]) {
    expect(page).not.toContain(secret);
  }

  // Switching the range: the last 7 days still hold both orders; a month two years back holds none.
  await merchant.getByRole("combobox", { name: "Range" }).selectOption({ label: "Last 7 days" });
  await merchant.getByRole("button", { name: "Show" }).click();
  await merchant.waitForURL(/range=7d/);
  await expect(figure(merchant, "giftOrders")).toHaveText("1");
  await expect(merchant.getByTestId("analytics-trend-table").locator("tbody tr")).toHaveCount(7);
  await merchant.getByLabel("From", { exact: true }).fill("2024-11-01");
  await merchant.getByLabel("To", { exact: true }).fill("2024-11-30");
  await merchant.getByRole("button", { name: "Show" }).click();
  await merchant.waitForURL(/range=custom&from=2024-11-01&to=2024-11-30/);
  await expect(figure(merchant, "giftOrders")).toHaveText("0");
  await expect(figure(merchant, "acceptanceRate")).toHaveText("—");
  await expect(merchant.getByTestId("analytics-trend-table").locator("tbody tr")).toHaveCount(30);
  await expect(merchant.getByTestId("analytics-provinces")).toContainText("No gift was accepted in these days.");
  await merchant.goBack();
  await merchant.goBack();
  await merchant.waitForURL((url) => !url.search.includes("range="));
  await expect(figure(merchant, "giftOrders")).toHaveText("1");

  // The CSV of the orders behind the page: both orders, provinces only.
  const [download] = await Promise.all([merchant.waitForEvent("download"), merchant.getByTestId("analytics-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^lanbao-gifting-shop-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("Order,Shop,Paid at (China time),Kind,Status,Product,Variant,Quantity,Currency,Paid,Refunded,After refunds,Gift units,Units accepted,Province,Minutes to first acceptance");
  expect(lines).toHaveLength(3);
  expect(lines.find((l) => l.includes(",Gift,"))).toMatch(/,Accepted,Longjing .* 龙井,100 g,1,CNY,38\.00,0\.00,38\.00,1,1,浙江省,\d+$/);
  expect(lines.find((l) => l.includes(",For themselves,"))).toMatch(/,Paid,Longjing .* 龙井,100 g,2,CNY,76\.00,0\.00,76\.00,,,广东省,$/);
  for (const secret of ["杭州市", "西湖区", "广州市", "天河区", GIFT_ADDRESS.detail, GIFT_ADDRESS.phone, OWN_ADDRESS.detail, OWN_ADDRESS.phone, "陈杰", "李伟"]) {
    expect(csv).not.toContain(secret);
  }

  // Another merchant, with a shop of their own, gets the owner's shop exactly as a shop that
  // does not exist (page and CSV), and their own "all shops" page counts none of its orders.
  const other = await personIn(browser, await new Services(db).newUser("Other Merchant"));
  await other.page.goto("/merchant/shops/new");
  await other.page.getByLabel("Shop name").fill(`Rival Tea ${tag}`);
  await other.page.getByLabel("Web address").fill(`rival-${tag}`);
  await other.page.getByRole("button", { name: "Open shop" }).click();
  await other.page.waitForURL((url) => /^\/merchant\/shops\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
  for (const [who, shop] of [
    [other.page, shopId],
    [merchant, "no-such-shop"],
  ] as const) {
    // (The page streams behind its loading state, so the not-found page arrives with it.)
    await who.goto(`/merchant/analytics?shop=${shop}`);
    await expect(who.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(who.getByText("This does not exist, or it belongs to another merchant.")).toBeVisible();
    expect(await who.content()).not.toContain(`Analytics Tea ${tag}`);
    const csvRes = await who.request.get(`/merchant/analytics/export?shop=${shop}`);
    expect(csvRes.status()).toBe(404);
    expect(await csvRes.text()).not.toContain(title);
  }
  await other.page.goto("/merchant/analytics");
  await expect(other.page.getByTestId("analytics-subtitle")).toContainText("All shops");
  expect(await other.page.content()).not.toContain(`Analytics Tea ${tag}`);
  await expect(figure(other.page, "giftOrders")).toHaveText("0");
  const otherCsv = await other.page.request.get("/merchant/analytics/export");
  expect(otherCsv.status()).toBe(200);
  expect(await otherCsv.text()).not.toContain(title);

  // Signed out, the CSV asks to sign in first: at the door without a session cookie, and in
  // the route itself with a cookie that is no session.
  const anonymous = await browser.newContext();
  for (const cookie of [null, "not-a-session"]) {
    if (cookie) await anonymous.addCookies([{ name: "next-auth.session-token", value: cookie, url: new URL(merchant.url()).origin }]);
    const signedOut = await anonymous.request.get(`/merchant/analytics/export?shop=${shopId}`, { maxRedirects: 0 });
    expect([303, 307]).toContain(signedOut.status());
    expect(signedOut.headers().location).toContain("/sign-in?callbackUrl=");
    expect(await signedOut.text()).not.toContain(title);
  }

  await Promise.all([...contexts, anonymous, other.context].map((c) => c.close()));
});

test("the range form refuses impossible dates, says so, and shows the last 30 days", async ({ page }) => {
  await signIn(page, "merchant@lanbao.test");
  await page.goto("/merchant/analytics?range=custom&from=2026-02-30&to=2026-03-01");
  await expect(page.getByText("Enter a date as YYYY-MM-DD.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "showing the last 30 days instead" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Range" })).toHaveValue("30d");
  // Typing a date switches the range to Custom; the form keeps every control named.
  await page.getByLabel("From", { exact: true }).fill("2026-11-01");
  await expect(page.getByRole("combobox", { name: "Range" })).toHaveValue("custom");
  await page.getByLabel("To", { exact: true }).fill("2026-11-30");
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(/range=custom&from=2026-11-01&to=2026-11-30/);
  await expect(page.getByTestId("analytics-subtitle")).toContainText("Nov 1, 2026 – Nov 30, 2026");
  await expect(page.getByRole("link", { name: "Download orders (CSV)" })).toHaveAttribute("href", /from=2026-11-01&to=2026-11-30/);
});
