// Merchant analytics against a real database: the figures of a small, hand-counted set of
// orders (refunds, declines, expiries, a group gift, a voucher, orders either side of
// midnight in Shanghai), who may see what, and the CSV. analytics-refresh.test.ts covers
// what later runs of the refresh pick up.
import { beforeAll, describe, expect, it } from "vitest";
import { csvChunks, exportOrderRows, type CsvLabels } from "../../lib/analytics/csv.ts";
import { headlineFigures, loadHeadline } from "../../lib/analytics/figures.ts";
import {
  queryCategories,
  queryHours,
  queryMedianAcceptMinutes,
  queryProvinces,
  querySummary,
  queryTopProducts,
  queryTrend,
  type QueryScope,
} from "../../lib/analytics/queries.ts";
import { analyticsAsOf, refreshAnalytics } from "../../lib/analytics/refresh.ts";
import { resolveAnalyticsScope } from "../../lib/analytics/scope.ts";
import type { Db } from "../../lib/db/client.ts";
import type { OrderStatus } from "../../lib/db/generated/enums.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { makeFriendsWithThread, makeUser } from "../setup/fixtures.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { afterSaleOf, giftOf, paidOrder, productIn, refundOf, shopOf, type Product } from "./analytics-fixtures.ts";

const t = useTestDatabase();
// The clock of the hand-counted scene: 12:00 on 21 November in Shanghai.
const NOW = new Date("2026-11-21T04:00:00Z");
const at = (iso: string) => new Date(iso);

/**
 * Shop 1 (counted by hand below), shop 2 of the same merchant, and a shop of another
 * merchant whose orders must never show.
 */
