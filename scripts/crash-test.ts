// `npm run crash-test`: Lanbao's money and stock stay right when a process dies mid-work.
//
// The production build (`.next-e2e`, built first unless --no-build) runs on its own ports
// and data folder, against a PostgreSQL and a Stripe sandbox this script runs itself, so
// each can be killed on its own. Load: gifts bought and paid at the sandbox (its webhooks
// reach the app), accepted and group units taken through the app's own server actions over
// HTTP (sometimes switching variant), and a share of waiting gifts made to expire by moving
// `expiresAt` into the past (the app's sweep then expires and refunds them).
//
//   round 1: kill -9 the app in the middle of the load, start it again;
//   round 2: kill -9 the database's postmaster in the middle of the load, start it again.
//
// After each round, once the sandbox has delivered every webhook and the jobs and the sweep
// have settled, it checks and prints every invariant:
//   - per variant: stock + units sold = the initial stock;
//   - every order paid at Stripe is paid here, and its gift is accepted, refunded or waiting;
//   - no refund asked twice: unique idempotency keys, refunded ≤ paid per order, and Stripe's
//     refunded amount equals the refunds recorded as settled;
//   - no claim without a unit: claims ≤ units per gift, and the unit counter matches.
// Exits 1 if any fails (or the app does not come back). Not part of `npm test`.
//
//   npm run crash-test -- [--no-build] [--seconds 40] [--workers 6]
// Ports: CRASH_PORT (3170), CRASH_DB_PORT (54170), CRASH_STRIPE_SANDBOX_PORT (12170).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { createDb, type Db } from "../lib/db/client.ts";
import { runningPostmaster, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { getOrCreateDirectThread } from "../lib/chat/threads.ts";
import { startCheckout } from "../lib/orders/checkout.ts";
import { sendFriendRequest } from "../lib/social/friends.ts";
import { createStripeClient } from "../lib/payments/stripe.ts";
import { startStripeSandbox, type StripeSandbox } from "./stripe-sandbox/server.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const SECONDS = Number(option("--seconds", "40"));
const WORKERS = Number(option("--workers", "6"));
const port = Number(process.env.CRASH_PORT ?? 3170);
const dbPort = Number(process.env.CRASH_DB_PORT ?? 54170);
const sandboxPort = Number(process.env.CRASH_STRIPE_SANDBOX_PORT ?? 12170);
const dataDir = path.resolve(".tmp/crash-test");
const distDir = ".next-e2e";
const base = `http://127.0.0.1:${port}`;
const webhookSecret = "whsec_lanbao_crash_test";
// The sweep expires a gift a minute after its expiresAt (the per-gift job goes first).
const SWEEP_GRACE_MS = 60_000;
const SETTLE_TIMEOUT_MS = 240_000;

const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), LANBAO_LINK_SECRET: randomBytes(32).toString("base64url") };
Object.assign(process.env, secrets, { STRIPE_SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`, STRIPE_WEBHOOK_SECRET: webhookSecret });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[crash-test] ${line}`);

// ─── The three processes ────────────────────────────────────────────────────

let pg: EmbeddedDatabase;
const pgDir = path.join(dataDir, "postgres");
async function startDatabase() {
  // After a kill -9 the old server's backends leave on their own; until then a start is refused.
  for (let i = 0; ; i++) {
    try {
      pg = await startEmbeddedPostgres({ dataDir: pgDir, port: dbPort });
      return;
    } catch (err) {
      if (i >= 20) throw err;
      await sleep(500);
    }
  }
}
const databaseUrl = () => pg.url("lanbao");

let app: ChildProcess;
function startApp() {
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...secrets,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl(),
      NEXTAUTH_URL: base,
      LANBAO_DATA_DIR: path.join(dataDir, "app"),
      LANBAO_NEXT_DIST_DIR: distDir,
      LANBAO_STRIPE_SANDBOX: "1",
      // The load is a few users doing a lot: the per-user limits are not under test here.
      LANBAO_LIMIT_CHECKOUT: "100000/1m",
      LANBAO_LIMIT_GIFT_LINK_OPEN: "100000/1m",
    },
  });
  return app;
}

