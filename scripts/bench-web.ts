// `npm run bench:web`: how fast Lanbao's pages are on a phone, next to what Next.js itself
// costs. Builds the app (production, .next-e2e) and a bare Next.js page
// (scripts/bench/bare-next, built with the project's own `next` in a copy under .tmp),
// starts both, makes a gift in the demo chat through the services (checkout, paid in the
// Stripe sandbox), and runs Lighthouse 13 (mobile preset, simulated throttling) in Debian's
// Chromium against the bare page, a product page, a shop page and the gift page the
// recipient opens from the chat link (signed in), for its performance and accessibility
// categories. Runs take turns page by page, so a busy
// machine weighs on all pages alike. Prints the medians, the ratio to the bare page, and the
// first-load JavaScript (the scripts the HTML loads, gzipped) next to the bare page's. Each
// run's line also says when the real, unthrottled load first painted and fired `load`: the
// simulated LCP counts every script evaluated before that paint (docs/performance.md).
//
//   npm run bench:web                      build, then 5 runs per page (median reported)
//   npm run bench:web -- --no-build        reuse the last builds
//   npm run bench:web -- --runs 3
//   npm run bench:web -- --traces          also keep each run's trace and network log
//
// Exits 1 when a page misses a target. Uses the e2e server's ports and data folder, so do
// not run it while the Playwright suite runs.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startCheckout } from "../lib/orders/checkout.ts";
import { createStripeClient } from "../lib/payments/stripe.ts";
import { getOrCreateDirectThread } from "../lib/chat/threads.ts";
import {
  appDb,
  appSecret,
  args,
  base,
  buildApp,
  chromiumPath,
  DEMO_PASSWORD,
  env,
  numberArg,
  port,
  sandboxUrl,
  signInCookie,
  startAppServer,
  startDetached,
  step,
  stopAll,
  waitForHttp,
} from "./bench/harness.ts";

const runs = numberArg("--runs", 5);
const barePort = Number(process.env.BENCH_BARE_PORT ?? port + 1);
const bareBase = `http://localhost:${barePort}`;
const bareDir = path.resolve(".tmp/bench-bare");
const outDir = path.resolve(".tmp/bench-web");
const TARGET = { score: 95, lcpMs: 2000, extraJsBytes: 40 * 1024, a11y: 95 };

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
].join(" ");

type Page = { name: string; url: string; cookie?: string; bare?: boolean };
/** `paintedMs`/`loadedMs`: when the real, unthrottled load first painted and fired `load` (the simulation starts from these). */
type Result = { score: number; lcpMs: number; tbtMs: number; a11y: number; paintedMs: number; loadedMs: number };