async function handCountedScene(db: Db) {
  const merchant = await makeUser(db, "Merchant");
  const other = await makeUser(db, "Other merchant");
  const buyer = await makeUser(db, "Buyer");
  const friend = await makeUser(db, "Friend");
  const thread = await makeFriendsWithThread(db, buyer, friend);
  const shop1 = await shopOf(db, merchant, "Tea House");
  const shop2 = await shopOf(db, merchant, "Second Shop");
  const shop3 = await shopOf(db, other, "Not Yours");
  const tea = await productIn(db, shop1, "Longjing 龙井", "tea", 10000);
  const sweets = await productIn(db, shop1, "Mooncakes 月饼", "snacks", 2500);
  const tea2 = await productIn(db, shop2, "Pu'er 普洱", "tea", 5000);
  const foreign = await productIn(db, shop3, "Foreign", "tea", 9900);
  const gift = (product: Product, paidAt: string, quantity = 1, status?: OrderStatus) =>
    paidOrder(db, { buyer, product, kind: "GIFT", paidAt: at(paidAt), quantity, status });

  // 1. Self, 2 × ¥100, 23:59:59 on 20 Nov in Shanghai.
  await paidOrder(db, { buyer, product: tea, kind: "SELF", paidAt: at("2026-11-20T15:59:59Z"), quantity: 2, province: "广东省" });
  // 2. Self, ¥25, one second later: 00:00 on 21 Nov. Sold out, refunded in full.
  const o2 = await paidOrder(db, { buyer, product: sweets, kind: "SELF", paidAt: at("2026-11-20T16:00:00Z"), status: "REFUNDED", province: "广东省" });
  await refundOf(db, o2, 2500, "soldOut");
  // …and its buyer asked for after-sales too (the order's only request; 1 of 2 self orders).
  await afterSaleOf(db, o2, buyer);
  // 3. Gift ¥100 at 10:00 on 19 Nov, accepted after 30 minutes in 浙江省.
  const o3 = await gift(tea, "2026-11-19T02:00:00Z");
  await giftOf(db, o3, { status: "ACCEPTED", thread, recipient: friend, claims: [{ after: 30, province: "浙江省" }] });
  // Its recipient asked for after-sales twice: still one order with a request.
  await afterSaleOf(db, o3, friend);
  await afterSaleOf(db, o3, friend);
  // 4. Gift ¥100 at 11:00 on 19 Nov, declined and refunded.
  const o4 = await gift(tea, "2026-11-19T03:00:00Z", 1, "REFUNDED");
  await giftOf(db, o4, { status: "DECLINED", thread, recipient: friend });
  await refundOf(db, o4, 10000, "giftDeclined");
  // 5. Gift ¥25 at 20:00 on 18 Nov, nobody accepted: expired and refunded.
  const o5 = await gift(sweets, "2026-11-18T12:00:00Z", 1, "REFUNDED");
  await giftOf(db, o5, { status: "EXPIRED", thread, recipient: friend });
  await refundOf(db, o5, 2500, "giftExpired");
  // 6. Group gift of 4 × ¥25 at 20:00 on 19 Nov: three taken (5 min, 10 min, 24 h 5 min), one refunded.
  const o6 = await gift(sweets, "2026-11-19T12:00:00Z", 4);
  await giftOf(db, o6, {
    status: "EXPIRED",
    thread,
    claims: [
      { after: 5, province: "北京市" },
      { after: 1445, province: "广东省" },
      { after: 10, province: "浙江省" },
    ],
  });
  await refundOf(db, o6, 2500, "giftExpired");
  // 7. Gift ¥100 at 09:00 on 21 Nov, still waiting (21 hours left).
  const o7 = await gift(tea, "2026-11-21T01:00:00Z");
  await giftOf(db, o7, { status: "WAITING", thread, recipient: friend });
  // 8. Gift ¥25 at 10:00 on 20 Nov, waiting past its 24 hours: expired, though the job has not run.
  const o8 = await gift(sweets, "2026-11-20T02:00:00Z");
  await giftOf(db, o8, { status: "WAITING", thread, recipient: friend });
  // 9. Gift ¥25 at 14:00 on 20 Nov, accepted as a voucher (no address) after 2 h 37 min.
  const o9 = await gift(sweets, "2026-11-20T06:00:00Z");
  await giftOf(db, o9, { status: "ACCEPTED", thread, recipient: friend, claims: [{ after: 157, province: null }] });
  // 12. Lottery of 3 × ¥25 at 12:00 on 19 Nov: two winners drawn (the third unit refunded at
  //     the draw); one accepted after 25 hours in 江苏省, the other may still accept.
  const o12 = await gift(sweets, "2026-11-19T04:00:00Z", 3);
  await giftOf(db, o12, {
    status: "DRAWN",
    mode: "LOTTERY",
    thread,
    expiresAt: at("2026-11-21T10:00:00Z"),
    claims: [
      { after: 1500, province: "江苏省" },
      { after: 1440, province: null, state: "WON" },
    ],
  });
  await refundOf(db, o12, 2500, "lotteryUnwon");
  // 13. Lottery of 2 × ¥25 at 12:00 on 18 Nov: one winner accepted after 10 hours in 四川省,
  //     the other never did (forfeited, refunded).
  const o13 = await gift(sweets, "2026-11-18T04:00:00Z", 2);
  await giftOf(db, o13, {
    status: "EXPIRED",
    mode: "LOTTERY",
    thread,
    claims: [
      { after: 600, province: "四川省" },
      { after: 300, province: null, state: "FORFEITED" },
    ],
  });
  await refundOf(db, o13, 2500, "giftExpired");
  // Never paid: not counted anywhere.
  await paidOrder(db, { buyer, product: tea, kind: "GIFT", paidAt: null });
  await paidOrder(db, { buyer, product: tea, kind: "SELF", paidAt: null, status: "CANCELLED" });

  // Shop 2: a gift accepted after an hour in 上海市.
  const o10 = await paidOrder(db, { buyer, product: tea2, kind: "GIFT", paidAt: at("2026-11-20T08:00:00Z") });
  await giftOf(db, o10, { status: "ACCEPTED", thread, recipient: friend, claims: [{ after: 60, province: "上海市" }] });
  // Another merchant's shop.
  const o11 = await paidOrder(db, { buyer, product: foreign, kind: "GIFT", paidAt: at("2026-11-20T08:00:00Z") });
  await giftOf(db, o11, { status: "ACCEPTED", thread, recipient: friend, claims: [{ after: 1, province: "西藏自治区" }] });

  // A month earlier: self orders either side of 1 October and at the end of October.
  await paidOrder(db, { buyer, product: sweets, kind: "SELF", paidAt: at("2026-09-30T15:59:59Z") }); // 30 Sep 23:59:59
  await paidOrder(db, { buyer, product: tea, kind: "SELF", paidAt: at("2026-09-30T16:00:00Z") }); // 1 Oct 00:00
  await paidOrder(db, { buyer, product: sweets, kind: "SELF", paidAt: at("2026-10-31T15:59:59Z") }); // 31 Oct 23:59:59

  return { merchant, other, buyer, shop1, shop2, shop3, tea, sweets, tea2 };
}

