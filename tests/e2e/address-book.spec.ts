import { expect, test, type Page } from "./base";
import { signUpNewPerson } from "./helpers";

async function addAddress(page: Page, a: { name: string; phone: string; district: string; detail: string }, makeDefault = false) {
  await page.goto("/addresses");
  await page.getByTestId("add-address").click();
  await page.waitForURL(/\/addresses\/new$/);
  await page.getByLabel("Recipient").fill(a.name);
  await page.getByLabel("Mobile number").fill(a.phone);
  await page.getByLabel("Province").selectOption({ label: "上海市" });
  await page.getByLabel("City").selectOption({ index: 1 });
  await page.getByLabel("District").selectOption({ label: a.district });
  await page.getByLabel("Street address").fill(a.detail);
  if (makeDefault) await page.getByLabel("Use as my default address").check();
  await page.getByTestId("save-address").click();
  await page.waitForURL(/\/addresses$/);
}

test("the address book: add, refuse bad input, set the default, edit and delete", async ({ browser }) => {
  test.setTimeout(150_000);
  const me = await signUpNewPerson(browser, `Booker ${Math.random().toString(36).slice(2, 6)}`);
  const { page } = me;

  // From the account menu.
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "My addresses" }).click();
  await page.waitForURL(/\/addresses$/);
  await expect(page.getByTestId("address-count")).toHaveText("0 of 20 addresses.");

  // Bad input: field errors, nothing saved.
  await page.getByTestId("add-address").click();
  await page.getByLabel("Mobile number").fill("12345");
  await page.getByTestId("save-address").click();
  await expect(page.getByText("Enter the recipient's name.")).toBeVisible();
  await expect(page.getByText("Enter an 11-digit mainland China mobile number (starting with 13–19).")).toBeVisible();
  await page.goto("/addresses");
  await expect(page.getByTestId("address-row")).toHaveCount(0);

  await addAddress(page, { name: "家 Home", phone: "13811112222", district: "徐汇区", detail: "漕溪北路 1 号" });
  await addAddress(page, { name: "公司 Office", phone: "13933334444", district: "静安区", detail: "南京西路 2 号" }, true);
  const rows = page.getByTestId("address-row");
  await expect(rows).toHaveCount(2);
  // The default comes first.
  await expect(rows.first()).toContainText("公司 Office");
  await expect(rows.first()).toContainText("Default");

  await page.getByRole("button", { name: /Make 家 Home .* the default/ }).click();
  await expect(rows.first()).toContainText("家 Home");
  await expect(rows.first()).toContainText("Default");

  await page.getByRole("link", { name: /Edit 公司 Office/ }).click();
  await page.waitForURL(/\/addresses\/[^/]+$/);
  await expect(page.getByLabel("District")).toHaveValue(/\d+/);
  await page.getByLabel("Street address").fill("南京西路 1266 号 35 楼");
  await page.getByTestId("save-address").click();
  await page.waitForURL(/\/addresses$/);
  await expect(rows.filter({ hasText: "公司 Office" })).toContainText("南京西路 1266 号 35 楼");

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: /Delete 公司 Office/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("address-count")).toHaveText("1 of 20 addresses.");

  // The accept form and Buy now offer it.
  await page.goto("/products/seed-product-dried-mango/buy");
  await expect(page.getByText("漕溪北路 1 号")).toBeVisible();
  await me.context.close();
});
