import { expect, test, type APIResponse } from "./base";
import { signIn } from "./helpers";

function directives(csp: string | undefined): Map<string, string> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.slice(d.split(/\s+/)[0].length).trim()]),
  );
}

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["permissions-policy"]).toContain("geolocation=()");
  expect(h["x-frame-options"]).toBe("DENY");
}

test("a page carries a nonce CSP that its own scripts pass, and the other security headers", async ({ request }) => {
  const res = await request.get("/sign-in");
  expect(res.status()).toBe(200);
  expectCommonHeaders(res);
  expect(res.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  const csp = res.headers()["content-security-policy"];
  const d = directives(csp);
  const nonce = /'nonce-([^']+)'/.exec(d.get("script-src") ?? "")?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(d.get("script-src")).toContain("'strict-dynamic'");
  expect(d.get("script-src")).not.toContain("unsafe-inline");
  expect(d.get("script-src")).not.toContain("unsafe-eval");
  expect(d.get("frame-ancestors")).toBe("'none'");
  expect(d.get("object-src")).toBe("'none'");
  // Same origin, plus the payment page the checkout actions redirect to.
  expect(d.get("connect-src")).toMatch(/^'self' http:\/\/127\.0\.0\.1:\d+$/);
  expect(d.get("form-action")).toBe(d.get("connect-src"));
  // Plain HTTP here: no HSTS and no upgrading of requests.
  expect(res.headers()["strict-transport-security"]).toBeUndefined();
  expect(d.has("upgrade-insecure-requests")).toBe(false);

  // Every script in the page carries this response's nonce.
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // A new nonce for every response.
  const again = await request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
});

test("the public catalog goes without an opener policy (sign-in, above, keeps it)", async ({ request }) => {
  for (const path of ["/shops/blue-bean-coffee", "/products/seed-product-yunnan-beans"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expectCommonHeaders(res);
    expect(res.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
    expect(res.headers()["cross-origin-opener-policy"], path).toBeUndefined();
  }
});

test("API routes and uploads get the fixed headers and a CSP that lets nothing run", async ({ request }) => {
  for (const path of ["/api/health", "/uploads/missing.jpg", "/gifts/not-a-real-gift-link-token/claims"]) {
    const res = path.endsWith("/claims") ? await request.post(path, { form: {} }) : await request.get(path);
    expectCommonHeaders(res);
    expect(res.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }
});

test("over HTTPS (as a TLS proxy reports it) pages and APIs add HSTS and pages upgrade requests", async ({ request }) => {
  const https = { "X-Forwarded-Proto": "https" };
  const page = await request.get("/sign-in", { headers: https });
  expect(page.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(directives(page.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
  const api = await request.get("/api/health", { headers: https });
  expect(api.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test.describe("markup injected into a page", () => {
  test.use({ allowCspViolations: true });

  test("cannot run script, while the page's own scripts still do", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) violations.push(m.text());
    });
    // As if stored content had slipped unescaped into the server's HTML (CSP kept as sent).
    await page.route("**/sign-in", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        `<script>window.__injected = "inline"</script><img src="/x.png" onerror="window.__injected = 'handler'"></body>`,
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto("/sign-in");
    // The app hydrated: its own (nonce-carrying) scripts validate the form.
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("x");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#email-error")).toHaveText("Enter a valid email address.");
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  });
});

test("the signed-in pages load with live updates and pictures under the policy", async ({ page }) => {
  // The guard in ./base fails this test on any CSP violation: here the home page, the
  // chats with their event stream on /api/realtime, a shop and a product with pictures.
  await signIn(page, "sender@lanbao.test");
  await expect(page.getByTestId("shop-card").first()).toBeVisible();
  await page.goto("/chats");
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
  await page.getByTestId("thread-list").getByRole("link").first().click();
  await expect(page.getByTestId("message-list")).toBeVisible();
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
  await page.goto("/shops");
  await page.getByTestId("shop-card").first().click();
  await page.locator("main img").first().waitFor();
  // The pictures on screen (lazy ones further down may not have started) all load. Read
  // with page.evaluate (a devtools call, which the policy does not govern), not a string
  // predicate the page would have to eval.
  const onScreen = () => {
    const images = [...document.images].filter((i) => i.getBoundingClientRect().top < window.innerHeight);
    return { complete: images.every((i) => i.complete), broken: images.filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src) };
  };
  await expect.poll(async () => (await page.evaluate(onScreen)).complete).toBe(true);
  const { broken } = await page.evaluate(onScreen);
  expect(broken).toEqual([]);
});
