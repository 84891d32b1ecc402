import { expect, test, type Page } from "./base";
import { chooseNewAddress, signIn } from "./helpers";

const ADDRESSES = {
  recipient: { name: "王芳", phone: "13911112222", detail: "漕溪北路 18 号" },
  zhao: { name: "赵磊", phone: "13833334444", detail: "文一西路 969 号" },
};

async function openGroup(page: Page) {
  await page.goto("/chats");
  await page.getByRole("link", { name: /Weekend Hikers/ }).first().click();
  await page.waitForURL(/\/chats\/[^/]+$/);
  await expect(page.getByTestId("message").first()).toBeVisible();
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
}

/** The sender picks a product in the group's gift picker and reaches the confirm sheet. */
async function startGroupGift(sender: Page, product: RegExp) {
  const giftEntry = sender.getByTestId("composer-gift");
  if (!(await giftEntry.isVisible())) await sender.getByTestId("composer-more").click();
  await giftEntry.click();
  await sender.getByRole("link", { name: product }).first().click();
  await sender.waitForURL(/\/gift\/new\?/);
}

async function pay(sender: Page) {
  await sender.getByTestId("gift-pay").click();
  await sender.waitForURL(/\/checkout\//);
  await sender.getByTestId("sandbox-pay").click();
  await expect(sender.getByTestId("checkout-success")).toBeVisible({ timeout: 20_000 });
}

async function takeWithAddress(page: Page, a: { name: string; phone: string; detail: string }) {
  await chooseNewAddress(page);
  await page.getByLabel("Recipient").fill(a.name);
  await page.getByLabel("Mobile number").fill(a.phone);
  await page.getByLabel("Province").selectOption({ label: "浙江省" });
  await page.getByLabel("City").selectOption({ label: "杭州市" });
  await page.getByLabel("District").selectOption({ label: "西湖区" });
  await page.getByLabel("Street address").fill(a.detail);
  await page.getByTestId("accept-gift").click();
  await expect(page.getByTestId("gift-accepted")).toBeVisible();
}

test("a group gift is taken by two members while the whole group watches the count, live", async ({ browser }) => {
  test.setTimeout(180_000);
  const ctx = await Promise.all([0, 1, 2, 3].map(() => browser.newContext()));
  const [sender, recipient, zhao, chen] = await Promise.all(ctx.map((c) => c.newPage()));
  await Promise.all([
    signIn(sender, "sender@lanbao.test"),
    signIn(recipient, "recipient@lanbao.test"),
    signIn(zhao, "zhao@lanbao.test"),
    signIn(chen, "chen@lanbao.test"),
  ]);
  await openGroup(chen);
  await openGroup(sender);
  const note = `Trail snacks ${Math.random().toString(36).slice(2, 6)}`;

  await startGroupGift(sender, /Daily Mixed Nuts/);
  await expect(sender.getByTestId("mode-group")).toBeChecked();
  await sender.getByLabel("How many").fill("2");
  await sender.getByLabel("Gift message").fill(note);
  await pay(sender);

  // Chen's open thread shows the card with both left, without a reload.
  const chenCard = chen.getByTestId("gift-card").filter({ hasText: note });
  await expect(chenCard.getByTestId("gift-card-status")).toHaveText("2 of 2 left", { timeout: 15_000 });
  const href = await chenCard.getAttribute("href");

  // Two members take one each.
  await recipient.goto(href!);
  await takeWithAddress(recipient, ADDRESSES.recipient);
  await expect(chenCard.getByTestId("gift-card-status")).toHaveText("1 of 2 left", { timeout: 10_000 });
  await zhao.goto(href!);
  await takeWithAddress(zhao, ADDRESSES.zhao);
  await expect(chenCard.getByTestId("gift-card-status")).toHaveText("All taken", { timeout: 10_000 });

  // Chen comes too late; the sender sees who took them, never where they go.
  await chen.goto(href!);
  await expect(chen.getByTestId("group-all-taken")).toBeVisible();
  await sender.goto(href!);
  await expect(sender.getByTestId("gift-holders")).toContainText("Wang Fang");
  await expect(sender.getByTestId("gift-holders")).toContainText("Zhao Lei");
  const seen = await sender.content();
  for (const a of Object.values(ADDRESSES)) for (const secret of [a.phone, a.detail]) expect(seen).not.toContain(secret);

  await Promise.all(ctx.map((c) => c.close()));
});

test("a gift lottery: members enter, the draw happens at its time, and the page checks it", async ({ browser }) => {
  test.setTimeout(180_000);
  const ctx = await Promise.all([0, 1, 2].map(() => browser.newContext()));
  const [sender, zhao, chen] = await Promise.all(ctx.map((c) => c.newPage()));
  await Promise.all([signIn(sender, "sender@lanbao.test"), signIn(zhao, "zhao@lanbao.test"), signIn(chen, "chen@lanbao.test")]);
  await openGroup(sender);
  const note = `Lucky draw ${Math.random().toString(36).slice(2, 6)}`;

  await startGroupGift(sender, /Daily Mixed Nuts/);
  await sender.getByText("Gift lottery", { exact: true }).click();
  await expect(sender.getByTestId("mode-lottery")).toBeChecked();
  await sender.getByLabel("How many prizes").fill("1");
  // Draw 75 s from now, time for both to enter (the browser sends the moment, not its wall clock).
  const drawAt = new Date(Date.now() + 75_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await sender
    .getByLabel("Draw time")
    .fill(`${drawAt.getFullYear()}-${pad(drawAt.getMonth() + 1)}-${pad(drawAt.getDate())}T${pad(drawAt.getHours())}:${pad(drawAt.getMinutes())}:${pad(drawAt.getSeconds())}`);
  await sender.getByLabel("Gift message").fill(note);
  await pay(sender);

  await openGroup(chen);
  const card = chen.getByTestId("gift-card").filter({ hasText: note });
  await expect(card.getByTestId("gift-card-status")).toHaveText("Lottery · 0 entered", { timeout: 15_000 });
  const commitment = (await card.getByTestId("gift-card-commitment").textContent())!.replace(/^SHA-256 |…$/g, "");
  const href = await card.getAttribute("href");

  // Everything the members' browsers receive before the draw, to show the seed is in none of it.
  const beforeDraw: string[] = [];
  let drawn = false;
  for (const page of [chen, zhao]) {
    page.on("response", async (res) => {
      if (drawn || (res.headers()["content-type"] ?? "").includes("event-stream")) return;
      beforeDraw.push(await res.text().catch(() => ""));
    });
  }
  await chen.goto(href!);
  await chen.getByTestId("enter-lottery").click();
  await expect(chen.getByTestId("lottery-entered")).toBeVisible();
  await expect(chen.getByTestId("lottery-schedule")).toContainText("1 entrant");
  expect(await chen.getByTestId("lottery-seed").count()).toBe(0);

  // Chen watches the group while Zhao enters: the card counts the entrant live.
  await openGroup(chen);
  await expect(card.getByTestId("gift-card-status")).toHaveText("Lottery · 1 entered");
  await zhao.goto(href!);
  await zhao.getByTestId("enter-lottery").click();
  await expect(zhao.getByTestId("lottery-entered")).toBeVisible();
  await expect(zhao.getByTestId("lottery-schedule")).toContainText("2 entrants");
  await expect(card.getByTestId("gift-card-status")).toHaveText("Lottery · 2 entered");

  // The draw job runs at the draw time; the group is told, and the page reveals the seed.
  await expect(chen.getByTestId("system-message").filter({ hasText: "The gift lottery is drawn" })).toBeVisible({ timeout: 90_000 });
  drawn = true;
  await chen.goto(href!);
  const seed = (await chen.getByTestId("lottery-seed").textContent())!.trim();
  expect(seed).toMatch(/^[0-9a-f]{64}$/);
  expect((await chen.getByTestId("lottery-commitment").textContent())!.trim().startsWith(commitment)).toBe(true);
  expect(beforeDraw.join("\n")).not.toContain(seed);

  // "Check the draw" recomputes it in the browser.
  await chen.getByTestId("check-draw").click();
  await expect(chen.getByTestId("check-draw-result")).toHaveAttribute("data-ok", "true");
  await expect(chen.getByTestId("check-draw-result")).toContainText("The seed matches the commitment. The winners match.");

  // Exactly one of the two won and is asked to accept; the other is told.
  await zhao.goto(href!);
  const outcomes = [await chen.getByTestId("lottery-won").count(), await zhao.getByTestId("lottery-won").count()];
  expect(outcomes.sort()).toEqual([0, 1]);

  await Promise.all(ctx.map((c) => c.close()));
});