async function waitForApp(timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null) throw new Error(`the app exited (${app.exitCode ?? app.signalCode}) while starting`);
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(`the app did not answer ${base}/api/health within ${timeoutMs / 1000} s`);
}

function killApp(signal: NodeJS.Signals) {
  try {
    process.kill(-app.pid!, signal);
  } catch {
    /* already gone */
  }
}

async function appGone() {
  if (app.exitCode !== null || app.signalCode !== null) return;
  await new Promise((r) => app.once("exit", r));
}

// ─── The scene: a shop, senders, recipients and a group ─────────────────────

type Scene = {
  variants: string[];
  initialStock: Map<string, number>;
  senders: { id: string; cookie: string }[];
  recipients: { id: string; cookie: string }[];
  /** Direct thread of sender i and recipient j. */
  direct: Map<string, string>;
  group: string;
};

async function makeScene(db: Db): Promise<Scene> {
  const tag = randomBytes(4).toString("hex");
  const user = (i: string) => ({ id: `crash-${tag}-${i}`, name: `Crash ${i}`, email: `crash-${tag}-${i}@example.com`, lanbaoId: `lc${tag}${i}` });
  const senders = Array.from({ length: 4 }, (_, i) => user(`s${i}`));
  const recipients = Array.from({ length: 12 }, (_, i) => user(`r${i}`));
  const merchant = user("m");
  await db.user.createMany({ data: [...senders, ...recipients, merchant] });
  const direct = new Map<string, string>();
  for (const s of senders) {
    for (const r of recipients) {
      // Friends the way people become friends: one asks, the other asks back.
      await sendFriendRequest(db, s.id, { userId: r.id });
      await sendFriendRequest(db, r.id, { userId: s.id });
      direct.set(`${s.id}:${r.id}`, (await getOrCreateDirectThread(db, s.id, r.id)).id);
    }
  }
  const group = await db.thread.create({
    data: { kind: "GROUP", title: "Crash group", createdById: senders[0].id, members: { create: [...senders, ...recipients].map((u) => ({ userId: u.id })) } },
  });
  const category = await db.category.upsert({ where: { slug: "snacks" }, create: { slug: "snacks" }, update: {} });
  const shop = await db.shop.create({ data: { slug: `crash-${tag}`, name: "Crash Shop", ownerId: merchant.id } });
  const product = await db.product.create({
    data: {
      shopId: shop.id,
      categoryId: category.id,
      title: "Crash Tea Box",
      kind: "PHYSICAL",
      published: true,
      variants: {
        create: [
          { name: "Green", price: 1200, originalPrice: 1200, stock: 2_000, position: 0 },
          // Few of these: switching to it runs out, which must be refused cleanly.
          { name: "Oolong", price: 1200, originalPrice: 1200, stock: 15, position: 1 },
        ],
      },
    },
    include: { variants: { orderBy: { position: "asc" } } },
  });
  const cookie = async (u: { id: string; name: string; email: string }) =>
    `next-auth.session-token=${await encode({ token: { sub: u.id, name: u.name, email: u.email }, secret: secrets.NEXTAUTH_SECRET })}`;
  return {
    variants: product.variants.map((v) => v.id),
    initialStock: new Map(product.variants.map((v) => [v.id, v.stock])),
    senders: await Promise.all(senders.map(async (u) => ({ id: u.id, cookie: await cookie(u) }))),
    recipients: await Promise.all(recipients.map(async (u) => ({ id: u.id, cookie: await cookie(u) }))),
    direct,
    group: group.id,
  };
}

// ─── The load ───────────────────────────────────────────────────────────────

