// The SQL the analytics page runs. Every query reads the rollups (refresh.ts) through their
// primary keys (shopId, grain, day, ...): the whole months of a range from MONTH rows, the
// days around them from DAY rows. So two years cost 24 month rows and up to 60 day rows per
// shop and dimension value, never the orders themselves. Money is fen.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { OrderKind } from "@/lib/db/generated/enums";
import { addDays, eachDay } from "./days";
import type { AnalyticsScope } from "./scope";

/** The part of a scope the queries need. */
export type QueryScope = Pick<AnalyticsScope, "shopIds" | "from" | "to">;

export type KindTotals = {
  orders: number;
  units: number;
  /** Paid, before refunds. */
  salesAmount: number;
  refundAmount: number;
  /** Paid minus refunded. */
  netAmount: number;
};

export type GiftOutcomes = {
  gifts: number;
  /** Units sent as gifts. */
  units: number;
  accepted: number;
  declined: number;
  expired: number;
  waiting: number;
};

/** Orders of each kind with at least one after-sales request (withdrawn ones included). */
export type AfterSaleOrders = { gift: number; self: number };

export type Summary = { gift: KindTotals; self: KindTotals; outcomes: GiftOutcomes; afterSales: AfterSaleOrders };

/** A range of days as the whole months inside it and the days before and after them. */
export function splitRange(from: string, to: string): { months: { from: string; to: string } | null; days: [string, string][] } {
  const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
  const nextMonth = (d: string) => monthStart(addDays(monthStart(d), 32));
  const firstFull = from.endsWith("-01") ? from : nextMonth(from);
  // The day after the last whole month.
  const afterFull = monthStart(addDays(to, 1));
  if (firstFull >= afterFull) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, addDays(firstFull, -1)]);
  if (afterFull <= to) days.push([afterFull, to]);
  return { months: { from: firstFull, to: afterFull }, days };
}

/** WHERE for the scope's shops and days, on any rollup table. */
function inScope(s: QueryScope): Prisma.Sql {
  const { months, days } = splitRange(s.from, s.to);
  const parts: Prisma.Sql[] = [];
  if (months) parts.push(Prisma.sql`(grain = 'MONTH' AND day >= ${months.from}::timestamp AND day < ${months.to}::timestamp)`);
  for (const [a, b] of days) parts.push(Prisma.sql`(grain = 'DAY' AND day >= ${a}::timestamp AND day <= ${b}::timestamp)`);
  return Prisma.sql`"shopId" = ANY(${s.shopIds}::text[]) AND (${Prisma.join(parts, " OR ")})`;
}

const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

const emptyTotals = (): KindTotals => ({ orders: 0, units: 0, salesAmount: 0, refundAmount: 0, netAmount: 0 });

/** Orders, units and money per kind, and what became of the gifts' units. */
export async function querySummary(db: Db, s: QueryScope): Promise<Summary> {
  const rows = await db.$queryRaw<
    {
      kind: OrderKind;
      orders: bigint;
      units: bigint;
      sales: bigint;
      refunds: bigint;
      gifts: bigint;
      giftUnits: bigint;
      accepted: bigint;
      declined: bigint;
      expired: bigint;
      waiting: bigint;
      afterSale: bigint;
    }[]
  >`
    SELECT kind, sum(orders)::bigint AS orders, sum(units)::bigint AS units, sum("salesAmount")::bigint AS sales,
           sum("refundAmount")::bigint AS refunds, sum(gifts)::bigint AS gifts, sum("giftUnits")::bigint AS "giftUnits",
           sum("unitsAccepted")::bigint AS accepted, sum("unitsDeclined")::bigint AS declined,
           sum("unitsExpired")::bigint AS expired, sum("unitsWaiting")::bigint AS waiting,
           sum("afterSaleOrders")::bigint AS "afterSale"
      FROM "AnalyticsDay"
     WHERE ${inScope(s)}
     GROUP BY kind`;
  const out: Summary = {
    gift: emptyTotals(),
    self: emptyTotals(),
    outcomes: { gifts: 0, units: 0, accepted: 0, declined: 0, expired: 0, waiting: 0 },
    afterSales: { gift: 0, self: 0 },
  };
  for (const r of rows) {
    const totals = { orders: num(r.orders), units: num(r.units), salesAmount: num(r.sales), refundAmount: num(r.refunds), netAmount: num(r.sales) - num(r.refunds) };
    out.afterSales[r.kind === "GIFT" ? "gift" : "self"] = num(r.afterSale);
    if (r.kind === "GIFT") {
      out.gift = totals;
      out.outcomes = { gifts: num(r.gifts), units: num(r.giftUnits), accepted: num(r.accepted), declined: num(r.declined), expired: num(r.expired), waiting: num(r.waiting) };
    } else out.self = totals;
  }
  return out;
}

