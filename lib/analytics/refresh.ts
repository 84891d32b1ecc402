// Keeps the analytics rollups (Analytics* tables) equal to what the orders say. The page
// reads only these rollups, so a two-year range costs a few hundred rows, not a million
// orders. Each run recomputes whole (shop, day) DAY rows from the orders, gifts, claims and
// refunds with SQL, then the MONTH rows of those days from their DAY rows, replacing them
// in one transaction per batch, so a run can be repeated or interrupted at any point
// without leaving a figure half-counted.
//
// Which days a run recomputes (docs/analytics.md explains why this misses nothing):
//   - the first run, or `full`: every day that has a paid order;
//   - otherwise, the days of: orders paid since the previous run, orders refunded or
//     given an after-sales request since the previous run (both can come long after the
//     sale), and orders whose gift was still open at the previous run (AnalyticsOpenDay)
//     — a gift changes only while open.
// "Since the previous run" starts a few minutes before it, for transactions that were
// still committing. The run's start is the figures' "as of" time.
import type { Db } from "@/lib/db/client";
import { AfterSaleStatus, RefundStatus } from "@/lib/db/generated/enums";
import { GIFT_EVENTS } from "@/lib/lifecycle";
import { addDays, dayCount, dayStart } from "./days";

const STATE_ID = 1;
/** Rows are written with the app's clock inside transactions that commit a little later. */
const COMMIT_SLACK_MS = 10 * 60 * 1000;
/** A run holds the lease this long (renewed per batch); a worker that died frees it by then. */
const LEASE_MS = 10 * 60 * 1000;
/** Days rebuilt per transaction (a month of the busiest shop is ~50,000 orders). */
const BATCH_DAYS = 31;

/** Gift statuses an event can still leave (read from the lifecycle's table): the gift is open. */
export const OPEN_GIFT_STATUSES: string[] = [...new Set(Object.values(GIFT_EVENTS).flatMap((t) => [...t.from]))];
const ALL_REFUND_STATUSES: string[] = Object.values(RefundStatus);
const ALL_AFTER_SALE_STATUSES: string[] = Object.values(AfterSaleStatus);

/**
 * Minutes from payment to acceptance are kept to the minute for the first two hours, to
 * ten minutes up to a day, then to the hour: the median reads as exactly as a merchant
 * needs, in at most ~250 rows per shop and day.
 */
export function acceptDelayBucket(minutes: number): number {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 120) return m;
  if (m < 1440) return m - (m % 10);
  return m - (m % 60);
}

// The same in SQL, on a whole number of minutes m.
const BUCKET_SQL = (m: string) => `CASE WHEN ${m} < 120 THEN ${m} WHEN ${m} < 1440 THEN ${m} - ${m} % 10 ELSE ${m} - ${m} % 60 END`;
/**
 * A claim its recipient accepted (SQL, on GiftClaim alias `c`). A lottery winner's claim
 * is WON until they accept, and REFUNDED if they never do (forfeit); a claim refunded after
 * acceptance kept the address or voucher code accepting gave it.
 */
export const ACCEPTED_CLAIM_SQL = (c: string) =>
  `(${c}.status NOT IN ('WON', 'REFUNDED') OR (${c}.status = 'REFUNDED' AND (${c}."shipName" IS NOT NULL OR ${c}."voucherCode" IS NOT NULL)))`;
// The Asia/Shanghai day (as its midnight) of a timestamp column holding UTC.
const LOCAL_DAY_SQL = (col: string) => `date_trunc('day', (${col} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')`;

export type RefreshResult = {
  outcome: "refreshed" | "busy";
  full: boolean;
  /** (shop, day)s recomputed. */
  days: number;
  ms: number;
};

export type ShopDay = { shopId: string; day: string };

