// `npm run bench:analytics`: how fast the merchant analytics page reads on a busy shop.
// Starts a PostgreSQL of its own (embedded, data in .tmp/bench-analytics, port
// LANBAO_BENCH_DB_PORT or LANBAO_DB_PORT, default 54359; or a fresh
// database on DATABASE_URL's server), applies the migrations, generates 1,000,000 paid
// orders over two years for one shop (gifts — single and group — accepted, declined or
// expired and refunded, claims with provinces and acceptance times, orders for oneself,
// after-sales requests)
// plus orders of other shops as noise, builds the rollups with the same refresh the job
// runs, then times every query the page runs (lib/analytics/figures.ts ANALYTICS_QUERIES,
// plus the scope and "as of" look-ups) for the last 30 days and for two years, and the
// whole page's queries together, and prints p50/p95 of each.
//
//   npm run bench:analytics                          1,000,000 orders, 30 runs per query
//   npm run bench:analytics -- --orders 200000 --runs 10
//
// Exits 1 when any query's p95 is above 300 ms.
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { addDays, shanghaiDay } from "../lib/analytics/days.ts";
import { ANALYTICS_QUERIES } from "../lib/analytics/figures.ts";
import type { QueryScope } from "../lib/analytics/queries.ts";
import { analyticsAsOf, refreshAnalytics } from "../lib/analytics/refresh.ts";
import { resolveAnalyticsScope } from "../lib/analytics/scope.ts";
import { createDb, type Db } from "../lib/db/client.ts";
import { migrate } from "../lib/db/migrate.ts";
import { freshBenchDatabase } from "./bench/harness.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Math.max(1, Number(args[i + 1]) || fallback) : fallback;
};
const ORDERS = arg("orders", 1_000_000);
const RUNS = arg("runs", 30);
const DAYS = 730;
/** Other shops' orders: a fifth as many, spread over 20 shops of other merchants. */
const NOISE_ORDERS = Math.round(ORDERS / 5);
const NOISE_SHOPS = 20;
const PRODUCTS = 120;
const TARGET_P95_MS = 300;
const log = (l: string) => console.log(`[bench:analytics] ${l}`);

const PROVINCES = [
  "广东省", "浙江省", "江苏省", "上海市", "北京市", "山东省", "四川省", "福建省", "湖北省", "河南省", "湖南省",
  "安徽省", "河北省", "陕西省", "重庆市", "天津市", "辽宁省", "江西省", "云南省", "广西壮族自治区", "山西省",
  "黑龙江省", "吉林省", "贵州省", "内蒙古自治区", "新疆维吾尔自治区", "甘肃省", "海南省", "宁夏回族自治区",
  "青海省", "西藏自治区",
];
const CATEGORIES = ["coffee", "tea", "snacks", "sweets", "books", "stationery"];

