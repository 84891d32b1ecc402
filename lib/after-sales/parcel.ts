// One parcel as after-sales sees it: a recipient's claim on a gift, or a self order. The
// facts the rules need (lib/after-sales/rules.ts) are read here, inside the caller's
// transaction, after the order row has been locked.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ProductKind } from "@/lib/db/generated/enums";
import type { ParcelFacts } from "./rules";

type DbOrTx = Db | Prisma.TransactionClient;

export type ParcelRef = { orderId: string; claimId: string | null };

/** The parcel's rows, matched on claimId IS NULL for a self order. */
export const parcelWhere = (ref: ParcelRef) => ({ orderId: ref.orderId, claimId: ref.claimId });

/** Money still refundable for the parcel: its price less what went back, never more than the order has left. */
async function refundable(db: DbOrTx, ref: ParcelRef, order: { totalAmount: number; unitAmount: number }): Promise<number> {
  const refunded = await db.refund.aggregate({
    where: { orderId: ref.orderId, status: { in: ["PENDING", "SUCCEEDED"] } },
    _sum: { amount: true },
  });
  const orderLeft = order.totalAmount - (refunded._sum.amount ?? 0);
  if (!ref.claimId) return Math.max(0, orderLeft);
  const claimRefunded = await db.afterSaleRequest.aggregate({
    where: { claimId: ref.claimId, status: "APPROVED" },
    _sum: { refundAmount: true },
  });
  return Math.max(0, Math.min(order.unitAmount - (claimRefunded._sum.refundAmount ?? 0), orderLeft));
}

export async function readParcelFacts(
  db: DbOrTx,
  ref: ParcelRef,
  parcel: { status: string; productKind: ProductKind; totalAmount: number; unitAmount: number },
): Promise<ParcelFacts> {
  const where = parcelWhere(ref);
  let deliveredAt: Date | null = null;
  let voucherRedeemed = false;
  if (parcel.productKind === "PHYSICAL") {
    const s = await db.shipment.findFirst({ where: { ...where, deliveredAt: { not: null } }, orderBy: { deliveredAt: "desc" }, select: { deliveredAt: true } });
    deliveredAt = s?.deliveredAt ?? null;
  } else {
    const vouchers = await db.voucher.findMany({ where, select: { status: true, createdAt: true } });
    deliveredAt = vouchers.length ? new Date(Math.min(...vouchers.map((v) => v.createdAt.getTime()))) : null;
    voucherRedeemed = vouchers.some((v) => v.status === "REDEEMED");
  }
  const open = await db.afterSaleRequest.count({ where: { ...where, status: "REQUESTED" } });
  return {
    productKind: parcel.productKind,
    status: parcel.status,
    deliveredAt,
    voucherRedeemed,
    hasOpenRequest: open > 0,
    refundable: await refundable(db, ref, parcel),
  };
}
