// A buyer's own (self) order, tracked like a received gift: its timeline, confirming
// receipt, its voucher codes and its after-sales requests (/orders/<id>).
import { readParcelFacts } from "@/lib/after-sales/parcel";
import { afterSaleEligibility } from "@/lib/after-sales/rules";
import type { Db } from "@/lib/db/client";
import {
  afterSaleSelect,
  afterSaleView,
  autoConfirmAt,
  byTime,
  parcelEvents,
  shipmentSelect,
  shipmentView,
  voucherSelect,
  voucherView,
  type TimelineEvent,
  type VoucherView,
} from "./parcel";
import type { AfterSalePanel } from "./gifts";

export type OwnOrderTracking = {
  orderId: string;
  events: TimelineEvent[];
  vouchers: VoucherView[];
  receipt: { canConfirm: boolean; autoConfirmAt: Date | null };
  afterSale: AfterSalePanel | null;
};

/** The tracking of one of the user's self orders; null for anyone else's or a gift order. */
export async function getOwnOrderTracking(db: Db, userId: string, orderId: string, now: Date = new Date()): Promise<OwnOrderTracking | null> {
  const o = await db.order.findFirst({
    where: { id: orderId, buyerId: userId, kind: "SELF" },
    select: {
      id: true,
      status: true,
      paidAt: true,
      totalAmount: true,
      unitAmount: true,
      currency: true,
      product: { select: { kind: true } },
      shipments: { orderBy: { shippedAt: "asc" }, select: shipmentSelect },
      vouchers: { orderBy: { createdAt: "asc" }, select: voucherSelect },
      afterSales: { orderBy: { createdAt: "asc" }, select: afterSaleSelect },
      refunds: {
        where: { reason: { not: "afterSale" }, status: { in: ["PENDING", "SUCCEEDED"] } },
        select: { amount: true, reason: true, createdAt: true },
      },
    },
  });
  if (!o) return null;
  const shipments = o.shipments.map(shipmentView);
  const vouchers = o.vouchers.map((v) => voucherView(v, now));
  const requests = o.afterSales.map(afterSaleView);
  const events: TimelineEvent[] = o.paidAt ? [{ kind: "paid", at: o.paidAt }] : [];
  events.push(...parcelEvents({ shipments, vouchers, afterSales: requests }));
  for (const r of o.refunds) events.push({ kind: "refunded", at: r.createdAt, amount: r.amount, reason: r.reason });
  let afterSale: AfterSalePanel | null = null;
  if (o.paidAt) {
    const facts = await readParcelFacts(db, { orderId: o.id, claimId: null }, { status: o.status, productKind: o.product.kind, totalAmount: o.totalAmount, unitAmount: o.unitAmount });
    const e = afterSaleEligibility(facts, now);
    afterSale = { eligible: e.eligible, block: e.eligible ? null : e.block, until: e.until, refundable: facts.refundable, currency: o.currency, requests };
  }
  return {
    orderId: o.id,
    events: byTime(events),
    vouchers,
    receipt: { canConfirm: o.status === "SHIPPED", autoConfirmAt: o.status === "SHIPPED" ? autoConfirmAt(shipments) : null },
    afterSale,
  };
}
