// `npm run bench:claims`: how many group-gift claims per second the app answers under a rush.
//
// The production build (`.next-e2e`, built first unless --no-build) runs against a database
// of its own. A group of 250 members, each with a signed-in session, gets one group gift;
// then 200 concurrent clients post the very request the gift sheet's "Take one" button
// posts (POST /gifts/<token>/claims with an address), each request as the next member, for
// 10 s. The request is the one a real browser sent for the first member. At most one unit
// per member and the units (100, the most a group gift may have) go fast, so most answers are
// "already taken" or "all taken": the figure is claim requests answered per second.
// Afterwards the database is checked for oversell.
//
// With --reference <program>, the same load is then run against a reference claim
// endpoint (the smallest honest one: plain Node http + pg, one hot-row UPDATE and a guarded
// INSERT per POST) on the same PostgreSQL, and the app's figure is printed as a ratio.
//
//   npm run bench:claims -- [--no-build] [--reference path/to/claim-ref.mjs] [--duration 10] [--connections 200] [--cpu-profile dir]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { createDb, type Db } from "../lib/db/client.ts";
import { embeddedDatabaseUrl } from "../lib/db/embedded.ts";
import { startCheckout } from "../lib/orders/checkout.ts";
import { createStripeClient } from "../lib/payments/stripe.ts";
import { CHROME_ARGS, chromiumPath } from "./bench/harness.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const duration = Number(option("--duration", "10"));
const connections = Number(option("--connections", "200"));
const reference = option("--reference", "");
// --cpu-profile <dir>: the app process writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
const cpuProfile = option("--cpu-profile", "");
const MEMBERS = 250;
const UNITS = 100;
const port = Number(process.env.BENCH_PORT ?? 3190);
const dbPort = Number(process.env.BENCH_DB_PORT ?? 54190);
const sandboxPort = Number(process.env.BENCH_STRIPE_SANDBOX_PORT ?? 12190);
const refPort = Number(process.env.BENCH_REF_PORT ?? 4100);
const dataDir = path.resolve(".tmp/bench-claims");
const distDir = ".next-e2e";
const base = `http://127.0.0.1:${port}`;
// The address the app itself uses for its embedded database (the reference gets the same).
const databaseUrl = embeddedDatabaseUrl(dbPort, "lanbao");

function step(title: string) {
  console.log(`\n▶ ${title}`);
}

async function waitFor(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 15_000).unref();
  });
}

/** The group, its members and a paid group gift, made through the app's own services and Stripe sandbox. */
async function setUp(db: Db) {
  const tag = Date.now().toString(36);
  const users = Array.from({ length: MEMBERS + 1 }, (_, i) => ({
    id: `bench-${tag}-${i}`,
    name: i === 0 ? "Bench Host" : `Member ${i}`,
    email: `bench-${tag}-${i}@example.com`,
    lanbaoId: `lb${tag.slice(-4)}${String(i).padStart(4, "0")}`,
  }));
  await db.user.createMany({ data: users });
  const [host, ...members] = users;
  const thread = await db.thread.create({
    data: { kind: "GROUP", title: "Bench group", createdById: host.id, members: { createMany: { data: users.map((u) => ({ userId: u.id })) } } },
  });
  const category = await db.category.upsert({ where: { slug: "snacks" }, create: { slug: "snacks" }, update: {} });
  const shop = await db.shop.create({ data: { slug: `bench-${tag}`, name: "Bench Shop", ownerId: host.id } });
  const product = await db.product.create({
    data: {
      shopId: shop.id,
      categoryId: category.id,
      title: "Bench Snack Box",
      published: true,
      variants: { create: [{ name: "Box", price: 1000, originalPrice: 1000, stock: 10_000 }] },
    },
    include: { variants: true },
  });
  const stripe = createStripeClient({ STRIPE_SANDBOX_URL: `http://127.0.0.1:${sandboxPort}` });
  const { orderId } = await startCheckout(
    db,
    host.id,
    { kind: "GROUP_GIFT", mode: "GROUP", variantId: product.variants[0].id, threadId: thread.id, units: UNITS, message: "Bench" },
    { stripe, appUrl: base },
  );
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  const paid = await fetch(`http://127.0.0.1:${sandboxPort}/_sandbox/checkout/sessions/${order.stripeCheckoutSessionId}/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (!paid.ok) throw new Error(`sandbox payment failed: ${paid.status}`);
  for (let i = 0; i < 100; i++) {
    const gift = await db.gift.findUnique({ where: { orderId }, select: { id: true } });
    if (gift) return { giftId: gift.id, members };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the payment webhook never created the gift");
}

/**
 * What the browser posts for "Take one", captured from a real browser: a member opens the
 * gift's page in Chromium, fills in a new address and presses the button; the request it
 * sends (its address and the encoded form) is recorded while it goes through. That first take is a real claim, checked below.
 */
async function takeRequest(token: string, cookie: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROME_ARGS });
  try {
    const context = await browser.newContext({ locale: "en" });
    const [name, value] = cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/gifts/${token}`);
    await page.getByLabel("Recipient").fill("王芳");
    await page.getByLabel("Mobile number").fill("13912345678");
    await page.getByLabel("Province").selectOption("310000");
    await page.getByLabel("City").selectOption("310100");
    await page.getByLabel("District").selectOption("310104");
    await page.getByLabel("Street address").fill("漕溪北路 88 号");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === `/gifts/${token}/claims`),
      page.getByTestId("accept-gift").click(),
    ]);
    const response = await request.response();
    if (!response?.ok()) throw new Error(`the browser's take failed (HTTP ${response?.status()})`);
    // The page then shows the claim: the take went through.
    await page.getByTestId("gift-accepted").waitFor();
    const sent = request.headers();
    const headers: Record<string, string> = {};
    for (const h of ["content-type", "accept", "origin"]) if (sent[h]) headers[h] = sent[h];
    return { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
  } finally {
    await browser.close();
  }
}

