import { expect, test } from "./base";
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
});

test("sign-up with a taken email tells nothing: the visitor is asked to sign in, and only the owner's password works", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Not The Sender");
  await page.getByLabel("Email").fill("sender@lanbao.test");
  await page.getByLabel("Password").fill("someone-elses-password");
  await page.getByRole("button", { name: "Create account" }).click();
  // No "already exists": the same hand-over to sign-in any failed sign-in after sign-up gets.
  await expect(page).toHaveURL(/\/sign-in\?from=sign-up/);
  await expect(page.getByTestId("sign-up-handoff")).toHaveText(/If this email already had a Lanbao account, use that account's password/);
  await expect(page.getByLabel("Email")).toHaveValue("sender@lanbao.test");
  await expect(page.locator("#sign-in-error, #email-error")).toHaveCount(0);

  // The owner signs in with their own password, which the attempt did not change.
  await page.getByLabel("Password").fill("lanbao-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("home-greeting")).toHaveText(/Hi, /);
});

test("the owner who signs up again with their own password is simply signed in", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Chen Again");
  await page.getByLabel("Email").fill("chen@lanbao.test");
  await page.getByLabel("Password").fill("lanbao-demo");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("home-greeting")).toBeVisible();
  await expect(page.getByTestId("home-greeting")).not.toHaveText(/Chen Again/);
});

test("a first visit follows Accept-Language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "登录蓝包" })).toBeVisible();
  await context.close();
});

test("wrong passwords open growing waits on that machine, and the owner still gets in from another", async ({ page, browser }) => {
  const email = uniqueEmail("guesser");
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Wait Test");
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
    await expect(page.locator("#sign-in-error")).toHaveText(
      i < 4 ? "Wrong email or password." : "Wrong email or password. Too many attempts. Try again in 30 seconds.",
    );
  }
  // While the wait runs, not even the right password is tried.
  await page.getByLabel("Password").fill("the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("Too many attempts. Try again in 30 seconds.");
  await expect(page).toHaveURL(/\/sign-in/);

  // The owner on another network is not held up by someone guessing elsewhere.
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
  const owner = await elsewhere.newPage();
  await owner.goto("/sign-in");
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Password").fill("the-right-password");
  await owner.getByRole("button", { name: "Sign in" }).click();
  await expect(owner.getByTestId("home-greeting")).toHaveText("Hi, Wait Test");
  await elsewhere.close();
});