/** Orders `first`..`last` (ids o<i>) of `shop`, paid over the last two years, with their gifts, claims and refunds. */
async function insertOrders(c: pg.Client, shop: string, first: number, last: number, products: number) {
  // One statement per table, each reading the same generated orders (a temp table), so a
  // batch of 100,000 orders takes a few seconds. random() is seeded: every run builds the same data.
  await c.query(`DROP TABLE IF EXISTS gen`);
  await c.query(
    `CREATE TEMP TABLE gen AS
     SELECT i, 'o' || i AS id,
            $1::text AS shop,
            -- Products are not equally popular: a few sell most.
            'p-' || $1 || '-' || floor(power(random(), 2) * $4)::int AS product,
            CASE WHEN random() < 0.35 THEN 'GIFT' ELSE 'SELF' END::"OrderKind" AS kind,
            1 + floor(power(random(), 3) * 3)::int AS quantity,
            (1000 + floor(random() * 40) * 500)::int AS unit,
            -- Any time in the last two years.
            (now() - random() * interval '${DAYS} days') AT TIME ZONE 'UTC' AS "paidAt",
            random() AS fate, random() AS group_roll, random() AS minutes_roll, random() AS m
       FROM generate_series($2::int, $3::int) i`,
    [shop, first, last, products],
  );
  await c.query(`ALTER TABLE gen ADD COLUMN units int, ADD COLUMN outcome "GiftStatus"`);
  // A twentieth of the gifts are group gifts of 3 to 5 units.
  await c.query(`UPDATE gen SET units = CASE WHEN kind = 'GIFT' AND group_roll < 0.05 THEN 3 + floor(random() * 3)::int WHEN kind = 'GIFT' THEN 1 END`);
  await c.query(`
    UPDATE gen SET outcome = CASE
      WHEN kind <> 'GIFT' THEN NULL
      WHEN "paidAt" > (now() AT TIME ZONE 'UTC') - interval '24 hours' AND fate < 0.5 THEN 'WAITING'
      WHEN fate < 0.78 THEN 'ACCEPTED'
      WHEN fate < 0.86 THEN 'DECLINED'
      ELSE 'EXPIRED' END::"GiftStatus"`);
  await c.query(`
    INSERT INTO "Order" (id, "buyerId", "shopId", "productId", "variantId", kind, status, quantity, "unitAmount", "totalAmount",
                         "shipProvince", "paidAt", "createdAt", "updatedAt")
    SELECT id, 'buyer-' || (i % 40), shop, product, 'v-' || substr(product, 3), kind,
           CASE WHEN outcome IN ('DECLINED', 'EXPIRED') THEN 'REFUNDED' WHEN fate < 0.6 THEN 'DELIVERED' ELSE 'PAID' END::"OrderStatus",
           COALESCE(units, quantity), unit, unit * COALESCE(units, quantity),
           CASE WHEN kind = 'SELF' THEN (ARRAY[${PROVINCES.map((p) => `'${p}'`).join(",")}])[1 + floor(power(m, 1.5) * ${PROVINCES.length})::int] END,
           "paidAt", "paidAt" - interval '2 minutes', "paidAt"
      FROM gen`);
  await c.query(`
    INSERT INTO "Gift" (id, "orderId", "senderId", "threadId", mode, units, "unitsClaimed", status, "tokenHash", "expiresAt", "closedAt", "createdAt")
    SELECT 'g' || i, id, 'buyer-' || (i % 40), 'bench-thread', CASE WHEN units > 1 THEN 'GROUP' ELSE 'SINGLE' END::"GiftMode",
           units, CASE WHEN outcome = 'ACCEPTED' THEN units ELSE 0 END, outcome, 'h' || i, "paidAt" + interval '24 hours',
           CASE WHEN outcome <> 'WAITING' THEN "paidAt" + interval '1 hour' END, "paidAt"
      FROM gen WHERE kind = 'GIFT'`);
  // Every unit of an accepted gift is one claim by a different recipient, minutes to hours after payment.
  await c.query(`
    INSERT INTO "GiftClaim" (id, "giftId", "recipientId", "variantId", status, "shipProvince", "acceptedAt")
    SELECT 'c' || i || '-' || u, 'g' || i, 'recipient-' || ((i + u) % 60), 'v-' || substr(product, 3),
           CASE WHEN fate < 0.5 THEN 'DELIVERED' ELSE 'ACCEPTED' END::"ClaimStatus",
           (ARRAY[${PROVINCES.map((p) => `'${p}'`).join(",")}])[1 + floor(power(random(), 1.5) * ${PROVINCES.length})::int],
           "paidAt" + power(minutes_roll, 3) * interval '23 hours' + interval '30 seconds'
      FROM gen CROSS JOIN LATERAL generate_series(1, units) u
     WHERE outcome = 'ACCEPTED'`);
  await c.query(`
    INSERT INTO "Refund" (id, "orderId", amount, reason, status, "idempotencyKey", "createdAt", "settledAt")
    SELECT 'r' || i, id, unit * units, CASE WHEN outcome = 'DECLINED' THEN 'declined' ELSE 'expired' END, 'SUCCEEDED',
           'refund-' || i, "paidAt" + interval '24 hours', "paidAt" + interval '24 hours'
      FROM gen WHERE outcome IN ('DECLINED', 'EXPIRED')`);
  // About one order in a hundred gets an after-sales request.
  await c.query(`
    INSERT INTO "AfterSaleRequest" (id, "orderId", "requesterId", kind, reason, "createdAt")
    SELECT 'a' || i, id, 'buyer-' || (i % 40), 'REFUND_ONLY', 'damaged', "paidAt" + interval '3 days'
      FROM gen WHERE m < 0.01`);
}