describe("figures of a hand-counted shop", () => {
  let scene: Awaited<ReturnType<typeof handCountedScene>>;
  let firstRun: { asOfBefore: Date | null; result: Awaited<ReturnType<typeof refreshAnalytics>> };
  const s1 = (from: string, to: string): QueryScope => ({ shopIds: [scene.shop1.id], from, to });

  beforeAll(async () => {
    scene = await handCountedScene(t.db);
    const asOfBefore = await analyticsAsOf(t.db);
    firstRun = { asOfBefore, result: await refreshAnalytics(t.db, { now: NOW }) };
  });

  it("counts every day with a paid order on the first run, as of when it ran", async () => {
    expect(firstRun.asOfBefore).toBeNull();
    // Shop 1: 30 Sep, 1 Oct, 31 Oct, 18–21 Nov; shops 2 and 3: 20 Nov.
    expect(firstRun.result).toMatchObject({ outcome: "refreshed", full: true, days: 9 });
    expect(await analyticsAsOf(t.db)).toEqual(NOW);
  });

  it("counts orders, units and money per kind, net of every refund", async () => {
    const summary = await querySummary(t.db, s1("2026-11-18", "2026-11-21"));
    expect(summary.self).toEqual({ orders: 2, units: 3, salesAmount: 22500, refundAmount: 2500, netAmount: 20000 });
    expect(summary.gift).toEqual({ orders: 9, units: 15, salesAmount: 60000, refundAmount: 20000, netAmount: 40000 });
    // Units: 7 accepted (1 + 3 of the group + the voucher + one per lottery), 1 declined,
    // 5 expired (one single, the group's untaken unit, the one past its 24 hours, the unit
    // no lottery entrant won, the forfeited win), 2 waiting (the single gift of today and
    // the winner who may still accept).
    expect(summary.outcomes).toEqual({ gifts: 9, units: 15, accepted: 7, declined: 1, expired: 5, waiting: 2 });
    // Orders with an after-sales request: order 3 (gift, two requests) and order 2 (self).
    expect(summary.afterSales).toEqual({ gift: 1, self: 1 });
  });

  it("gives the headline rates, share and median acceptance time", async () => {
    const figures = headlineFigures(await loadHeadline(t.db, s1("2026-11-18", "2026-11-21")));
    const f = Object.fromEntries(figures.map((x) => [x.key, x]));
    expect(f.giftOrders).toMatchObject({ value: { type: "count", value: 9 }, note: { value: { type: "money", value: 40000 } } });
    expect(f.selfOrders).toMatchObject({ value: { type: "count", value: 2 }, note: { value: { type: "money", value: 20000 } } });
    expect(f.giftShare).toMatchObject({ value: { numerator: 40000, denominator: 60000 }, note: { value: { numerator: 9, denominator: 11 } } });
    expect(f.units?.value).toEqual({ type: "count", value: 18 });
    expect(f.afterSalesRate).toMatchObject({ value: { type: "ratio", numerator: 2, denominator: 11 }, note: { value: { type: "count", value: 2 } } });
    expect(f.acceptanceRate?.value).toEqual({ type: "ratio", value: 7 / 13, numerator: 7, denominator: 13 });
    expect(f.declineRate?.value).toMatchObject({ numerator: 1, denominator: 13 });
    expect(f.expiryRate?.value).toMatchObject({ numerator: 5, denominator: 13 });
    // Minutes to acceptance of the accepted units: 5, 10, 30, 150 (2 h 37 min, to ten
    // minutes), 600, 1440 (24 h 5 min, to the hour), 1500; never the winner who has not accepted.
    expect(f.medianAcceptTime?.value).toEqual({ type: "minutes", value: 150 });
    expect(await queryMedianAcceptMinutes(t.db, s1("2026-11-18", "2026-11-21"))).toEqual({ minutes: 150, accepted: 7 });
  });

  it("cuts days at midnight in Shanghai, not UTC", async () => {
    const trend = await queryTrend(t.db, s1("2026-11-17", "2026-11-21"));
    expect(trend.map((d) => [d.day, d.gift.orders, d.gift.netAmount, d.self.orders, d.self.netAmount])).toEqual([
      ["2026-11-17", 0, 0, 0, 0],
      ["2026-11-18", 2, 2500, 0, 0],
      ["2026-11-19", 4, 22500, 0, 0],
      ["2026-11-20", 2, 5000, 1, 20000],
      ["2026-11-21", 1, 10000, 1, 0],
    ]);
    expect((await querySummary(t.db, s1("2026-11-21", "2026-11-21"))).self).toMatchObject({ orders: 1, salesAmount: 2500 });
    expect((await querySummary(t.db, s1("2026-11-20", "2026-11-20"))).self).toMatchObject({ orders: 1, salesAmount: 20000 });
  });

  it("counts by the hour of payment in Shanghai", async () => {
    const hours = await queryHours(t.db, s1("2026-11-18", "2026-11-21"));
    expect(hours).toHaveLength(24);
    const gifts = Object.fromEntries(hours.filter((h) => h.giftOrders).map((h) => [h.hour, h.giftOrders]));
    const selfs = Object.fromEntries(hours.filter((h) => h.selfOrders).map((h) => [h.hour, h.selfOrders]));
    expect(gifts).toEqual({ 9: 1, 10: 2, 11: 1, 12: 2, 14: 1, 20: 2 });
    expect(selfs).toEqual({ 0: 1, 23: 1 });
    expect(hours[20]?.giftSales).toBe(12500);
  });

  it("places recipients who accepted by province only, vouchers apart", async () => {
    expect(await queryProvinces(t.db, s1("2026-11-18", "2026-11-21"))).toEqual([
      { province: "浙江省", recipients: 2 },
      { province: "", recipients: 1 },
      { province: "北京市", recipients: 1 },
      { province: "四川省", recipients: 1 },
      { province: "广东省", recipients: 1 },
      { province: "江苏省", recipients: 1 },
    ]);
  });

  it("ranks gifted products and categories", async () => {
    const products = await queryTopProducts(t.db, s1("2026-11-18", "2026-11-21"));
    expect(products.map((p) => [p.title, p.categorySlug, p.giftOrders, p.giftUnits, p.giftNet, p.selfUnits, p.selfNet])).toEqual([
      ["Mooncakes 月饼", "snacks", 6, 12, 20000, 1, 0],
      ["Longjing 龙井", "tea", 3, 3, 20000, 2, 20000],
    ]);
    const categories = await queryCategories(t.db, s1("2026-11-18", "2026-11-21"));
    expect(categories).toEqual([
      { categorySlug: "snacks", giftOrders: 6, giftUnits: 12, giftNet: 20000, selfNet: 0 },
      { categorySlug: "tea", giftOrders: 3, giftUnits: 3, giftNet: 20000, selfNet: 20000 },
    ]);
  });

  it("adds up the merchant's shops, and never another merchant's", async () => {
    const both: QueryScope = { shopIds: [scene.shop1.id, scene.shop2.id], from: "2026-11-18", to: "2026-11-21" };
    const summary = await querySummary(t.db, both);
    expect(summary.gift).toMatchObject({ orders: 10, units: 16, netAmount: 45000 });
    expect(summary.outcomes).toMatchObject({ accepted: 8 });
    // 5, 10, 30, 60, 150, 600, 1440, 1500: the lower median is the 4th.
    expect(await queryMedianAcceptMinutes(t.db, both)).toEqual({ minutes: 60, accepted: 8 });
    const provinces = await queryProvinces(t.db, both);
    expect(provinces.find((p) => p.province === "上海市")).toEqual({ province: "上海市", recipients: 1 });
    expect(provinces.find((p) => p.province === "西藏自治区")).toBeUndefined();

    const scope = await resolveAnalyticsScope(t.db, scene.merchant.id, { range: "custom", from: "2026-11-18", to: "2026-11-21" });
    expect(scope.shopIds.sort()).toEqual([scene.shop1.id, scene.shop2.id].sort());
    expect(scope.shop).toBeNull();
  });

  it("reads whole months from month rows and the days around them, with the same totals", async () => {
    const oct = await querySummary(t.db, s1("2026-10-01", "2026-10-31"));
    expect(oct.self).toMatchObject({ orders: 2, salesAmount: 12500 });
    const wide = await querySummary(t.db, s1("2026-09-30", "2026-11-21"));
    expect(wide.self).toMatchObject({ orders: 5, salesAmount: 22500 + 12500 + 2500 });
    expect(wide.gift).toMatchObject({ orders: 9, salesAmount: 60000 });
    const trend = await queryTrend(t.db, s1("2026-09-30", "2026-11-21"));
    expect(trend).toHaveLength(53);
    expect(trend.reduce((n, d) => n + d.self.orders + d.gift.orders, 0)).toBe(14);
    expect((await queryMedianAcceptMinutes(t.db, s1("2026-09-30", "2026-11-21"))).accepted).toBe(7);
  });

  it("answers another merchant's shop exactly like a missing one", async () => {
    const key = async (p: Promise<unknown>) => p.then(() => "ok").catch((e) => (e instanceof DomainError ? e.key : String(e)));
    expect(await key(resolveAnalyticsScope(t.db, scene.merchant.id, { shop: scene.shop3.id }))).toBe("analytics.errors.shopNotFound");
    expect(await key(resolveAnalyticsScope(t.db, scene.merchant.id, { shop: "no-such-shop" }))).toBe("analytics.errors.shopNotFound");
    expect(await key(resolveAnalyticsScope(t.db, scene.other.id, { shop: scene.shop1.id }))).toBe("analytics.errors.shopNotFound");
    const own = await resolveAnalyticsScope(t.db, scene.merchant.id, { shop: scene.shop1.id, range: "7d" }, NOW);
    expect(own).toMatchObject({ shopIds: [scene.shop1.id], shop: { id: scene.shop1.id, name: "Tea House" }, from: "2026-11-15", to: "2026-11-21", days: 7 });
    // Someone with no shop sees nothing at all.
    expect((await resolveAnalyticsScope(t.db, scene.buyer.id, {})).shopIds).toEqual([]);
  });

  it("exports the orders of the range with provinces only, in payment order, a page at a time", async () => {
    const rows = [];
    for await (const page of exportOrderRows(t.db, s1("2026-11-18", "2026-11-21"), { now: NOW, pageSize: 2 })) rows.push(...page);
    expect(rows.map((r) => [r.paidAt, r.kind, r.status, r.quantity, r.paid, r.refunded, r.giftUnits, r.unitsAccepted, r.provinces.join(";"), r.minutesToAccept])).toEqual([
      ["2026-11-18 12:00:00", "GIFT", "ACCEPTED", 2, 5000, 2500, 2, 1, "四川省", 600],
      ["2026-11-18 20:00:00", "GIFT", "EXPIRED", 1, 2500, 2500, 1, 0, "", null],
      ["2026-11-19 10:00:00", "GIFT", "ACCEPTED", 1, 10000, 0, 1, 1, "浙江省", 30],
      ["2026-11-19 11:00:00", "GIFT", "DECLINED", 1, 10000, 10000, 1, 0, "", null],
      ["2026-11-19 12:00:00", "GIFT", "ACCEPTED", 3, 7500, 2500, 3, 1, "江苏省", 1500],
      ["2026-11-19 20:00:00", "GIFT", "ACCEPTED", 4, 10000, 2500, 4, 3, "北京市;广东省;浙江省", 5],
      ["2026-11-20 10:00:00", "GIFT", "EXPIRED", 1, 2500, 0, 1, 0, "", null],
      ["2026-11-20 14:00:00", "GIFT", "ACCEPTED", 1, 2500, 0, 1, 1, "", 157],
      ["2026-11-20 23:59:59", "SELF", "PAID", 2, 20000, 0, null, null, "广东省", null],
      ["2026-11-21 00:00:00", "SELF", "REFUNDED", 1, 2500, 2500, null, null, "广东省", null],
      ["2026-11-21 09:00:00", "GIFT", "WAITING", 1, 10000, 0, 1, 0, "", null],
    ]);
  });

  it("writes the CSV with escaped fields and nothing finer than a province", async () => {
    await t.db.product.update({ where: { id: scene.tea.id }, data: { title: '=Tea, "Premium"\n龙井' } });
    const labels: CsvLabels = {
      columns: {
        order: "Order",
        shop: "Shop",
        paidAt: "Paid at",
        kind: "Kind",
        status: "Status",
        product: "Product",
        variant: "Variant",
        quantity: "Quantity",
        currency: "Currency",
        paid: "Paid",
        refunded: "Refunded",
        net: "Net",
        giftUnits: "Gift units",
        unitsAccepted: "Units accepted",
        provinces: "Provinces",
        minutesToAccept: "Minutes to accept",
      },
      kind: (k) => (k === "GIFT" ? "Gift" : "Self"),
      status: (s) => s.toLowerCase(),
    };
    let csv = "";
    for await (const chunk of csvChunks(t.db, s1("2026-11-18", "2026-11-21"), labels)) csv += chunk;
    expect(csv.startsWith("\uFEFFOrder,Shop,Paid at,Kind,Status,Product,Variant,Quantity,Currency,Paid,Refunded,Net,Gift units,Units accepted,Provinces,Minutes to accept\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    // Header, 11 orders, and the empty string after the last line break; the title's line break stays inside quotes.
    expect(lines).toHaveLength(13);
    const self = lines.find((l) => l.includes("2026-11-20 23:59:59"))!;
    expect(self).toMatch(/^[a-z0-9]+,Tea House,2026-11-20 23:59:59,Self,paid,"'=Tea, ""Premium""\n龙井",Regular,2,CNY,200\.00,0\.00,200\.00,,,广东省,$/);
    expect(lines.find((l) => l.includes("2026-11-19 20:00:00"))).toMatch(/,Gift,accepted,Mooncakes 月饼,Regular,4,CNY,100\.00,25\.00,75\.00,4,3,北京市;广东省;浙江省,5$/);
    for (const secret of ["张三", "李四", "13800001111", "13900002222", "深圳市", "杭州市", "南山区", "西湖区", "科技园路", "文三路", "Buyer", "Friend"]) {
      expect(csv).not.toContain(secret);
    }
    await t.db.product.update({ where: { id: scene.tea.id }, data: { title: "Longjing 龙井" } });
  });
});
