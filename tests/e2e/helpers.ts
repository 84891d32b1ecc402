import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";

export const DEMO_PASSWORD = "lanbao-demo";

export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

/** Signs in through the form and waits for the page it lands on. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, returnTo = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}