/** Recomputes what changed since the last run (everything on the first run, or with `full`). */
export async function refreshAnalytics(db: Db, opts: { now?: Date; full?: boolean } = {}): Promise<RefreshResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const state = await takeLease(db, now);
  if (!state) return { outcome: "busy", full: false, days: 0, ms: Math.round(performance.now() - started) };
  try {
    const full = !!opts.full || !state.lastRunAt || !state.changesSince;
    // Read before anything is recomputed, so whatever changes during this run is looked
    // at again by the next one.
    const openNow = await openGiftDays(db);
    const days = full ? await allShopDays(db) : [...(await changedShopDays(db, state.changesSince!)), ...openNow];
    for (const batch of batches(toDayRanges(days), BATCH_DAYS)) {
      await rebuildRanges(db, batch, now);
      await renewLease(db, now);
    }
    const changesSince = new Date(now.getTime() - COMMIT_SLACK_MS).toISOString();
    await db.$transaction([
      db.$executeRaw`DELETE FROM "AnalyticsOpenDay"`,
      db.$executeRaw`
        INSERT INTO "AnalyticsOpenDay" ("shopId", day)
        SELECT * FROM unnest(${openNow.map((d) => d.shopId)}::text[], ${openNow.map((d) => d.day)}::timestamp[]) ON CONFLICT DO NOTHING`,
      db.$executeRaw`
        UPDATE "AnalyticsRefresh" SET "lastRunAt" = ${now.toISOString()}::timestamp, "changesSince" = ${changesSince}::timestamp
         WHERE id = ${STATE_ID} AND ("lastRunAt" IS NULL OR "lastRunAt" <= ${now.toISOString()}::timestamp)`,
    ]);
    return { outcome: "refreshed", full, days: toDayRanges(days).reduce((n, r) => n + dayCount(r.from, r.to), 0), ms: Math.round(performance.now() - started) };
  } finally {
    await db.$executeRaw`UPDATE "AnalyticsRefresh" SET "leaseUntil" = NULL WHERE id = ${STATE_ID}`;
  }
}

/** When the figures were last brought up to date; null before the first run. */
export async function analyticsAsOf(db: Db): Promise<Date | null> {
  const row = await db.analyticsRefresh.findUnique({ where: { id: STATE_ID }, select: { lastRunAt: true } });
  return row?.lastRunAt ?? null;
}

type State = { lastRunAt: Date | null; changesSince: Date | null };

async function takeLease(db: Db, now: Date): Promise<State | null> {
  await db.$executeRaw`INSERT INTO "AnalyticsRefresh" (id) VALUES (${STATE_ID}) ON CONFLICT (id) DO NOTHING`;
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  const rows = await db.$queryRaw<{ lastRunAt: string | null; changesSince: string | null }[]>`
    UPDATE "AnalyticsRefresh" SET "leaseUntil" = ${until}::timestamp
     WHERE id = ${STATE_ID} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now.toISOString()}::timestamp)
    RETURNING to_char("lastRunAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastRunAt",
              to_char("changesSince", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "changesSince"`;
  const row = rows[0];
  if (!row) return null;
  return { lastRunAt: row.lastRunAt ? new Date(row.lastRunAt) : null, changesSince: row.changesSince ? new Date(row.changesSince) : null };
}

async function renewLease(db: Db, now: Date) {
  const until = new Date(Math.max(now.getTime(), Date.now()) + LEASE_MS).toISOString();
  await db.$executeRaw`UPDATE "AnalyticsRefresh" SET "leaseUntil" = ${until}::timestamp WHERE id = ${STATE_ID}`;
}

/** The payment days of gifts still open, found through Gift(status, expiresAt). */
async function openGiftDays(db: Db): Promise<ShopDay[]> {
  return db.$queryRawUnsafe<ShopDay[]>(
    `SELECT DISTINCT o."shopId", to_char(${LOCAL_DAY_SQL('o."paidAt"')}, 'YYYY-MM-DD') AS day
       FROM "Gift" g JOIN "Order" o ON o.id = g."orderId"
      WHERE g.status = ANY($1::"GiftStatus"[]) AND o."paidAt" IS NOT NULL`,
    OPEN_GIFT_STATUSES,
  );
}

