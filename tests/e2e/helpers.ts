import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";

export const DEMO_PASSWORD = "lanbao-demo";

export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

/**
 * Signs the context in the way the sign-in form does (next-auth's credentials endpoint),
 * without loading the form: the context keeps the session cookie. (The form itself is
 * auth.spec.ts's subject.)
 */
export async function signInContext(context: BrowserContext, user: { email: string; password: string }): Promise<void> {
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
    maxRedirects: 0,
  });
  const cookies = await context.cookies();
  if (!cookies.some((c) => c.name.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed for ${user.email} (${res.status()})`);
}

/** Signs the page's context in and opens `returnTo`, as the sign-in form would land. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, returnTo = "/") {
  await signInContext(page.context(), { email, password });
  await page.goto(returnTo);
}

/** A new account, signed in, in a browser context of its own. */
export async function signUpNewPerson(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(uniqueEmail("person"));
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
  return { context, page, name };
}

/** Makes two people friends through the friends page. */
export async function makeFriends(a: { page: Page; name: string }, b: { page: Page; name: string }) {
  await b.page.goto("/friends");
  const lanbaoId = /lb[a-z0-9]{8}/.exec((await b.page.getByTestId("my-lanbao-id").textContent()) ?? "")?.[0] ?? "";
  await a.page.goto("/friends");
  await a.page.getByLabel("Email or Lanbao ID").fill(lanbaoId);
  await a.page.getByRole("button", { name: "Search" }).click();
  await a.page.getByTestId("add-friend").click();
  // The request is stored once the sender's page lists it; only then can the other side see it.
  await a.page.getByTestId("outgoing-requests").filter({ hasText: b.name }).waitFor();
  await b.page.reload();
  await b.page.getByTestId("incoming-request").filter({ hasText: a.name }).getByTestId("accept-request").click();
  await b.page.getByTestId("friend-list").filter({ hasText: a.name }).waitFor();
}

/**
 * On a gift's accept form: once the form has rendered, switch to a new address when saved
 * ones are offered (whether they are depends on what other specs saved for the account).
 */
export async function chooseNewAddress(page: Page) {
  await page.getByTestId("accept-gift").waitFor();
  const useNew = page.getByLabel("Use a new address");
  if (await useNew.isVisible()) await useNew.check();
}
