import { expect, type Page } from "./base";
import { signIn } from "./helpers";
import { personIn, test } from "./services";

async function waitLive(page: Page) {
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
}

test("two new people become friends and chat live, without reloading", async ({ browser, services }) => {
  // Signing up is auth.spec's subject: the two accounts are made through the services.
  const suffix = Math.random().toString(36).slice(2, 6);
  const ann = await personIn(browser, await services.newUser(`Ann ${suffix}`));
  const bo = await personIn(browser, await services.newUser(`Bo ${suffix}`));

  // A new user has no chats yet and is pointed to friends.
  await ann.page.goto("/chats");
  await expect(ann.page.getByTestId("chats-empty")).toBeVisible();

  // Bo waits on the friends page; Ann's request shows up there by itself.
  await bo.page.goto("/friends");
  await waitLive(bo.page);
  await ann.page.goto("/friends");
  await ann.page.getByLabel("Email or Lanbao ID").fill(bo.email.toUpperCase());
  await ann.page.getByRole("button", { name: "Search" }).click();
  await expect(ann.page.getByTestId("search-result")).toContainText(bo.name);
  await ann.page.getByTestId("add-friend").click();
  await expect(ann.page.getByText(`Request sent to ${bo.name}.`)).toBeVisible();
  await expect(ann.page.getByTestId("outgoing-requests")).toContainText(bo.name);

  const request = bo.page.getByTestId("incoming-request").filter({ hasText: ann.name });
  await expect(request).toBeVisible();
  await waitLive(ann.page);
  await request.getByTestId("accept-request").click();
  await expect(bo.page.getByTestId("friend-list")).toContainText(ann.name);
  // Ann's page learns about it live too.
  await expect(ann.page.getByTestId("friend-list")).toContainText(bo.name);

  // Both open the one direct chat.
  await ann.page.getByTestId("friend").filter({ hasText: bo.name }).getByTestId("open-chat").click();
  await ann.page.waitForURL(/\/chats\/[^/]+$/);
  const threadUrl = new URL(ann.page.url()).pathname;
  await bo.page.getByTestId("friend").filter({ hasText: ann.name }).getByTestId("open-chat").click();
  await bo.page.waitForURL((url) => url.pathname === threadUrl);
  await expect(ann.page.getByTestId("thread-title")).toHaveText(bo.name);
  await expect(bo.page.getByTestId("thread-title")).toHaveText(ann.name);
  await Promise.all([waitLive(ann.page), waitLive(bo.page)]);

  // Ann sends; Bo's open thread shows it without a reload, and without asking the server
  // for it: the live event carries the message. Every new request from Bo's page fails
  // meanwhile (the stream is already open), so a fetch would leave the message missing.
  const blocked: string[] = [];
  await bo.page.route("**/*", (route) => {
    blocked.push(`${route.request().method()} ${new URL(route.request().url()).pathname}`);
    return route.abort();
  });
  const hello = `Hello Bo 你好 ${suffix}`;
  await ann.page.getByTestId("composer-input").fill(hello);
  const t0 = Date.now();
  await ann.page.getByTestId("composer-input").press("Enter");
  const onBo = bo.page.getByTestId("message").filter({ hasText: hello });
  await expect(onBo).toBeVisible();
  const delay = Date.now() - t0;
  test.info().annotations.push({ type: "live delivery (ms)", description: String(delay) });
  console.log(`live delivery: ${delay} ms`);
  expect(delay).toBeLessThan(2000);
  await bo.page.unrouteAll({ behavior: "wait" });
  // The read mark Bo's page sent while its requests failed is tried again: the server's
  // count of Bo's unread messages comes back to 0 without Bo doing anything.
  await expect
    .poll(async () => ((await (await bo.page.request.get("/api/realtime/unread")).json()) as { count: number }).count, { timeout: 15_000 })
    .toBe(0);
  // What Bo's page asked for after drawing it (marking the thread read), never the messages.
  expect(blocked.filter((r) => r.includes("/messages"))).toEqual([]);
  await expect(onBo).toHaveAttribute("data-own", "false");
  await expect(ann.page.getByTestId("message").filter({ hasText: hello })).toHaveAttribute("data-own", "true");
  await expect(ann.page.getByTestId("composer-input")).toHaveValue("");

  // And back, with the Send button; an empty message sends nothing.
  await bo.page.getByTestId("composer-input").fill("   ");
  await expect(bo.page.getByTestId("composer-send")).toBeDisabled();
  await bo.page.getByTestId("composer-input").fill("Hi Ann! 收到");
  await bo.page.getByTestId("composer-send").click();
  await expect(ann.page.getByTestId("message").filter({ hasText: "Hi Ann! 收到" })).toBeVisible();
  await expect(ann.page.getByTestId("message")).toHaveCount(2);
  await expect(ann.page.getByTestId("day-separator").first()).toContainText("Today");

  // "+" reveals the Gift entry for this thread.
  await expect(ann.page.getByTestId("composer-gift")).toHaveCount(0);
  await ann.page.getByTestId("composer-more").click();
  await expect(ann.page.getByTestId("composer-gift")).toHaveAttribute("href", `${threadUrl}/gift`);

  // Bo's chat list shows the thread; messages while Bo is there update it and the badge
  // next to "Chats" live.
  await bo.page.goto("/chats");
  await waitLive(bo.page);
  await expect(bo.page.getByTestId("nav-unread")).toHaveCount(0);
  await ann.page.getByTestId("composer-input").fill("Still there?");
  await ann.page.getByTestId("composer-input").press("Enter");
  await ann.page.getByTestId("composer-input").fill("Are you there?");
  await ann.page.getByTestId("composer-input").press("Enter");
  const row = bo.page.getByTestId("thread-list").getByRole("link", { name: new RegExp(ann.name) });
  await expect(row).toContainText("Are you there?");
  await expect(row.getByLabel("2 unread")).toBeVisible();
  await expect(bo.page.getByTestId("nav-unread")).toHaveText("2");

  // A connection drop loses nothing: what was sent meanwhile shows up once Bo is back.
  await row.click();
  await bo.page.waitForURL((url) => url.pathname === threadUrl);
  await waitLive(bo.page);
  await bo.context.setOffline(true);
  await ann.page.getByTestId("composer-input").fill("Sent while you were offline");
  await ann.page.getByTestId("composer-input").press("Enter");
  await expect(ann.page.locator('[data-testid="message"][data-message-id]').filter({ hasText: "Sent while you were offline" })).toBeVisible();
  await bo.context.setOffline(false);
  await expect(bo.page.getByTestId("message").filter({ hasText: "Sent while you were offline" })).toBeVisible({ timeout: 20_000 });
  await expect(bo.page.getByTestId("message")).toHaveCount(5);
  // Read in the open thread: the badge goes, and the chat list says so.
  await expect(bo.page.getByTestId("nav-unread")).toHaveCount(0);
  await bo.page.goto("/chats");
  await expect(row).toContainText("Sent while you were offline");
  await expect(row.getByText(/unread/)).toHaveCount(0);

  await ann.context.close();
  await bo.context.close();
});