/** What the gift sheet's buttons post: the server action's id and the encoded [state, FormData]. */
async function actionIds() {
  const manifest = JSON.parse(await readFile(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const find = (name: string) => {
    const id = Object.entries(manifest.node).find(([, v]) => v.filename === "app/(chat)/gifts/[token]/actions.ts" && v.exportedName === name)?.[0];
    if (!id) throw new Error(`${name} is not in the build; build first`);
    return id;
  };
  return { accept: find("acceptGiftAction"), take: find("takeGroupUnitAction") };
}

async function postAction(actionId: string, token: string, cookie: string, variantId?: string) {
  const client: string = "next/dist/compiled/react-server-dom-webpack/client.node.js";
  const { encodeReply } = (await import(client)) as { encodeReply: (value: unknown) => Promise<FormData | string> };
  const form = new FormData();
  const fields: Record<string, string> = {
    token,
    "address.addressId": "new",
    "address.name": "王芳",
    "address.phone": "13912345678",
    "address.provinceCode": "310000",
    "address.cityCode": "310100",
    "address.districtCode": "310104",
    "address.detail": "漕溪北路 88 号",
  };
  if (variantId) fields.variantId = variantId;
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const request = new Request("http://crash.invalid/", { method: "POST", body: (await encodeReply([null, form])) as FormData });
  const res = await fetch(`${base}/gifts/${token}`, {
    method: "POST",
    headers: { "next-action": actionId, "content-type": request.headers.get("content-type")!, accept: "text/x-component", cookie },
    body: await request.text(),
    signal: AbortSignal.timeout(20_000),
  });
  const body = await res.text();
  return res.ok && body.includes('"ok":true');
}

type Counts = Record<string, number>;
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

async function runLoad(db: Db, scene: Scene, ids: { accept: string; take: string }, paidSessions: Set<string>, seconds: number, midway: () => Promise<void>) {
  const { giftToken } = await import("../lib/gifting/token.ts");
  const stripe = createStripeClient();
  const counts: Counts = {};
  const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const errors = new Set<string>();
  const until = Date.now() + seconds * 1000;

  async function buy(kind: "GIFT" | "GROUP_GIFT") {
    const sender = pick(scene.senders);
    const recipient = pick(scene.recipients);
    const input =
      kind === "GIFT"
        ? { kind, variantId: scene.variants[0], threadId: scene.direct.get(`${sender.id}:${recipient.id}`)!, recipientId: recipient.id, message: "生日快乐" }
        : { kind, mode: "GROUP" as const, variantId: scene.variants[0], threadId: scene.group, units: 3, message: "大家分" };
    const { orderId } = await startCheckout(db, sender.id, input, { stripe, appUrl: base });
    const { stripeCheckoutSessionId } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { stripeCheckoutSessionId: true } });
    const paid = await fetch(`${process.env.STRIPE_SANDBOX_URL}/_sandbox/checkout/sessions/${stripeCheckoutSessionId}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    if (!paid.ok) throw new Error(`sandbox pay ${paid.status}`);
    paidSessions.add(stripeCheckoutSessionId!);
    count(`paid ${kind === "GIFT" ? "gift" : "group gift"}`);
  }

  async function receive() {
    const waiting = await db.gift.findMany({
      where: { status: "WAITING", order: { variantId: { in: scene.variants } }, expiresAt: { gt: new Date() } },
      select: { id: true, mode: true, recipientId: true },
      take: 20,
      orderBy: { createdAt: "desc" },
    });
    if (waiting.length === 0) return;
    const gift = pick(waiting);
    const switchTo = Math.random() < 0.3 ? scene.variants[1] : undefined;
    if (gift.mode === "SINGLE") {
      const r = scene.recipients.find((u) => u.id === gift.recipientId)!;
      count((await postAction(ids.accept, giftToken(gift.id), r.cookie, switchTo)) ? "accepted" : "accept refused");
    } else {
      count((await postAction(ids.take, giftToken(gift.id), pick(scene.recipients).cookie, switchTo)) ? "unit taken" : "take refused");
    }
  }

  async function expireSome() {
    const waiting = await db.gift.findMany({
      where: { status: "WAITING", order: { variantId: { in: scene.variants } }, expiresAt: { gt: new Date() } },
      select: { id: true },
      take: 50,
    });
    if (waiting.length === 0) return;
    // Moved an hour back: past the sweep's grace, and before any job's own due time.
    const { count: n } = await db.gift.updateMany({
      where: { id: pick(waiting).id, status: "WAITING" },
      data: { expiresAt: new Date(Date.now() - 3_600_000) },
    });
    if (n > 0) count("made to expire");
  }

  async function worker() {
    while (Date.now() < until) {
      const r = Math.random();
      try {
        if (r < 0.3) await buy("GIFT");
        else if (r < 0.45) await buy("GROUP_GIFT");
        else if (r < 0.9) await receive();
        else await expireSome();
      } catch (err) {
        // Expected while a process is down; the first words of each kind are printed.
        count("failed");
        const said = (err instanceof Error ? err.message : String(err)).split("\n").find((l) => l.trim())?.trim().slice(0, 100) ?? "";
        if (errors.size < 4) errors.add(said);
        await sleep(200);
      }
    }
  }

  const workers = Array.from({ length: WORKERS }, worker);
  await sleep((seconds * 1000) / 2);
  await midway();
  await Promise.all(workers);
  return { counts, errors: [...errors] };
}

// ─── Settling and the invariants ────────────────────────────────────────────

async function pendingWebhooks(): Promise<number> {
  type SandboxEvents = { data: Array<{ delivery: { status: string } }> };
  const events = (await (await fetch(`${process.env.STRIPE_SANDBOX_URL}/_sandbox/events`)).json()) as SandboxEvents;
  return events.data.filter((e) => e.delivery.status === "pending").length;
}

async function waitToSettle(db: Db, scene: Scene) {
  const t0 = Date.now();
  let last = "";
  while (Date.now() - t0 < SETTLE_TIMEOUT_MS) {
    try {
      const [webhooks, refunds, overdue] = await Promise.all([
        pendingWebhooks(),
        db.refund.count({ where: { status: "PENDING", order: { variantId: { in: scene.variants } } } }),
        db.gift.count({ where: { status: "WAITING", order: { variantId: { in: scene.variants } }, expiresAt: { lt: new Date(Date.now() - SWEEP_GRACE_MS) } } }),
      ]);
      last = `${webhooks} webhooks pending, ${refunds} refunds pending, ${overdue} gifts past expiry`;
      if (webhooks + refunds + overdue === 0) {
        log(`settled in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        return;
      }
    } catch (err) {
      last = `not reachable: ${err instanceof Error ? err.message : String(err)}`;
    }
    await sleep(2_000);
  }
  log(`not settled after ${SETTLE_TIMEOUT_MS / 1000} s (${last}); checking anyway`);
}