type Run = { rps: number; p50: number; p99: number; ok: number; refused: number; failed: number; total: number; errors: number };

async function load(opts: autocannon.Options): Promise<Run> {
  const result = await autocannon({ ...opts, connections, duration });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // 200: a unit taken; 400: a clear refusal (already yours, all taken); 5xx: a failure.
    ok: result["2xx"],
    refused: result["4xx"],
    failed: result["5xx"],
    total: result.requests.total,
    errors: result.errors + result.timeouts,
  };
}

async function main() {
  if (!flag("--no-build")) {
    step("next build (production)");
    const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, LANBAO_NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) process.exit(1);
  }
  await rm(dataDir, { recursive: true, force: true });
  step(`start Lanbao on :${port} (its own database)`);
  // A production start wants its secrets given, and the sandbox chosen explicitly.
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString("base64");
  process.env.LANBAO_LINK_SECRET = randomBytes(32).toString("base64");
  const profileArgs = cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProfile)}`] : [];
  const server = spawn(process.execPath, [...profileArgs, "--import", "tsx", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      LANBAO_DATA_DIR: dataDir,
      LANBAO_DB_PORT: String(dbPort),
      STRIPE_SANDBOX_PORT: String(sandboxPort),
      LANBAO_SEED: "0",
      LANBAO_NEXT_DIST_DIR: distDir,
      NEXTAUTH_URL: base,
      LANBAO_STRIPE_SANDBOX: "1",
      NODE_ENV: "production",
    },
  });
  let refServer: ChildProcess | undefined;
  const db = createDb(databaseUrl, { max: 4 });
  try {
    await waitFor(`${base}/api/health`, server, 180_000);
    const { giftToken } = await import("../lib/gifting/token.ts");

    step(`a group of ${MEMBERS} members and a group gift of ${UNITS} units`);
    const { giftId, members } = await setUp(db);
    const cookies = await Promise.all(
      members.map(async (m) => `next-auth.session-token=${await encode({ token: { sub: m.id, name: m.name, email: m.email }, secret: process.env.NEXTAUTH_SECRET! })}`),
    );
    const token = giftToken(giftId);
    step("the browser's own \"Take one\" request, as the first claim");
    const take = await takeRequest(token, cookies[0]);

    step(`${connections} clients posting "Take one" for ${duration} s`);
    let next = 1;
    // Transactions the database committed during the load (the stats are flushed within a second).
    const commits = async () => {
      const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`;
      return Number(row.n);
    };
    const commitsBefore = await commits();
    const app = await load({
      url: take.url,
      method: "POST",
      headers: take.headers,
      body: take.body,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: cookies[next++ % cookies.length] } }) }],
    });
    await new Promise((r) => setTimeout(r, 1500));
    const perAnswer = (await commits() - commitsBefore) / app.total;
    const claims = await db.giftClaim.findMany({ where: { giftId }, select: { recipientId: true } });
    const counter = (await db.gift.findUniqueOrThrow({ where: { id: giftId }, select: { unitsClaimed: true } })).unitsClaimed;
    const oversell = Math.max(0, claims.length - UNITS) + (claims.length - new Set(claims.map((c) => c.recipientId)).size) + Math.abs(counter - claims.length);

    // The app's lightest route under the same load: what Next.js and the server around it cost alone.
    const floor = await load({ url: `${base}/api/health/live` });
    let ratio = "";
    if (reference) {
      step(`the reference claim endpoint on :${refPort}, same PostgreSQL, same load`);
      refServer = spawn(process.execPath, [path.resolve(reference)], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, REF_DATABASE_URL: databaseUrl, REF_PORT: String(refPort) },
      });
      await new Promise((r) => setTimeout(r, 1500));
      const ref = await load({ url: `http://127.0.0.1:${refPort}/`, method: "POST" });
      ratio = ` | reference ${ref.rps.toFixed(0)} claims/s, p50 ${ref.p50} ms, p99 ${ref.p99} ms | ratio ${(app.rps / ref.rps).toFixed(2)}`;
    }
    console.log(
      `\nclaims: ${app.rps.toFixed(0)} claims/s (${app.total} answered, ${claims.length} units taken of ${UNITS}, ${app.ok} taken + ${app.refused} refused answers, ${app.failed} 5xx, ${app.errors} errors, ` +
        `${perAnswer.toFixed(1)} database transactions per answer), ` +
        `p50 ${app.p50} ms, p99 ${app.p99} ms, oversell ${oversell}${ratio}` +
        ` | the app's lightest route (GET /api/health/live) ${floor.rps.toFixed(0)} req/s, p50 ${floor.p50} ms`,
    );
  } finally {
    await db.$disconnect();
    if (refServer) await stop(refServer);
    await stop(server);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