test("a long chat loads older messages when scrolled to the top and keeps the place", async ({ browser, services }) => {
  // What is tested is the reader's scrolling: the people, their friendship and the 36
  // messages are made through the services, not typed.
  const suffix = Math.random().toString(36).slice(2, 6);
  const cy = await services.newUser(`Cy ${suffix}`);
  const di = await services.newUser(`Di ${suffix}`);
  await services.befriend(cy, di);
  const threadId = await services.directThread(cy, di);
  await services.postTexts(threadId, cy, Array.from({ length: 36 }, (_, i) => `line ${i + 1}`));

  const reader = await personIn(browser, di);
  await reader.page.goto(`/chats/${threadId}`);
  const messages = reader.page.getByTestId("message");
  await expect(messages.last()).toContainText("line 36");
  await expect(messages).toHaveCount(30);
  // The newest 30: lines 7..36, the newest in view.
  const bodies = reader.page.getByTestId("message-body");
  await expect(bodies.first()).toHaveText("line 7");
  await expect(messages.last()).toBeInViewport();

  const anchor = bodies.filter({ hasText: /^line 7$/ });
  await reader.page.getByTestId("message-list").evaluate((el) => (el.scrollTop = 0));
  await expect(messages).toHaveCount(36);
  await expect(bodies.first()).toHaveText("line 1");
  // The reader stays where they were: line 7 still in view, the older lines above it.
  await expect(anchor).toBeInViewport();
  await expect(messages.first()).not.toBeInViewport();
  await reader.page.getByTestId("message-list").evaluate((el) => (el.scrollTop = 0));
  await expect(reader.page.getByText("This is the beginning of your chat.")).toBeVisible();

  await reader.context.close();
});

test("finding friends explains bad input, strangers and yourself", async ({ page }) => {
  await signIn(page, "zhao@lanbao.test", undefined, "/friends");
  const box = page.getByLabel("Email or Lanbao ID");
  await box.fill("not an id");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.locator("#friend-query-error")).toHaveText(/Enter an email address or a Lanbao ID/);
  await box.fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.locator("#friend-query-error")).toHaveText("No one on Lanbao has that email or Lanbao ID.");
  await box.fill("zhao@lanbao.test");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.locator("#friend-query-error")).toHaveText(/That's you!/);
});

test("the demo group chat reads like a messenger, and outsiders cannot open a thread", async ({ browser, services }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "sender@lanbao.test", undefined, "/chats");
  await page.getByTestId("thread-list").getByRole("link", { name: /Weekend Hikers/ }).click();
  await expect(page.getByTestId("thread-title")).toContainText("Weekend Hikers");
  const fromChen = page.getByTestId("message").filter({ hasText: "Xiangshan" });
  await expect(fromChen).toHaveAttribute("data-own", "false");
  await expect(fromChen).toContainText("Chen");
  await expect(page.getByTestId("message").filter({ hasText: "挂耳" })).toHaveAttribute("data-own", "true");
  const groupUrl = new URL(page.url()).pathname;
  await context.close();

  const outsider = await personIn(browser, await services.newUser("Outsider"));
  await outsider.page.goto(groupUrl);
  await expect(outsider.page.getByTestId("thread-not-found")).toBeVisible();
  await expect(outsider.page.getByTestId("message")).toHaveCount(0);
  await outsider.context.close();
});