type Check = { name: string; ok: boolean; detail: string };

async function checkInvariants(db: Db, scene: Scene, paidSessions: Set<string>): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (name: string, problems: string[], detail: string) => checks.push({ name, ok: problems.length === 0, detail: problems.length ? problems.slice(0, 5).join("; ") : detail });
  const now = Date.now();
  const stripe = createStripeClient();

  // Stock: initial = stock + units held by claims + units still waiting in open gifts.
  const stockProblems: string[] = [];
  const stockDetail: string[] = [];
  for (const v of scene.variants) {
    const [{ stock }, claims, open] = await Promise.all([
      db.variant.findUniqueOrThrow({ where: { id: v }, select: { stock: true } }),
      db.giftClaim.count({ where: { variantId: v } }),
      db.$queryRaw<{ n: bigint }[]>`SELECT coalesce(sum(g.units - g."unitsClaimed"), 0)::bigint AS n FROM "Gift" g JOIN "Order" o ON o.id = g."orderId" WHERE o."variantId" = ${v} AND g.status = 'WAITING'`,
    ]);
    const sold = claims + Number(open[0].n);
    const initial = scene.initialStock.get(v)!;
    stockDetail.push(`${stock} + ${sold} = ${initial}`);
    if (stock + sold !== initial || stock < 0) stockProblems.push(`variant ${v}: stock ${stock} + sold ${sold} (claims ${claims}, waiting ${open[0].n}) ≠ initial ${initial}`);
  }
  add("stock + sold = initial, per variant", stockProblems, stockDetail.join(", "));

  // Every order paid at Stripe: paid here, and its gift accepted, refunded or waiting.
  const orders = await db.order.findMany({
    where: { variantId: { in: scene.variants } },
    select: {
      id: true,
      status: true,
      paidAt: true,
      totalAmount: true,
      unitAmount: true,
      stripeCheckoutSessionId: true,
      stripePaymentIntentId: true,
      gift: { select: { id: true, mode: true, status: true, units: true, unitsClaimed: true, expiresAt: true, _count: { select: { claims: true } } } },
      refunds: { select: { amount: true, status: true, idempotencyKey: true } },
    },
  });
  const fate: Counts = {};
  const paidProblems: string[] = [];
  for (const o of orders.filter((o) => o.stripeCheckoutSessionId && paidSessions.has(o.stripeCheckoutSessionId))) {
    const g = o.gift;
    const refunded = o.refunds.filter((r) => r.status === "SUCCEEDED").reduce((s, r) => s + r.amount, 0);
    let state: string;
    if (!o.paidAt) state = "payment lost";
    else if (!g) state = o.status === "REFUNDED" && refunded === o.totalAmount ? "refunded (sold out)" : "paid without a gift";
    else if (g.status === "ACCEPTED") state = g._count.claims === g.units ? "accepted" : "accepted with units missing";
    else if (g.status === "WAITING") state = g.expiresAt.getTime() > now - SWEEP_GRACE_MS ? "waiting" : "waiting past its expiry";
    else if (g.status === "EXPIRED" || g.status === "DECLINED") {
      const owed = (g.units - g._count.claims) * o.unitAmount;
      state = refunded === owed && (g._count.claims > 0 || o.status === "REFUNDED") ? `refunded (${g.status.toLowerCase()})` : `${g.status.toLowerCase()}, refunded ${refunded} of ${owed}`;
    } else state = `gift ${g.status}`;
    fate[state] = (fate[state] ?? 0) + 1;
    if (!/^(accepted|waiting|refunded)/.test(state) || state.startsWith("accepted with") || state.startsWith("waiting past")) paidProblems.push(`order ${o.id}: ${state}`);
  }
  add(`every paid order accepted, refunded or waiting (${[...paidSessions].length} paid)`, paidProblems, Object.entries(fate).map(([k, n]) => `${k} ${n}`).join(", "));

  // No refund asked twice.
  const refundProblems: string[] = [];
  const keys = orders.flatMap((o) => o.refunds.map((r) => r.idempotencyKey));
  if (new Set(keys).size !== keys.length) refundProblems.push(`${keys.length - new Set(keys).size} repeated idempotency keys`);
  let checkedAtStripe = 0;
  for (const o of orders) {
    const recorded = o.refunds.filter((r) => r.status !== "FAILED").reduce((s, r) => s + r.amount, 0);
    if (recorded > o.totalAmount) refundProblems.push(`order ${o.id}: refunds ${recorded} > paid ${o.totalAmount}`);
    if (o.refunds.length === 0 || !o.stripePaymentIntentId) continue;
    const pi = await stripe.paymentIntents.retrieve(o.stripePaymentIntentId);
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    const settled = o.refunds.filter((r) => r.status === "SUCCEEDED").reduce((s, r) => s + r.amount, 0);
    checkedAtStripe++;
    if (charge.amount_refunded !== settled) refundProblems.push(`order ${o.id}: Stripe refunded ${charge.amount_refunded}, recorded as settled ${settled}`);
  }
  const pending = orders.flatMap((o) => o.refunds).filter((r) => r.status !== "SUCCEEDED").length;
  if (pending > 0) refundProblems.push(`${pending} refunds not settled`);
  add("no refund asked twice (unique keys, refunded ≤ paid, Stripe = recorded)", refundProblems, `${keys.length} refunds, ${checkedAtStripe} orders compared with Stripe`);

  // No claim without a unit.
  const claimProblems: string[] = [];
  let claims = 0;
  for (const o of orders) {
    const g = o.gift;
    if (!g) continue;
    claims += g._count.claims;
    if (g._count.claims > g.units) claimProblems.push(`gift ${g.id}: ${g._count.claims} claims for ${g.units} units`);
    if (g.status === "WAITING" && g.mode === "SINGLE" && g._count.claims > 0) claimProblems.push(`gift ${g.id}: claimed but still waiting`);
    // The counter is kept by group gifts and lotteries; a single gift's one claim is its unit.
    if (g.mode !== "SINGLE" && g._count.claims !== g.unitsClaimed) claimProblems.push(`gift ${g.id}: ${g._count.claims} claims, counter says ${g.unitsClaimed}`);
  }
  add("no claim without a unit (claims ≤ units per gift)", claimProblems, `${claims} claims on ${orders.filter((o) => o.gift).length} gifts`);

  const webhooks = await pendingWebhooks();
  add("every Stripe webhook delivered", webhooks ? [`${webhooks} still pending`] : [], "none pending");
  return checks;
}

