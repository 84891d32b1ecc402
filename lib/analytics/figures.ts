// The analytics page's figures and the queries behind them, in one list each. The page runs
// every query of ANALYTICS_QUERIES for its scope (in parallel), and `npm run bench:analytics`
// times exactly the same list.
//
// Adding a headline figure is: one query in HEADLINE_SOURCES (or a column of the summary),
// one entry in headlineFigures, and its label in the analytics messages.
import type { Db } from "@/lib/db/client";
import {
  queryCategories,
  queryHours,
  queryMedianAcceptMinutes,
  queryProvinces,
  querySummary,
  queryTopProducts,
  queryTrend,
  type QueryScope,
} from "./queries";

type Query = (db: Db, s: QueryScope) => Promise<unknown>;

/** The queries behind the headline figures. */
export const HEADLINE_SOURCES = {
  summary: querySummary,
  acceptTime: queryMedianAcceptMinutes,
} satisfies Record<string, Query>;

/** The queries behind the charts (each also shown as a table). */
export const CHART_SOURCES = {
  trend: queryTrend,
  provinces: queryProvinces,
  products: queryTopProducts,
  categories: queryCategories,
  hours: queryHours,
} satisfies Record<string, Query>;

/** Every query the page runs, by name. */
export const ANALYTICS_QUERIES: Record<string, Query> = { ...HEADLINE_SOURCES, ...CHART_SOURCES };

type Loaded<T extends Record<string, Query>> = { [K in keyof T]: Awaited<ReturnType<T[K]>> };
export type HeadlineData = Loaded<typeof HEADLINE_SOURCES>;

async function loadAll<T extends Record<string, Query>>(sources: T, db: Db, s: QueryScope): Promise<Loaded<T>> {
  const entries = await Promise.all(Object.entries(sources).map(async ([name, run]) => [name, await run(db, s)] as const));
  return Object.fromEntries(entries) as Loaded<T>;
}

export function loadHeadline(db: Db, s: QueryScope): Promise<HeadlineData> {
  return loadAll(HEADLINE_SOURCES, db, s);
}

export type FigureValue =
  | { type: "count"; value: number }
  /** fen */
  | { type: "money"; value: number }
  /** null when the denominator is 0: nothing to compare against, not 0 %. */
  | { type: "ratio"; value: number | null; numerator: number; denominator: number }
  | { type: "minutes"; value: number | null };

export type FigureKey =
  | "giftOrders"
  | "selfOrders"
  | "giftShare"
  | "units"
  | "acceptanceRate"
  | "declineRate"
  | "expiryRate"
  | "medianAcceptTime"
  | "afterSalesRate";

/** A figure, and a smaller one that qualifies it (the labels are analytics.figures.<key>). */
export type Figure = { key: FigureKey; value: FigureValue; note?: { key: string; value: FigureValue } };

const count = (value: number): FigureValue => ({ type: "count", value });
const money = (value: number): FigureValue => ({ type: "money", value });
const ratio = (numerator: number, denominator: number): FigureValue => ({
  type: "ratio",
  value: denominator > 0 ? numerator / denominator : null,
  numerator,
  denominator,
});

/**
 * The headline, in the order the page shows it. Rates are per gift unit (a group gift of
 * five counts five) over the units whose fate is known: accepted, declined, or expired
 * untaken and refunded; units still waiting are left out until they are settled. The
 * after-sales rate is per paid order: orders with at least one after-sales request.
 */
export function headlineFigures({ summary, acceptTime }: HeadlineData): Figure[] {
  const { gift, self, outcomes, afterSales } = summary;
  const settled = outcomes.accepted + outcomes.declined + outcomes.expired;
  return [
    { key: "giftOrders", value: count(gift.orders), note: { key: "netSales", value: money(gift.netAmount) } },
    { key: "selfOrders", value: count(self.orders), note: { key: "netSales", value: money(self.netAmount) } },
    { key: "giftShare", value: ratio(gift.netAmount, gift.netAmount + self.netAmount), note: { key: "ofOrders", value: ratio(gift.orders, gift.orders + self.orders) } },
    { key: "units", value: count(gift.units + self.units), note: { key: "giftUnits", value: count(gift.units) } },
    { key: "acceptanceRate", value: ratio(outcomes.accepted, settled), note: { key: "waitingUnits", value: count(outcomes.waiting) } },
    { key: "declineRate", value: ratio(outcomes.declined, settled), note: { key: "unitsOf", value: count(outcomes.declined) } },
    { key: "expiryRate", value: ratio(outcomes.expired, settled), note: { key: "unitsOf", value: count(outcomes.expired) } },
    { key: "medianAcceptTime", value: { type: "minutes", value: acceptTime.minutes }, note: { key: "acceptedUnits", value: count(acceptTime.accepted) } },
    {
      key: "afterSalesRate",
      value: ratio(afterSales.gift + afterSales.self, gift.orders + self.orders),
      note: { key: "afterSaleOrders", value: count(afterSales.gift + afterSales.self) },
    },
  ];
}
