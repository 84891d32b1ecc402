// `npm run bench:chat`: how long a text message takes from Enter in one member's browser
// to being drawn in the other member's open thread. Builds the app (production,
// .next-e2e), starts the end-to-end server, makes two new people with their direct
// thread through the services, signs each into a headless Chromium of their own with the
// thread open, and sends 50 messages, taking turns. Both moments are taken inside the
// browsers (keydown of Enter, the message's node appearing), on the same machine clock.
//
// In the same run, as the floor nothing in the app can go below: raw Postgres NOTIFY →
// the server's SSE stream → a reader in this process, for 50 events.
//
//   npm run bench:chat                     build, then measure
//   npm run bench:chat -- --no-build       reuse the last .next-e2e build
//   npm run bench:chat -- --messages 100
//
// Uses the e2e server's ports and data folder: do not run it while the Playwright suite runs.
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { signUp } from "../lib/auth/sign-up.ts";
import { getOrCreateDirectThread } from "../lib/chat/threads.ts";
import { respondToFriendRequest, sendFriendRequest } from "../lib/social/friends.ts";
import {
  appDatabaseUrl,
  appDb,
  base,
  buildApp,
  CHROME_ARGS,
  chromiumPath,
  ms,
  numberArg,
  percentile,
  signInCookie,
  startAppServer,
  step,
  stopAll,
} from "./bench/harness.ts";

const MESSAGES = numberArg("--messages", 50);
const REFERENCE_EVENTS = 50;
const TARGET_P95_MS = 100;

type Person = { id: string; email: string; password: string; cookie: string };

async function person(db: ReturnType<typeof appDb>, name: string): Promise<Person> {
  const password = "bench-password";
  const email = `${name.toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@bench.test`;
  await signUp(db, { name, email, password });
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return { id: user.id, email, password, cookie: await signInCookie(email, password) };
}

/**
 * The two moments, stamped on the machine clock inside the page: Enter in the composer, and
 * a confirmed message (one with its id) entering the list. A string, so the bundler that
 * runs this script adds nothing to it.
 */
const STAMPS = `(() => {
  window.__sent = {};
  window.__seen = {};
  const now = () => performance.timeOrigin + performance.now();
  document.addEventListener("keydown", (e) => {
    const el = e.target;
    if (e.key === "Enter" && el && el.dataset && el.dataset.testid === "composer-input") window.__sent[el.value.trim()] = now();
  }, true);
  new MutationObserver((records) => {
    const t = now();
    for (const r of records) for (const node of r.addedNodes) {
      if (!(node instanceof HTMLElement)) continue;
      const sel = '[data-testid="message"][data-message-id]';
      const items = node.matches(sel) ? [node] : [...node.querySelectorAll(sel)];
      for (const item of items) {
        const body = item.querySelector('[data-testid="message-body"]');
        const text = body ? body.textContent : "";
        if (!(text in window.__seen)) window.__seen[text] = t;
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
})()`;

/** Before any page script: when each pushed message reaches the page's event stream. */
const ARRIVALS = `(() => {
  window.__arrived = {};
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url, init) {
      super(url, init);
      this.addEventListener("message", (e) => {
        try {
          const m = JSON.parse(e.data).message;
          if (m && m.body && !(m.body in window.__arrived)) window.__arrived[m.body] = performance.timeOrigin + performance.now();
        } catch {}
      });
    }
  };
})()`;

/** When the send's server action request started and ended (resource timing), for the text sent at `sentAt`. */
const ACTION_TIMING = `(sentAt) => {
  const entries = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "fetch" && e.name === location.href);
  const e = entries.find((x) => performance.timeOrigin + x.startTime >= sentAt - 1);
  return e ? [performance.timeOrigin + e.startTime, performance.timeOrigin + e.responseEnd] : null;
}`;

/** A browser of its own, signed in, with the thread open and the live stream connected. */
async function openThread(who: Person, threadId: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROME_ARGS });
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, baseURL: base });
  const token = who.cookie.split("; ").find((c) => c.startsWith("next-auth.session-token="))!.split("=")[1];
  await context.addCookies([{ name: "next-auth.session-token", value: token, domain: "localhost", path: "/" }]);
  await context.addInitScript(ARRIVALS);
  const page = await context.newPage();
  await page.goto(`/chats/${threadId}`);
  await page.locator('[data-testid="realtime-status"][data-state="open"]').waitFor({ state: "attached" });
  await page.evaluate(STAMPS);
  return { browser, page };
}

/**
 * The in-page stamp, once there. Polled with page.evaluate (a devtools call the page's CSP
 * does not govern; waitForFunction would eval a string, which the CSP forbids). The stamp
 * is the page's own clock, so the polling interval does not enter the figure.
 */
