// What later runs of the analytics refresh pick up: gifts accepted and declined through the
// real services, a refund long after the sale, new payments; and that only one run works at
// a time. A file of its own, so the days a run recomputes are exactly this scene's.
import { describe, expect, it } from "vitest";
import { querySummary, queryProvinces } from "../../lib/analytics/queries.ts";
import { refreshAnalytics } from "../../lib/analytics/refresh.ts";
import { resolveAnalyticsScope } from "../../lib/analytics/scope.ts";
import { acceptGift } from "../../lib/gifting/accept.ts";
import { declineGift } from "../../lib/gifting/decline.ts";
import { recordRefund } from "../../lib/payments/refunds.ts";
import { makeFriendsWithThread, makeUser, SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { afterSaleOf, giftOf, HOUR, MIN, paidOrder, productIn, shopOf } from "./analytics-fixtures.ts";

const t = useTestDatabase();

describe("keeping up with what happens", () => {
  it("picks up accepts, declines, late refunds and new payments on the next run, and only re-reads what may have changed", async () => {
    const merchant = await makeUser(t.db, "Merchant");
    const sender = await makeUser(t.db, "Sender");
    const recipient = await makeUser(t.db, "Recipient");
    const thread = await makeFriendsWithThread(t.db, sender, recipient);
    const shop = await shopOf(t.db, merchant);
    const product = await productIn(t.db, shop, "Tea", "tea", 10000);
    const now = Date.now();
    const scope = async () => resolveAnalyticsScope(t.db, merchant.id, { range: "90d" });

    // Paid 40 days ago, long settled; a gift paid an hour ago; a gift paid three days ago that
    // is still open (as a lottery waiting for its draw would be).
    const old = await paidOrder(t.db, { buyer: sender, product, kind: "SELF", paidAt: new Date(now - 40 * 24 * HOUR), status: "DELIVERED" });
    const recentOrder = await paidOrder(t.db, { buyer: sender, product, kind: "GIFT", paidAt: new Date(now - HOUR) });
    const recent = await giftOf(t.db, recentOrder, { status: "WAITING", thread, recipient });
    const longOpenOrder = await paidOrder(t.db, { buyer: sender, product, kind: "GIFT", paidAt: new Date(now - 72 * HOUR) });
    const longOpen = await giftOf(t.db, longOpenOrder, { status: "WAITING", thread, recipient, expiresAt: new Date(now + HOUR) });

    const fullRun = await refreshAnalytics(t.db, { full: true });
    let summary = await querySummary(t.db, await scope());
    expect(summary.self).toMatchObject({ orders: 1, netAmount: 10000 });
    expect(summary.outcomes).toMatchObject({ accepted: 0, declined: 0, waiting: 2 });

    // Through the real services: one accepted, one declined (refunded), and a refund long
    // after the sale (as after-sales records one).
    await acceptGift(t.db, recipient.id, { giftId: recent.id, shipping: SAMPLE_ADDRESS });
    await declineGift(t.db, recipient.id, { giftId: longOpen.id });
    await t.db.$transaction((tx) => recordRefund(tx, { orderId: old.id, amount: 4000, reason: "afterSale", key: `test:${old.id}` }));

    const run = await refreshAnalytics(t.db);
    expect(run).toMatchObject({ outcome: "refreshed", full: false });
    // The accepted gift's day, the long-open gift's day and the refunded order's day.
    expect(fullRun.days).toBe(3);
    expect(run.days).toBe(3);
    summary = await querySummary(t.db, await scope());
    expect(summary.self).toMatchObject({ orders: 1, salesAmount: 10000, refundAmount: 4000, netAmount: 6000 });
    expect(summary.outcomes).toMatchObject({ accepted: 1, declined: 1, waiting: 0 });
    expect(summary.gift).toMatchObject({ orders: 2, refundAmount: 10000, netAmount: 10000 });
    expect(await queryProvinces(t.db, await scope())).toEqual([{ province: SAMPLE_ADDRESS.province, recipients: 1 }]);

    // A new payment is there on the next run.
    await paidOrder(t.db, { buyer: sender, product, kind: "SELF", paidAt: new Date() });
    await refreshAnalytics(t.db);
    expect((await querySummary(t.db, await scope())).self).toMatchObject({ orders: 2 });

    // An after-sales request on the 40-day-old order: its day is read again on the next run.
    expect((await querySummary(t.db, await scope())).afterSales).toEqual({ gift: 0, self: 0 });
    await afterSaleOf(t.db, old, sender);
    const afterSaleRun = await refreshAnalytics(t.db);
    expect(afterSaleRun.days).toBeGreaterThanOrEqual(1);
    expect((await querySummary(t.db, await scope())).afterSales).toEqual({ gift: 0, self: 1 });
  });

  it("lets one run at a time hold the lease; a lease left by a dead worker runs out", async () => {
    await refreshAnalytics(t.db);
    const soon = new Date(Date.now() + 5 * MIN);
    await t.db.analyticsRefresh.update({ where: { id: 1 }, data: { leaseUntil: soon } });
    expect(await refreshAnalytics(t.db)).toMatchObject({ outcome: "busy" });
    expect(await refreshAnalytics(t.db, { now: new Date(soon.getTime() + MIN) })).toMatchObject({ outcome: "refreshed" });
    expect((await t.db.analyticsRefresh.findUniqueOrThrow({ where: { id: 1 } })).leaseUntil).toBeNull();
  });
});