/**
 * The lower median of minutes from payment to acceptance over every accepted unit, to the
 * resolution the rollup keeps (acceptDelayBucket); null when nothing was accepted.
 */
export async function queryMedianAcceptMinutes(db: Db, s: QueryScope): Promise<{ minutes: number | null; accepted: number }> {
  const rows = await db.$queryRaw<{ minutes: number | null; total: bigint | null }[]>`
    WITH b AS (
      SELECT minutes, sum(claims) AS n FROM "AnalyticsAcceptDelay"
       WHERE ${inScope(s)}
       GROUP BY minutes),
    c AS (SELECT minutes, sum(n) OVER (ORDER BY minutes) AS cum, sum(n) OVER () AS total FROM b)
    SELECT minutes, total::bigint AS total FROM c WHERE cum * 2 >= total ORDER BY minutes LIMIT 1`;
  const r = rows[0];
  return { minutes: r?.minutes ?? null, accepted: num(r?.total) };
}

export type TrendDay = { day: string; gift: KindTotals; self: KindTotals };

/** Per Asia/Shanghai day of the range (every day, zeros included), gift and self sales. */
export async function queryTrend(db: Db, s: QueryScope): Promise<TrendDay[]> {
  type Row = { day: string } & Record<`${"g" | "s"}${"Orders" | "Units" | "Sales" | "Refunds"}`, bigint>;
  const col = (kind: "GIFT" | "SELF", column: string) => Prisma.raw(`COALESCE(sum("${column}") FILTER (WHERE kind = '${kind}'), 0)::bigint`);
  const rows = await db.$queryRaw<Row[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day,
           ${col("GIFT", "orders")} AS "gOrders", ${col("GIFT", "units")} AS "gUnits",
           ${col("GIFT", "salesAmount")} AS "gSales", ${col("GIFT", "refundAmount")} AS "gRefunds",
           ${col("SELF", "orders")} AS "sOrders", ${col("SELF", "units")} AS "sUnits",
           ${col("SELF", "salesAmount")} AS "sSales", ${col("SELF", "refundAmount")} AS "sRefunds"
      FROM "AnalyticsDay"
     WHERE "shopId" = ANY(${s.shopIds}::text[]) AND grain = 'DAY' AND day >= ${s.from}::timestamp AND day <= ${s.to}::timestamp
     GROUP BY day`;
  const totals = (orders: bigint, units: bigint, sales: bigint, refunds: bigint): KindTotals => ({
    orders: num(orders),
    units: num(units),
    salesAmount: num(sales),
    refundAmount: num(refunds),
    netAmount: num(sales) - num(refunds),
  });
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return eachDay(s.from, s.to).map((day) => {
    const r = byDay.get(day);
    return r
      ? { day, gift: totals(r.gOrders, r.gUnits, r.gSales, r.gRefunds), self: totals(r.sOrders, r.sUnits, r.sSales, r.sRefunds) }
      : { day, gift: emptyTotals(), self: emptyTotals() };
  });
}

export type ProvinceRow = { province: string; recipients: number };

/** Accepted gift units by the recipient's province (as written on parcels); "" for vouchers. */
export async function queryProvinces(db: Db, s: QueryScope): Promise<ProvinceRow[]> {
  const rows = await db.$queryRaw<{ province: string; recipients: bigint }[]>`
    SELECT province, sum(recipients)::bigint AS recipients FROM "AnalyticsProvinceDay"
     WHERE ${inScope(s)}
     GROUP BY province ORDER BY recipients DESC, province`;
  return rows.map((r) => ({ province: r.province, recipients: num(r.recipients) }));
}

export type ProductRow = {
  productId: string;
  title: string;
  categorySlug: string;
  giftOrders: number;
  giftUnits: number;
  giftNet: number;
  selfUnits: number;
  selfNet: number;
};

export const TOP_PRODUCTS = 10;

/** The most gifted products (by units sent as gifts), with their own sales beside them. */
export async function queryTopProducts(db: Db, s: QueryScope, limit = TOP_PRODUCTS): Promise<ProductRow[]> {
  const rows = await db.$queryRaw<
    { productId: string; title: string | null; categorySlug: string | null; giftOrders: bigint; giftUnits: bigint; giftNet: bigint; selfUnits: bigint; selfNet: bigint }[]
  >`
    WITH p AS (
      SELECT "productId",
             COALESCE(sum(orders) FILTER (WHERE kind = 'GIFT'), 0) AS "giftOrders",
             COALESCE(sum(units) FILTER (WHERE kind = 'GIFT'), 0) AS "giftUnits",
             COALESCE(sum("salesAmount" - "refundAmount") FILTER (WHERE kind = 'GIFT'), 0) AS "giftNet",
             COALESCE(sum(units) FILTER (WHERE kind = 'SELF'), 0) AS "selfUnits",
             COALESCE(sum("salesAmount" - "refundAmount") FILTER (WHERE kind = 'SELF'), 0) AS "selfNet"
        FROM "AnalyticsProductDay"
       WHERE ${inScope(s)}
       GROUP BY "productId")
    SELECT p."productId", pr.title, c.slug AS "categorySlug", p."giftOrders"::bigint, p."giftUnits"::bigint,
           p."giftNet"::bigint, p."selfUnits"::bigint, p."selfNet"::bigint
      FROM p
      LEFT JOIN "Product" pr ON pr.id = p."productId"
      LEFT JOIN "Category" c ON c.id = pr."categoryId"
     WHERE p."giftUnits" > 0
     ORDER BY p."giftUnits" DESC, p."giftNet" DESC, pr.title
     LIMIT ${limit}`;
  return rows.map((r) => ({
    productId: r.productId,
    title: r.title ?? "",
    categorySlug: r.categorySlug ?? "",
    giftOrders: num(r.giftOrders),
    giftUnits: num(r.giftUnits),
    giftNet: num(r.giftNet),
    selfUnits: num(r.selfUnits),
    selfNet: num(r.selfNet),
  }));
}

export type CategoryRow = { categorySlug: string; giftOrders: number; giftUnits: number; giftNet: number; selfNet: number };

/** Gift sales per category (the product's category today), most gifted first. */
export async function queryCategories(db: Db, s: QueryScope): Promise<CategoryRow[]> {
  const rows = await db.$queryRaw<{ categorySlug: string; giftOrders: bigint; giftUnits: bigint; giftNet: bigint; selfNet: bigint }[]>`
    WITH p AS (
      SELECT "productId", kind, sum(orders) AS orders, sum(units) AS units, sum("salesAmount" - "refundAmount") AS net
        FROM "AnalyticsProductDay"
       WHERE ${inScope(s)}
       GROUP BY "productId", kind)
    SELECT c.slug AS "categorySlug",
           COALESCE(sum(p.orders) FILTER (WHERE p.kind = 'GIFT'), 0)::bigint AS "giftOrders",
           COALESCE(sum(p.units) FILTER (WHERE p.kind = 'GIFT'), 0)::bigint AS "giftUnits",
           COALESCE(sum(p.net) FILTER (WHERE p.kind = 'GIFT'), 0)::bigint AS "giftNet",
           COALESCE(sum(p.net) FILTER (WHERE p.kind = 'SELF'), 0)::bigint AS "selfNet"
      FROM p JOIN "Product" pr ON pr.id = p."productId" JOIN "Category" c ON c.id = pr."categoryId"
     GROUP BY c.slug
    HAVING COALESCE(sum(p.units) FILTER (WHERE p.kind = 'GIFT'), 0) > 0
     ORDER BY 3 DESC, 4 DESC, 1`;
  return rows.map((r) => ({ categorySlug: r.categorySlug, giftOrders: num(r.giftOrders), giftUnits: num(r.giftUnits), giftNet: num(r.giftNet), selfNet: num(r.selfNet) }));
}

export type HourRow = { hour: number; giftOrders: number; selfOrders: number; giftSales: number };

/** Orders by Asia/Shanghai hour of payment, all 24 hours. */
export async function queryHours(db: Db, s: QueryScope): Promise<HourRow[]> {
  const rows = await db.$queryRaw<{ hour: number; kind: OrderKind; orders: bigint; sales: bigint }[]>`
    SELECT hour, kind, sum(orders)::bigint AS orders, sum("salesAmount")::bigint AS sales FROM "AnalyticsHourDay"
     WHERE ${inScope(s)}
     GROUP BY hour, kind`;
  const hours: HourRow[] = Array.from({ length: 24 }, (_, hour) => ({ hour, giftOrders: 0, selfOrders: 0, giftSales: 0 }));
  for (const r of rows) {
    const h = hours[r.hour];
    if (!h) continue;
    if (r.kind === "GIFT") {
      h.giftOrders = num(r.orders);
      h.giftSales = num(r.sales);
    } else h.selfOrders = num(r.orders);
  }
  return hours;
}