function print(title: string, load: { counts: Counts; errors: string[] }, checks: Check[]) {
  console.log(`\n${title}`);
  console.log(`  load: ${Object.entries(load.counts).map(([k, n]) => `${k} ${n}`).join(", ") || "nothing"}`);
  for (const e of load.errors) console.log(`  a failed call said: ${e}`);
  for (const c of checks) console.log(`  ${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);
}

// ─── The run ────────────────────────────────────────────────────────────────

async function main() {
  if (!args.includes("--no-build")) {
    log("next build (production)");
    const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, LANBAO_NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) process.exit(1);
  }
  await rm(dataDir, { recursive: true, force: true });
  let sandbox: StripeSandbox | undefined;
  let db: Db | undefined;
  let failed = false;
  try {
    await startDatabase();
    await pg.createDatabase("lanbao");
    await migrate(databaseUrl(), { log: () => {} });
    // Stripe keeps retrying a webhook for days; this sandbox for minutes, longer than a restart.
    sandbox = await startStripeSandbox({
      port: sandboxPort,
      webhookUrl: `${base}/api/stripe/webhook`,
      webhookSecret,
      retryDelaysMs: [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 30_000, 30_000, 30_000],
      log: () => {},
    });
    db = createDb(databaseUrl(), { max: 6 });
    const scene = await makeScene(db);
    const ids = await actionIds();
    const paidSessions = new Set<string>();
    log(`app on ${base}, PostgreSQL on ${dbPort}, Stripe sandbox on ${sandboxPort}; ${WORKERS} workers, ${SECONDS} s per round`);
    startApp();
    await waitForApp();

    // Round 1: the app dies.
    const round1 = await runLoad(db, scene, ids, paidSessions, SECONDS, async () => {
      log(`kill -9 the app (pid ${app.pid})`);
      killApp("SIGKILL");
      await appGone();
      const t = Date.now();
      startApp();
      await waitForApp();
      log(`app back in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    });
    await waitToSettle(db, scene);
    const checks1 = await checkInvariants(db, scene, paidSessions);
    print("After kill -9 of the app and a restart:", round1, checks1);

    // Round 2: the database dies under the running app.
    const round2 = await runLoad(db, scene, ids, paidSessions, SECONDS, async () => {
      const pid = runningPostmaster(pgDir);
      log(`kill -9 the PostgreSQL postmaster (pid ${pid})`);
      if (pid) process.kill(pid, "SIGKILL");
      await sleep(2_000);
      const t = Date.now();
      await startDatabase();
      log(`PostgreSQL back (crash recovery) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    });
    if (app.exitCode !== null || app.signalCode !== null) {
      log(`the app exited when the database went away (${app.exitCode ?? app.signalCode}); starting it again`);
      failed = true;
      startApp();
    }
    await waitForApp(60_000).catch((err) => {
      log(`the app does not answer after the database came back: ${err.message}`);
      failed = true;
    });
    await waitToSettle(db, scene);
    const checks2 = await checkInvariants(db, scene, paidSessions);
    print("After kill -9 of the PostgreSQL postmaster and a restart:", round2, checks2);

    failed ||= [...checks1, ...checks2].some((c) => !c.ok);
    console.log(`\n${failed ? "FAILED" : "all invariants hold"}`);
  } finally {
    await db?.$disconnect().catch(() => {});
    if (app) {
      killApp("SIGTERM");
      await Promise.race([appGone(), sleep(15_000)]);
      killApp("SIGKILL");
    }
    await sandbox?.stop();
    await pg?.stop().catch(() => {});
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