async function allShopDays(db: Db): Promise<ShopDay[]> {
  return db.$queryRawUnsafe<ShopDay[]>(`
    SELECT DISTINCT "shopId", to_char(${LOCAL_DAY_SQL('"paidAt"')}, 'YYYY-MM-DD') AS day
      FROM "Order" WHERE "paidAt" IS NOT NULL`);
}

/** Days of orders paid or refunded since `since`, and days that had an open gift at the last run. */
async function changedShopDays(db: Db, since: Date): Promise<ShopDay[]> {
  // Paid: per shop through Order(shopId, paidAt). Refunded: through Refund(status, createdAt).
  return db.$queryRawUnsafe<ShopDay[]>(
    `SELECT s.id AS "shopId", x.day
       FROM "Shop" s
       CROSS JOIN LATERAL (
         SELECT DISTINCT to_char(${LOCAL_DAY_SQL('o."paidAt"')}, 'YYYY-MM-DD') AS day
           FROM "Order" o WHERE o."shopId" = s.id AND o."paidAt" >= $1::timestamp) x
     UNION
     SELECT o."shopId", to_char(${LOCAL_DAY_SQL('o."paidAt"')}, 'YYYY-MM-DD')
       FROM "Refund" r JOIN "Order" o ON o.id = r."orderId"
      WHERE r.status = ANY($2::"RefundStatus"[]) AND r."createdAt" >= $1::timestamp AND o."paidAt" IS NOT NULL
     UNION
     SELECT o."shopId", to_char(${LOCAL_DAY_SQL('o."paidAt"')}, 'YYYY-MM-DD')
       FROM "AfterSaleRequest" a JOIN "Order" o ON o.id = a."orderId"
      WHERE a.status = ANY($3::"AfterSaleStatus"[]) AND a."createdAt" >= $1::timestamp AND o."paidAt" IS NOT NULL
     UNION
     SELECT "shopId", to_char(day, 'YYYY-MM-DD') FROM "AnalyticsOpenDay"`,
    since.toISOString(),
    ALL_REFUND_STATUSES,
    ALL_AFTER_SALE_STATUSES,
  );
}

/** Consecutive days of one shop within one month, both ends included. */
type DayRange = { shopId: string; from: string; to: string };

/** Groups (shop, day)s into runs of consecutive days, cut at month ends (a month's rows are summed from its days). */
export function toDayRanges(days: ShopDay[]): DayRange[] {
  const key = (d: ShopDay) => `${d.shopId}\u0000${d.day}`;
  const sorted = [...days].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const ranges: DayRange[] = [];
  for (const d of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.shopId === d.shopId && last.to === d.day) continue;
    if (last && last.shopId === d.shopId && addDays(last.to, 1) === d.day && last.to.slice(0, 7) === d.day.slice(0, 7)) last.to = d.day;
    else ranges.push({ shopId: d.shopId, from: d.day, to: d.day });
  }
  return ranges;
}