/** The bare page: a copy of scripts/bench/bare-next under .tmp, built there with the project's next. */
async function buildBare() {
  if (args.includes("--no-build") && existsSync(path.join(bareDir, ".next"))) return;
  step("next build of the bare reference page");
  await rm(bareDir, { recursive: true, force: true });
  await mkdir(path.dirname(bareDir), { recursive: true });
  await cp(path.resolve("scripts/bench/bare-next"), bareDir, { recursive: true });
  await writeFile(path.join(bareDir, "package.json"), JSON.stringify({ private: true, type: "module" }) + "\n");
  const next = path.resolve("node_modules/.bin/next");
  const r = spawnSync(next, ["build"], { cwd: bareDir, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build of the bare page failed");
}

/** A gift from the demo sender to the demo recipient in their chat, paid in the sandbox; the link the recipient's chat shows. */
async function giftLink(recipientCookie: string): Promise<string> {
  step("a gift in the demo chat: checkout through the services, paid in the Stripe sandbox");
  process.env.NEXTAUTH_SECRET = await appSecret();
  const db = appDb();
  try {
    const [sender, recipient] = await Promise.all(
      ["sender@lanbao.test", "recipient@lanbao.test"].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })),
    );
    const thread = await getOrCreateDirectThread(db, sender.id, recipient.id);
    const variant = await db.variant.findFirstOrThrow({ where: { productId: "seed-product-yunnan-beans" }, orderBy: { position: "asc" }, select: { id: true } });
    const { orderId } = await startCheckout(
      db,
      sender.id,
      { kind: "GIFT", variantId: variant.id, threadId: thread.id, recipientId: recipient.id, message: "Lighthouse 灯塔" },
      { stripe: createStripeClient({ STRIPE_SANDBOX_URL: sandboxUrl }), appUrl: base },
    );
    const { stripeCheckoutSessionId } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { stripeCheckoutSessionId: true } });
    const paid = await fetch(`${sandboxUrl}/_sandbox/checkout/sessions/${stripeCheckoutSessionId}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    if (!paid.ok) throw new Error(`sandbox payment failed: ${paid.status}`);
    for (let i = 0; i < 60 && !(await db.gift.findFirst({ where: { orderId }, select: { id: true } })); i++) await new Promise((r) => setTimeout(r, 500));
    const html = await (await fetch(`${base}/chats/${thread.id}`, { headers: { cookie: recipientCookie } })).text();
    const links = [...html.matchAll(/href="(\/gifts\/[A-Za-z0-9_-]+)"/g)].map((m) => m[1]);
    if (links.length === 0) throw new Error("no gift link in the recipient's chat");
    return links[links.length - 1];
  } finally {
    await db.$disconnect();
  }
}

/** The scripts the page's HTML loads (module scripts; noModule polyfills are skipped by browsers), gzipped. */
async function firstLoadJs(url: string, cookie?: string): Promise<{ bytes: number; count: number }> {
  const headers = cookie ? { cookie } : undefined;
  const html = await (await fetch(url, { headers })).text();
  const srcs = [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter((m) => !/\bnoModule\b/i.test(m[1]))
    .map((m) => /\bsrc="([^"]+)"/.exec(m[1])?.[1])
    .filter((s): s is string => Boolean(s));
  const unique = [...new Set(srcs)];
  let bytes = 0;
  for (const src of unique) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, url), { headers })).arrayBuffer())).length;
  return { bytes, count: unique.length };
}

type Lhr = {
  categories: { performance: { score: number | null }; accessibility: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { items?: Record<string, number>[] } }>;
};

function runLighthouse(p: Page, file: string) {
  return spawnSync(
    "npx",
    [
      "lighthouse",
      p.url,
      "--only-categories=performance,accessibility",
      "--output=json",
      `--output-path=${file}`,
      ...(args.includes("--traces") ? ["--save-assets"] : []),
      "--quiet",
      `--chrome-flags=${CHROME_FLAGS}`,
      ...(p.cookie ? [`--extra-headers=${JSON.stringify({ Cookie: p.cookie })}`] : []),
    ],
    { env: { ...env, CHROME_PATH: chromiumPath }, stdio: ["ignore", "ignore", "inherit"] },
  );
}

async function lighthouse(p: Page, file: string): Promise<Result> {
  // Lighthouse now and then fails to record a page load's trace (NO_NAVSTART); that run is
  // made again, once.
  let r = runLighthouse(p, file);
  if (r.status !== 0) r = runLighthouse(p, file);
  if (r.status !== 0) throw new Error(`lighthouse failed for ${p.url} (exit ${r.status})`);
  const lhr = JSON.parse(await readFile(file, "utf8")) as Lhr;
  const observed = lhr.audits.metrics?.details?.items?.[0];
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    a11y: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
    tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
    paintedMs: observed?.observedFirstContentfulPaint ?? NaN,
    loadedMs: observed?.observedLoad ?? NaN,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

let failed = false;
try {
  buildApp();
  await buildBare();

  step(`starting the bare page on ${bareBase}`);
  const next = path.resolve("node_modules/.bin/next");
  const bare = startDetached(next, ["start", "--port", String(barePort)], { cwd: bareDir });
  await waitForHttp(bareBase, 60_000, bare.child);
  await startAppServer();

  const recipientCookie = await signInCookie("recipient@lanbao.test", DEMO_PASSWORD);
  const gift = await giftLink(recipientCookie);
  const pages: Page[] = [
    { name: "bare Next.js", url: `${bareBase}/`, bare: true },
    { name: "product page", url: `${base}/products/seed-product-yunnan-beans` },
    { name: "shop page", url: `${base}/shops/blue-bean-coffee` },
    { name: "gift page", url: `${base}${gift}`, cookie: recipientCookie },
  ];

  // One request each first, and one for each optimised image they use, so the runs
  // measure the pages as a warm server serves them, not first-time work.
  for (const p of pages) {
    const html = await fetch(p.url, { headers: p.cookie ? { cookie: p.cookie } : undefined }).then((r) => r.text());
    const images = [...html.matchAll(/\/_next\/image\?[^"\s,]+/g)].map((m) => m[0].replace(/&amp;/g, "&"));
    await Promise.all([...new Set(images)].map((u) => fetch(new URL(u, p.url), { headers: { accept: "image/avif,image/webp,*/*" } }).then((r) => r.arrayBuffer())));
  }

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  step(`Lighthouse (mobile, simulated throttling): ${runs} runs per page, taking turns`);
  const results = new Map<string, Result[]>(pages.map((p) => [p.name, []]));
  for (let i = 1; i <= runs; i++) {
    for (const p of pages) {
      const r = await lighthouse(p, path.join(outDir, `${p.name.replace(/\W+/g, "-")}-${i}.json`));
      console.log(`  run ${i} ${p.name.padEnd(13)} performance ${String(r.score).padStart(3)}, accessibility ${String(r.a11y).padStart(3)}, LCP ${(r.lcpMs / 1000).toFixed(2)} s, TBT ${Math.round(r.tbtMs)} ms; observed: first paint ${Math.round(r.paintedMs)} ms, load ${Math.round(r.loadedMs)} ms`);
      results.get(p.name)!.push(r);
    }
  }

  const js = new Map<string, { bytes: number; count: number }>();
  for (const p of pages) js.set(p.name, await firstLoadJs(p.url, p.cookie));
  const bareRow = pages.find((p) => p.bare)!;
  const bareScore = median(results.get(bareRow.name)!.map((r) => r.score));
  const bareJs = js.get(bareRow.name)!.bytes;

  console.log(`\nMedian of ${runs} runs per page (Lighthouse 13, mobile, simulated throttling; reports in ${path.relative(process.cwd(), outDir)}/)`);
  console.log("page           performance  vs bare   a11y   LCP        TBT      first-load JS (gzipped)");
  for (const p of pages) {
    const rs = results.get(p.name)!;
    const score = median(rs.map((r) => r.score));
    const lcp = median(rs.map((r) => r.lcpMs));
    const tbt = median(rs.map((r) => r.tbtMs));
    const a11y = median(rs.map((r) => r.a11y));
    const { bytes, count } = js.get(p.name)!;
    const extra = bytes - bareJs;
    console.log(
      `${p.name.padEnd(14)} ${String(score).padStart(6)}      ${(score / bareScore).toFixed(2).padStart(5)}   ${String(a11y).padStart(4)}   ${(lcp / 1000).toFixed(2).padStart(5)} s  ${String(Math.round(tbt)).padStart(5)} ms  ${(bytes / 1024).toFixed(1).padStart(6)} kB in ${String(count).padStart(2)} scripts${p.bare ? "" : ` (bare ${extra >= 0 ? "+" : ""}${(extra / 1024).toFixed(1)} kB)`}`,
    );
    if (!p.bare && (score < TARGET.score || lcp > TARGET.lcpMs || extra > TARGET.extraJsBytes || a11y < TARGET.a11y)) failed = true;
  }
  console.log(
    `\nTargets: performance ≥ ${TARGET.score}, accessibility ≥ ${TARGET.a11y}, LCP ≤ ${TARGET.lcpMs / 1000} s, first-load JS ≤ bare + ${TARGET.extraJsBytes / 1024} kB: ${failed ? "not all met" : "met"}.`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  failed = true;
} finally {
  step("stopping the servers");
  await stopAll();
}
process.exit(failed ? 1 : 0);