async function generate(c: pg.Client) {
  const t0 = performance.now();
  await c.query(`SELECT setseed(0.2026)`);
  await c.query(`
    INSERT INTO "User" (id, name, email, "lanbaoId", "updatedAt")
    SELECT id, id, id || '@bench.test', 'lb' || md5(id), now()
      FROM (SELECT 'owner' AS id UNION ALL SELECT 'rival'
            UNION ALL SELECT 'buyer-' || i FROM generate_series(0, 39) i
            UNION ALL SELECT 'recipient-' || i FROM generate_series(0, 59) i) u`);
  await c.query(`INSERT INTO "Thread" (id, kind, "createdById") VALUES ('bench-thread', 'GROUP', 'owner')`);
  await c.query(`INSERT INTO "Category" (id, slug) SELECT 'cat-' || s, s FROM unnest($1::text[]) s`, [CATEGORIES]);
  const shops = ["main", ...Array.from({ length: NOISE_SHOPS }, (_, i) => `noise-${i}`)];
  await c.query(
    `INSERT INTO "Shop" (id, slug, name, "ownerId", "updatedAt")
     SELECT id, id, 'Shop ' || id, CASE WHEN id = 'main' THEN 'owner' ELSE 'rival' END, now() FROM unnest($1::text[]) id`,
    [shops],
  );
  await c.query(
    `INSERT INTO "Product" (id, "shopId", "categoryId", title, published, "updatedAt")
     SELECT 'p-' || s || '-' || i, s, 'cat-' || ($2::text[])[1 + i % ${CATEGORIES.length}], 'Product ' || i || ' 礼品 ' || s, true, now()
       FROM unnest($1::text[]) s CROSS JOIN generate_series(0, ${PRODUCTS - 1}) i`,
    [shops, CATEGORIES],
  );
  await c.query(`INSERT INTO "Variant" (id, "productId", name, price, "originalPrice", stock) SELECT 'v-' || substr(id, 3), id, 'Standard', 1000, 1000, 100 FROM "Product"`);

  const BATCH = 100_000;
  for (let start = 0; start < ORDERS; start += BATCH) {
    await insertOrders(c, "main", start, Math.min(ORDERS, start + BATCH) - 1, PRODUCTS);
    process.stdout.write(`\r[bench:analytics] the shop: ${Math.min(ORDERS, start + BATCH).toLocaleString("en")} / ${ORDERS.toLocaleString("en")} orders`);
  }
  process.stdout.write("\n");
  const perNoiseShop = Math.ceil(NOISE_ORDERS / NOISE_SHOPS);
  for (let s = 0; s < NOISE_SHOPS; s++) {
    const first = ORDERS + s * perNoiseShop;
    await insertOrders(c, `noise-${s}`, first, first + perNoiseShop - 1, PRODUCTS);
  }
  log(`other shops: ${(perNoiseShop * NOISE_SHOPS).toLocaleString("en")} orders in ${NOISE_SHOPS} shops`);
  await c.query(`VACUUM ANALYZE`);
  const { rows } = await c.query<{ orders: string; gifts: string; claims: string; refunds: string; afterSales: string }>(`
    SELECT (SELECT count(*) FROM "Order") AS orders, (SELECT count(*) FROM "Gift") AS gifts,
           (SELECT count(*) FROM "GiftClaim") AS claims, (SELECT count(*) FROM "Refund") AS refunds,
           (SELECT count(*) FROM "AfterSaleRequest") AS "afterSales"`);
  const r = rows[0]!;
  log(`data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Number(r.orders).toLocaleString("en")} orders, ${Number(r.gifts).toLocaleString("en")} gifts, ${Number(r.claims).toLocaleString("en")} claims, ${Number(r.refunds).toLocaleString("en")} refunds, ${Number(r.afterSales).toLocaleString("en")} after-sales requests`);
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

async function main() {
  const { url, stop } = await freshBenchDatabase("analytics", Number(process.env.LANBAO_BENCH_DB_PORT ?? process.env.LANBAO_DB_PORT ?? 54359));
  const c = new pg.Client({ connectionString: url });
  const db: Db = createDb(url, { max: 8 });
  try {
    await migrate(url, { jobs: false });
    await c.connect();
    await generate(c);

    const t0 = performance.now();
    const full = await refreshAnalytics(db, { full: true });
    log(`rollups built (full refresh, ${full.days.toLocaleString("en")} shop-days) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await c.query(`VACUUM ANALYZE`);
    const { rows: sizes } = await c.query<{ table: string; rows: string }>(`
      SELECT relname AS table, n_live_tup::text AS rows FROM pg_stat_user_tables WHERE relname LIKE 'Analytics%' AND n_live_tup > 1 ORDER BY relname`);
    log(`rollup rows: ${sizes.map((s) => `${s.table} ${Number(s.rows).toLocaleString("en")}`).join(", ")}`);
    // What the next minute's job does after a quiet minute: the open gifts' days only.
    const t1 = performance.now();
    const incremental = await refreshAnalytics(db);
    log(`incremental refresh (${incremental.days} shop-days) in ${((performance.now() - t1) / 1000).toFixed(2)} s`);

    const today = shanghaiDay(new Date());
    const ranges = [
      { name: "30 days", range: "30d" as const, from: addDays(today, -29) },
      { name: "2 years", range: "custom" as const, from: addDays(today, -(DAYS - 1)) },
    ];
    let worst = 0;
    for (const r of ranges) {
      const raw = r.range === "custom" ? { range: r.range, from: r.from, to: today, shop: "main" } : { range: r.range, shop: "main" };
      const scope = await resolveAnalyticsScope(db, "owner", raw);
      const q: QueryScope = { shopIds: scope.shopIds, from: scope.from, to: scope.to };
      console.log(`\n${r.name} (${scope.from} – ${scope.to}, one shop of ${ORDERS.toLocaleString("en")} orders), ${RUNS} runs each:`);
      const queries: [string, () => Promise<unknown>][] = [
        ["scope (shops of the merchant)", () => resolveAnalyticsScope(db, "owner", raw)],
        ["asOf", () => analyticsAsOf(db)],
        ...Object.entries(ANALYTICS_QUERIES).map(([name, run]) => [name, () => run(db, q)] as [string, () => Promise<unknown>]),
      ];
      for (const [name, fn] of queries) {
        const times = await time(RUNS, fn);
        const p95 = percentile(times, 95);
        worst = Math.max(worst, p95);
        console.log(`  ${name.padEnd(30)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms`);
      }
      // The page runs its sections at once: every query together, as one request sees it.
      const page = await time(RUNS, () => Promise.all(queries.map(([, fn]) => fn())));
      console.log(`  ${"whole page (all at once)".padEnd(30)} p50 ${percentile(page, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(page, 95).toFixed(1).padStart(7)} ms`);
    }
    console.log(`\nslowest query p95: ${worst.toFixed(1)} ms (target ≤ ${TARGET_P95_MS} ms each)`);
    // Wall-clock figures: on a shared machine they grow with its load, so say what it was.
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`);
    process.exitCode = worst <= TARGET_P95_MS ? 0 : 1;
  } finally {
    await c.end().catch(() => {});
    await db.$disconnect();
    await stop();
  }
}

await main();