/** Cuts ranges into batches of about `days` days, one transaction each. */
function batches(ranges: DayRange[], days: number): DayRange[][] {
  const out: DayRange[][] = [];
  let current: DayRange[] = [];
  let size = 0;
  for (const r of ranges) {
    current.push(r);
    size += dayCount(r.from, r.to);
    if (size >= days) {
      out.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** Each rollup table: what a row is counted by (besides shop, grain, day) and what it sums. */
const ROLLUPS = [
  {
    table: "AnalyticsDay",
    keys: ["kind"],
    sums: ["orders", "units", "salesAmount", "refundAmount", "gifts", "giftUnits", "unitsAccepted", "unitsDeclined", "unitsExpired", "unitsWaiting", "afterSaleOrders"],
  },
  { table: "AnalyticsProductDay", keys: ["kind", "productId"], sums: ["orders", "units", "salesAmount", "refundAmount"] },
  { table: "AnalyticsProvinceDay", keys: ["province"], sums: ["recipients"] },
  { table: "AnalyticsHourDay", keys: ["kind", "hour"], sums: ["orders", "salesAmount"] },
  { table: "AnalyticsAcceptDelay", keys: ["minutes"], sums: ["claims"] },
] as const;

const q = (name: string) => `"${name}"`;

/** Replaces every DAY row of the given ranges, and the MONTH rows they fall in, with what the orders say now. */
async function rebuildRanges(db: Db, ranges: DayRange[], now: Date): Promise<void> {
  const shopIds = ranges.map((r) => r.shopId);
  const fromDays = ranges.map((r) => r.from);
  const toDays = ranges.map((r) => r.to);
  // Each range of days as the instants it spans, for Order(shopId, paidAt).
  const paidFrom = ranges.map((r) => dayStart(r.from).toISOString());
  const paidTo = ranges.map((r) => dayStart(addDays(r.to, 1)).toISOString());
  const months = [...new Map(ranges.map((r) => [`${r.shopId} ${r.from.slice(0, 7)}`, { shopId: r.shopId, month: `${r.from.slice(0, 7)}-01` }])).values()];
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`
        CREATE TEMP TABLE analytics_orders (
          "shopId" text, day timestamp, kind "OrderKind", "productId" text, quantity int, total bigint, "paidAt" timestamp,
          hour int, refunded bigint, "giftId" text, units int, accepted int, declined int, waiting int, "afterSale" int
        ) ON COMMIT DROP`);
      // One row per paid order of those days, with its refunds and what became of its gift's
      // units: accepted, declined, still waiting (a lottery's drawn winners who may still
      // accept, or units a group or friend may still take), the rest expired untaken and
      // refunded. A gift past its time counts as expired even before the expiry job has
      // closed it, as it reads everywhere else (giftPhase).
      // OFFSET 0 / LIMIT 1 keep the planner on the indexes, one range and one order at a time,
      // instead of hashing whole tables for a few thousand rows.
      await tx.$executeRawUnsafe(
        `INSERT INTO analytics_orders
         SELECT o."shopId", ${LOCAL_DAY_SQL('o."paidAt"')}, o.kind, o."productId", o.quantity, o."totalAmount", o."paidAt",
                extract(hour FROM (o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::int,
                COALESCE((SELECT sum(r.amount) FROM "Refund" r WHERE r."orderId" = o.id), 0),
                g.id, g.units, c.accepted,
                CASE WHEN g.status = 'DECLINED' THEN GREATEST(g.units - c.accepted, 0) ELSE 0 END,
                CASE WHEN g.status = ANY($4::"GiftStatus"[]) AND g."expiresAt" > $5::timestamp
                     THEN CASE WHEN g.status = 'DRAWN' THEN c.won ELSE GREATEST(g.units - c.accepted, 0) END
                     ELSE 0 END,
                EXISTS (SELECT 1 FROM "AfterSaleRequest" a WHERE a."orderId" = o.id)::int
           FROM unnest($1::text[], $2::timestamp[], $3::timestamp[]) AS r("shopId", "from", "to")
          CROSS JOIN LATERAL (
                SELECT * FROM "Order" o
                 WHERE o."shopId" = r."shopId" AND o."paidAt" >= r."from" AND o."paidAt" < r."to" OFFSET 0) o
           LEFT JOIN LATERAL (SELECT id, status, units, "expiresAt" FROM "Gift" WHERE "orderId" = o.id LIMIT 1) g ON true
           LEFT JOIN LATERAL (
                SELECT (count(*) FILTER (WHERE ${ACCEPTED_CLAIM_SQL("k")}))::int AS accepted,
                       (count(*) FILTER (WHERE k.status = 'WON'))::int AS won
                  FROM "GiftClaim" k WHERE k."giftId" = g.id) c ON true`,
        shopIds,
        paidFrom,
        paidTo,
        OPEN_GIFT_STATUSES,
        now.toISOString(),
      );
      for (const { table } of ROLLUPS) {
        await tx.$executeRawUnsafe(
          `DELETE FROM ${q(table)} a USING unnest($1::text[], $2::timestamp[], $3::timestamp[]) AS r("shopId", "from", "to")
            WHERE a."shopId" = r."shopId" AND a.grain = 'DAY' AND a.day >= r."from" AND a.day <= r."to"`,
          shopIds,
          fromDays,
          toDays,
        );
      }
      await tx.$executeRawUnsafe(`
        INSERT INTO "AnalyticsDay" ("shopId", grain, day, kind, orders, units, "salesAmount", "refundAmount", gifts, "giftUnits",
                                    "unitsAccepted", "unitsDeclined", "unitsExpired", "unitsWaiting", "afterSaleOrders")
        SELECT "shopId", 'DAY', day, kind, count(*), sum(quantity), sum(total), sum(refunded), count("giftId"),
               COALESCE(sum(units), 0), COALESCE(sum(accepted), 0), COALESCE(sum(declined), 0),
               COALESCE(sum(GREATEST(units - accepted - declined - waiting, 0)), 0), COALESCE(sum(waiting), 0), sum("afterSale")
          FROM analytics_orders GROUP BY "shopId", day, kind`);
      await tx.$executeRawUnsafe(`
        INSERT INTO "AnalyticsProductDay" ("shopId", grain, day, kind, "productId", orders, units, "salesAmount", "refundAmount")
        SELECT "shopId", 'DAY', day, kind, "productId", count(*), sum(quantity), sum(total), sum(refunded)
          FROM analytics_orders GROUP BY "shopId", day, kind, "productId"`);
      await tx.$executeRawUnsafe(`
        INSERT INTO "AnalyticsHourDay" ("shopId", grain, day, kind, hour, orders, "salesAmount")
        SELECT "shopId", 'DAY', day, kind, hour, count(*), sum(total)
          FROM analytics_orders GROUP BY "shopId", day, kind, hour`);
      // Recipients who accepted: only the province ever leaves the claim.
      await tx.$executeRawUnsafe(`
        INSERT INTO "AnalyticsProvinceDay" ("shopId", grain, day, province, recipients)
        SELECT t."shopId", 'DAY', t.day, COALESCE(c."shipProvince", ''), count(*)
          FROM analytics_orders t JOIN "GiftClaim" c ON c."giftId" = t."giftId" AND ${ACCEPTED_CLAIM_SQL("c")}
         GROUP BY 1, 3, 4`);
      await tx.$executeRawUnsafe(`
        INSERT INTO "AnalyticsAcceptDelay" ("shopId", grain, day, minutes, claims)
        SELECT t."shopId", 'DAY', t.day, ${BUCKET_SQL("m.m")}, count(*)
          FROM analytics_orders t
          JOIN "GiftClaim" c ON c."giftId" = t."giftId" AND ${ACCEPTED_CLAIM_SQL("c")}
          CROSS JOIN LATERAL (SELECT GREATEST(0, floor(extract(epoch FROM c."acceptedAt" - t."paidAt") / 60))::int AS m) m
         GROUP BY 1, 3, 4`);

      // The months those days are in: summed again from their DAY rows.
      const monthShops = months.map((m) => m.shopId);
      const monthDays = months.map((m) => m.month);
      const monthList = `unnest($1::text[], $2::timestamp[]) AS m("shopId", month)`;
      for (const { table, keys, sums } of ROLLUPS) {
        await tx.$executeRawUnsafe(
          `DELETE FROM ${q(table)} a USING ${monthList} WHERE a."shopId" = m."shopId" AND a.grain = 'MONTH' AND a.day = m.month`,
          monthShops,
          monthDays,
        );
        const keyCols = keys.map((k) => `a.${q(k)}`).join(", ");
        await tx.$executeRawUnsafe(
          `INSERT INTO ${q(table)} ("shopId", grain, day, ${keys.map(q).join(", ")}, ${sums.map(q).join(", ")})
           SELECT m."shopId", 'MONTH', m.month, ${keyCols}, ${sums.map((c) => `sum(a.${q(c)})`).join(", ")}
             FROM ${monthList}
             JOIN ${q(table)} a ON a."shopId" = m."shopId" AND a.grain = 'DAY' AND a.day >= m.month AND a.day < m.month + interval '1 month'
            GROUP BY m."shopId", m.month, ${keyCols}`,
          monthShops,
          monthDays,
        );
      }
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
