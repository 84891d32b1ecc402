import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./helpers";

test("a new user signs up, signs out, signs in, switches to 中文 and sees the home page in Chinese", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await page.goto("/");
  // Home needs a user: sign-in first, remembering where we were going.
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F$/);

  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Display name").fill("Xiao Ming 小明");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("home-greeting")).toHaveText("Hi, Xiao Ming 小明");
  await expect(page.getByTestId("shop-card").first()).toBeVisible();

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.goto("/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("home-greeting")).toHaveText("Hi, Xiao Ming 小明");

  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByTestId("home-greeting")).toHaveText("你好，Xiao Ming 小明");
  await expect(page.getByRole("heading", { name: "店铺" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // The choice sticks across a reload.
  await page.reload();
  await expect(page.getByRole("heading", { name: "我的聊天" })).toBeVisible();
});

test("sign-up shows each problem next to its field and creates no account", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Bad Input");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address.");
  await expect(page.locator("#password-error")).toHaveText("Use at least 8 characters.");

  // A taken email is only known to the server; its answer lands on the email field.
  await page.getByLabel("Email").fill("sender@lanbao.test");
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("An account with this email already exists.");
  await expect(page).toHaveURL(/\/sign-up/);
});

test("a first visit follows Accept-Language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "登录蓝包" })).toBeVisible();
  await context.close();
});

test("wrong passwords are refused and repeated ones lock the account", async ({ page }) => {
  const email = uniqueEmail("guesser");
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Lock Test");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("the-right-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("home-greeting")).toBeVisible();
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error")).toHaveText(i < 4 ? "Wrong email or password." : /locked for 15 minutes/);
  }
  await page.getByLabel("Password").fill("the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText(/locked for 15 minutes/);
  await expect(page).toHaveURL(/\/sign-in/);
});