async function stampOf(page: Page, kind: "__sent" | "__seen" | "__arrived", text: string): Promise<number> {
  const expression = `window[${JSON.stringify(kind)}][${JSON.stringify(text)}] ?? null`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const stamp = (await page.evaluate(expression)) as number | null;
    if (stamp !== null) return stamp;
    if (Date.now() > deadline) throw new Error(`no ${kind} stamp for "${text}" within 15 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Raw NOTIFY → SSE: the floor under any live update, measured on the same server. */
async function notifyToSse(listener: Person): Promise<number[]> {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/realtime`, { headers: { cookie: listener.cookie }, signal: abort.signal });
  if (!res.ok || !res.body) throw new Error(`event stream: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const client = new pg.Client({ connectionString: appDatabaseUrl() });
  await client.connect();
  const times: number[] = [];
  try {
    for (let i = 0; i < REFERENCE_EVENTS + 5; i++) {
      const marker = `"n":${i}}`;
      const payload = JSON.stringify({ users: [listener.id], event: { type: "threads", n: i } });
      const t0 = performance.now();
      await client.query("SELECT pg_notify('lanbao_events', $1)", [payload]);
      while (!text.includes(marker)) {
        const { value, done } = await reader.read();
        if (done) throw new Error("event stream ended");
        text += decoder.decode(value, { stream: true });
      }
      if (i >= 5) times.push(performance.now() - t0); // the first few warm up
      text = "";
    }
  } finally {
    abort.abort();
    await client.end();
  }
  return times;
}

let failed = false;
const browsers: Browser[] = [];
try {
  buildApp();
  await startAppServer();
  step("two new people, friends, with their direct thread (through the services)");
  const db = appDb();
  const [ann, bo, ref] = [await person(db, "Ann"), await person(db, "Bo"), await person(db, "Ref")];
  const { friendshipId } = await sendFriendRequest(db, ann.id, { userId: bo.id });
  await respondToFriendRequest(db, bo.id, { friendshipId, accept: true });
  const { id: threadId } = await getOrCreateDirectThread(db, ann.id, bo.id);
  await db.$disconnect();

  step(`two headless Chromiums, one thread, ${MESSAGES} messages taking turns`);
  const [a, b] = await Promise.all([openThread(ann, threadId), openThread(bo, threadId)]);
  browsers.push(a.browser, b.browser);
  const visible: number[] = [];
  const confirmed: number[] = [];
  const toRequest: number[] = [];
  const requestToArrival: number[] = [];
  const arrivalToDrawn: number[] = [];
  const actionRoundTrip: number[] = [];
  const run = Math.random().toString(36).slice(2, 6);
  for (let i = 1; i <= MESSAGES; i++) {
    const [from, to] = i % 2 ? [a.page, b.page] : [b.page, a.page];
    const text = `bench ${run} ${i}`;
    const input = from.getByTestId("composer-input");
    await input.fill(text);
    await input.press("Enter");
    const [sentAt, seenAt, ownAt] = await Promise.all([stampOf(from, "__sent", text), stampOf(to, "__seen", text), stampOf(from, "__seen", text)]);
    visible.push(seenAt - sentAt);
    confirmed.push(ownAt - sentAt);
    const arrivedAt = await stampOf(to, "__arrived", text);
    const action = (await from.evaluate(`(${ACTION_TIMING})(${sentAt})`)) as [number, number] | null;
    if (action) {
      toRequest.push(action[0] - sentAt);
      requestToArrival.push(arrivedAt - action[0]);
      actionRoundTrip.push(action[1] - action[0]);
    }
    arrivalToDrawn.push(seenAt - arrivedAt);
  }

  step(`raw NOTIFY → SSE on the same server, ${REFERENCE_EVENTS} events`);
  const reference = await notifyToSse(ref);

  const line = (label: string, v: number[]) =>
    console.log(`${label.padEnd(46)} p50 ${ms(percentile(v, 50)).padStart(7)}   p95 ${ms(percentile(v, 95)).padStart(7)}   max ${ms(Math.max(...v)).padStart(7)}`);
  console.log(`\nChat delivery, ${MESSAGES} messages (production build, ${base})`);
  line("Enter → drawn in the other member's thread", visible);
  line("Enter → confirmed in the sender's own thread", confirmed);
  line("raw NOTIFY → SSE (reference)", reference);
  console.log("where the time goes (send → visible):");
  line("  Enter → send request leaves the sender", toRequest);
  line("  request → event reaches the other browser", requestToArrival);
  line("  event → message drawn", arrivalToDrawn);
  line("  the send's round trip (request → response)", actionRoundTrip);
  const p95 = percentile(visible, 95);
  console.log(`\nTarget: p95 ≤ ${TARGET_P95_MS} ms send → visible: ${p95 <= TARGET_P95_MS ? "met" : "not met"} (${ms(p95)}).`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  failed = true;
} finally {
  for (const b of browsers) await b.close().catch(() => {});
  step("stopping the server");
  await stopAll();
}
process.exit(failed ? 1 : 0);
