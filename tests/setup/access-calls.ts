// Helpers of the access matrix and the fuzzing: find the actions and routes in the source,
// call an action as its page would, and take a fingerprint of the database's rows.
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "../../lib/db/client.ts";
import { afterAll, beforeAll } from "vitest";
import { buildWorld, TINY_PNG, type ActionRow, type Input, type World } from "./access-table.ts";
import { SAMPLE_ADDRESS } from "./fixtures.ts";
import type { PaymentsHarness } from "./payments.ts";
import type { TestDatabase } from "./test-db.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", ".next", ".next-e2e", ".git", ".tmp", ".data", "generated"]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(rel, out);
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every export of every "use server" file under app/, components/ and lib/, with the helper that builds it. */
export function actionExports(): { id: string; helper: string }[] {
  const found: { id: string; helper: string }[] = [];
  for (const file of ["app", "components", "lib"].flatMap((d) => sourceFiles(d))) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(text)) continue;
    for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:const|let|function)\s+(\w+)(?:\s*=\s*(\w+))?/gm)) {
      found.push({ id: `${file}#${m[1]}`, helper: m[2] ?? "a plain function" });
    }
    for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!).filter(Boolean)) found.push({ id: `${file}#${name}`, helper: "a re-export" });
    }
  }
  return found;
}

/** "<file>#<METHOD>" for every route.ts under app/. */
export function routeExports(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles("app").filter((f) => path.basename(f) === "route.ts")) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)) found.push(`${file}#${m[1]}`);
    for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!)) if (/^[A-Z]+$/.test(name)) found.push(`${file}#${name}`);
    }
  }
  return found;
}

export function toFormData(input: Input): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) form.append(k, String(one));
  }
  return form;
}

export type CallResult = { ok: boolean; fieldErrors?: Record<string, string[]>; formError?: string; data?: unknown } | { redirected: string };

/** Calls the action as its page does; a Next.js redirect (a successful checkout, a save) answers { redirected }. */
export async function callAction(row: ActionRow, input: unknown): Promise<CallResult> {
  const [file, name] = row.action.split("#");
  const mod = await import(/* @vite-ignore */ path.join(ROOT, file));
  const fn = mod[name] as (...args: unknown[]) => Promise<CallResult>;
  try {
    return row.form ? await fn(null, input instanceof FormData ? input : toFormData(input as Input)) : await fn(input);
  } catch (err) {
    const digest = (err as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirected: digest.split(";")[2] ?? "" };
    throw err;
  }
}

/**
 * A fingerprint of every table's rows (count and hash), so "nothing changed" means nothing.
 * Rate-limit counters are left out: counting a refused call is not a change of anyone's data.
 */
export async function dbSnapshot(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
     WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND tablename NOT ILIKE '%ratelimit%' AND tablename NOT ILIKE 'rate_limit%'
     ORDER BY 1`;
  // One round trip for all tables.
  const q = tables
    .map(({ name }) => {
      const ident = `"${name.replace(/"/g, '""')}"`;
      return `SELECT '${name.replace(/'/g, "''")}' AS name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS f FROM ${ident} t`;
    })
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; f: string }[]>(q);
  return Object.fromEntries(rows.map((r) => [r.name, r.f]));
}

/**
 * Builds the World of access-table.ts in beforeAll (after useTestDatabase and usePayments),
 * with rate limits out of the way. `settle()` waits for Stripe's pending webhooks.
 */
export function useAccessWorld(t: TestDatabase, pay: PaymentsHarness) {
  const handle = { world: undefined as unknown as World, settle };
  let uploads: string | undefined;
  const LIMITS = ["LANBAO_LIMIT_MESSAGE", "LANBAO_LIMIT_FRIEND_REQUEST", "LANBAO_LIMIT_CHECKOUT", "LANBAO_LIMIT_SIGN_UP"];

  beforeAll(async () => {
    for (const k of LIMITS) process.env[k] = "10000/1m";
    const { startCheckout } = await import("../../lib/orders/checkout.ts");
    const { giftToken } = await import("../../lib/gifting/token.ts");
    const { enterLottery, drawLottery } = await import("../../lib/gifting/lottery.ts");
    const { markShipped } = await import("../../lib/orders/fulfilment.ts");
    const { declineGift } = await import("../../lib/gifting/decline.ts");
    const { markDelivered } = await import("../../lib/orders/fulfilment.ts");
    const { requestAfterSale } = await import("../../lib/after-sales/request.ts");
    const { saveImage } = await import("../../lib/storage/index.ts");
    // Photos go to a folder of this run's own.
    uploads = await mkdtemp(path.join(tmpdir(), "lanbao-access-uploads-"));
    process.env.LANBAO_UPLOADS_DIR = uploads;
    const paid = async (buyerId: string, input: Record<string, unknown>) => {
      const { orderId } = await startCheckout(t.db, buyerId, input as never);
      const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
      await pay.pay(order.stripeCheckoutSessionId!);
      return orderId;
    };
    handle.world = await buildWorld(t.db, {
      paidGift: async (senderId, input) => (await t.db.gift.findUniqueOrThrow({ where: { orderId: await paid(senderId, input) } })).id,
      paidSelfOrder: (buyerId, variantId) => paid(buyerId, { kind: "SELF", variantId, quantity: 1, shipping: SAMPLE_ADDRESS }),
      token: giftToken,
      enterAndDraw: async (giftId, userId) => {
        await enterLottery(t.db, userId, { giftId });
        await drawLottery(t.db, giftId, { now: new Date(Date.now() + 2 * 3_600_000) });
      },
      ship: async (merchantId, orderId) => {
        await markShipped(t.db, merchantId, { orderId, carrier: "顺丰", trackingNumber: "SF0000000001" });
      },
      paidOrder: paid,
      deliver: async (merchantId, orderId) => {
        await markDelivered(t.db, merchantId, { orderId });
      },
      requestAfterSale: async (buyerId, orderId, withPhoto) => {
        const photoKey = withPhoto ? (await saveImage(new Uint8Array(TINY_PNG))).key : undefined;
        return (await requestAfterSale(t.db, buyerId, { orderId, kind: "REFUND_ONLY", reason: "盒子压坏了 crushed", photoKey })).requestId;
      },
      decline: async (recipientId, giftId) => {
        await declineGift(t.db, recipientId, { giftId });
        const gift = await t.db.gift.findUniqueOrThrow({ where: { id: giftId } });
        return (await t.db.refund.findFirstOrThrow({ where: { orderId: gift.orderId } })).id;
      },
    });
    await settle();
  }, 120_000);

  /**
   * Stripe's webhooks (payments, refunds) arrive after the calls that cause them return:
   * wait until the sandbox has delivered every event, so each check sees only its own changes.
   */
  async function settle() {
    for (let i = 0; i < 100; i++) {
      const events = (await (await fetch(`${pay.sandbox.url}/_sandbox/events`)).json()) as { data: { delivery: { status: string } }[] };
      if (events.data.every((e) => e.delivery.status !== "pending")) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("webhooks still pending after 10 s");
  }
  afterAll(async () => {
    const { closeRateLimits } = await import("../../lib/rate-limit/index.ts");
    await closeRateLimits();
    for (const k of LIMITS) delete process.env[k];
    delete process.env.LANBAO_UPLOADS_DIR;
    if (uploads) await rm(uploads, { recursive: true, force: true });
  });
  return handle;
}