test("a chat page held back until after the live stream opened is drawn once and still shows what arrived meanwhile", async ({ browser, services }) => {
  const suffix = Math.random().toString(36).slice(2, 6);
  const ann = await services.newUser(`Ann ${suffix}`);
  const bo = await personIn(browser, await services.newUser(`Bo ${suffix}`));
  await services.befriend(ann, bo);
  const page = bo.page;
  // React shows a page streamed in after its loading placeholder on the next animation frame,
  // which a background tab (or a busy headless browser) holds back. Frames are held here until
  // the test lets them go; every copy of the page ever put in the document is counted, and so
  // is every event the live stream brings.
  await page.addInitScript(() => {
    const held: FrameRequestCallback[] = [];
    const realFrame = window.requestAnimationFrame.bind(window);
    const seen = { most: 0, openWhileHeld: false, events: 0 };
    Object.assign(window, {
      seen,
      releaseFrames: () => {
        window.requestAnimationFrame = realFrame;
        for (const cb of held.splice(0)) realFrame(cb);
      },
    });
    window.requestAnimationFrame = (cb) => held.push(cb);
    const listen = EventSource.prototype.addEventListener;
    EventSource.prototype.addEventListener = function (this: EventSource, ...args: Parameters<EventSource["addEventListener"]>) {
      listen.call(this, args[0], () => seen.events++);
      listen.apply(this, args);
    } as EventSource["addEventListener"];
    new MutationObserver(() => {
      seen.most = Math.max(seen.most, document.querySelectorAll('[data-testid="new-group-link"]').length);
      const streamed = document.querySelector('div[hidden][id^="S:"]');
      if (streamed && document.querySelector('[data-testid="realtime-status"][data-state="open"]')) seen.openWhileHeld = true;
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  type Seen = { most: number; openWhileHeld: boolean; events: number };
  const seen = () => page.evaluate(() => (window as unknown as { seen: Seen }).seen);
  const streamed = page.locator('div[hidden][id^="S:"]');
  // A page the server finishes quickly comes inline with the placeholder and is not held
  // back at all: load again until one arrives streamed after it.
  for (let load = 0; load < 10; load++) {
    await page.goto("/chats");
    await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
    if ((await streamed.count()) > 0) break;
  }
  // A machine fast enough to finish the page with its placeholder every time cannot meet the case.
  test.skip((await streamed.count()) === 0, "the server sent /chats inline with its placeholder on every load");
  expect((await seen()).openWhileHeld, "the stream opened while the streamed page was still held back").toBe(true);

  // Ann writes while Bo's page is still held back; the event reaches the tab before the page is shown.
  await services.postTexts(await services.directThread(ann, bo), ann, [`Are you there? ${suffix}`]);
  await expect.poll(async () => (await seen()).events).toBeGreaterThan(0);
  await page.evaluate(() => (window as unknown as { releaseFrames: () => void }).releaseFrames());

  await expect(streamed).toHaveCount(0);
  await expect(page.getByTestId("thread-list")).toContainText(`Are you there? ${suffix}`);
  expect((await seen()).most, "copies of the page in the document at once").toBe(1);
});

test("a chat page asks the server again after loading only when it may have missed something", async ({ browser, services }) => {
  const suffix = Math.random().toString(36).slice(2, 6);
  const ann = await services.newUser(`Ann ${suffix}`);
  const bo = await personIn(browser, await services.newUser(`Bo ${suffix}`));
  await services.befriend(ann, bo);
  const page = bo.page;
  let refreshes = 0;
  page.on("request", (req) => {
    if (req.headers()["rsc"] === "1") refreshes++;
  });

  // Nothing new for Bo: once the server has been listening for longer than its clock slack
  // (5 s) before a load, the load is not followed by a second render. Each check gives a
  // refresh 1.5 s to show up; before the stream said whether one was needed, every load had one.
  let quietLoad = false;
  for (let load = 0; load < 8 && !quietLoad; load++) {
    refreshes = 0;
    await page.goto("/chats");
    await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-state", "open");
    await page.waitForTimeout(1500);
    quietLoad = refreshes === 0;
  }
  expect(quietLoad, "a load of /chats with nothing new was not followed by a refresh").toBe(true);

  // Ann writes after Bo's page was rendered but before its stream is open: the stream starts
  // by telling the page to catch up, and the message shows without a reload.
  let openStream!: () => void;
  const streamHeld = new Promise<void>((resolve) => (openStream = resolve));
  await page.route(/\/api\/realtime\?since=/, async (route) => {
    await streamHeld;
    await route.continue();
  });
  await page.goto("/chats");
  await expect(page.getByTestId("chats-empty")).toBeVisible();
  await services.postTexts(await services.directThread(ann, bo), ann, [`Still up? ${suffix}`]);
  openStream();
  await expect(page.getByTestId("thread-list")).toContainText(`Still up? ${suffix}`);
});
