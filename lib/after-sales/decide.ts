// The shop's side of after-sales: approve with a refund (all or part of what is left of the
// parcel's price, back to the original payment — the sender's, for a gift) or reject with a
// reason. Only the owner of the order's shop may decide; to anyone else the request does
// not exist. The refund is recorded in the deciding transaction and settled at Stripe after
// it commits (lib/payments/refunds.ts). A full refund closes the parcel: the claim (or the
// self order) is refunded and a voucher's codes go void.
import type Stripe from "stripe";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { TransitionError, transitionAfterSale, transitionClaim, transitionOrder, transitionVoucher } from "@/lib/lifecycle";
import { recordRefund, settleRefundsNow } from "@/lib/payments/refunds";
import { lockOrderRow } from "@/lib/tracking/receipt";
import { DomainError } from "@/lib/validation/result";
import { readParcelFacts, parcelWhere, type ParcelRef } from "./parcel";
import { announce, notFound } from "./request";
import { AFTER_SALE_REJECT_REASON_MAX } from "./rules";

type Tx = Prisma.TransactionClient;

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

export const approveAfterSaleSchema = z.object({
  requestId: id,
  /** Fen. The form types yuan; lib/merchant/product-form's yuanToFen turns it into fen. */
  amount: z.number("afterSale.errors.amountInvalid").int("afterSale.errors.amountInvalid").min(1, "afterSale.errors.amountInvalid"),
});

export const rejectAfterSaleSchema = z.object({
  requestId: id,
  reason: z.string().trim().min(2, "afterSale.errors.rejectReasonRequired").max(AFTER_SALE_REJECT_REASON_MAX, "afterSale.errors.reasonTooLong"),
});

/** The request, if `merchantId` owns its shop, with its order locked. */
async function lockShopRequest(tx: Tx, merchantId: string, requestId: string) {
  const owned = await tx.afterSaleRequest.findFirst({ where: { id: requestId, order: { shop: { ownerId: merchantId } } }, select: { orderId: true } });
  if (!owned) throw notFound();
  await lockOrderRow(tx, owned.orderId);
  const r = await tx.afterSaleRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true,
      status: true,
      orderId: true,
      claimId: true,
      requester: { select: { name: true } },
      claim: { select: { status: true } },
      order: {
        select: {
          kind: true,
          status: true,
          totalAmount: true,
          unitAmount: true,
          product: { select: { title: true, kind: true } },
          gift: { select: { id: true, threadId: true } },
        },
      },
    },
  });
  if (r.status !== "REQUESTED") throw new DomainError("afterSale.errors.alreadyDecided");
  const ref: ParcelRef = { orderId: r.orderId, claimId: r.claimId };
  const gift = r.claimId && r.order.gift ? r.order.gift : null;
  return { request: r, ref, gift };
}

async function decided<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof TransitionError) throw new DomainError("afterSale.errors.alreadyDecided");
    throw err;
  }
}

/**
 * Approves with a refund of `amount` fen (1 … what is left of the parcel's price). Returns
 * the refund; Stripe is called after the commit.
 */
export async function approveAfterSale(
  db: Db,
  merchantId: string,
  raw: z.input<typeof approveAfterSaleSchema>,
  deps: { stripe?: Stripe; now?: Date } = {},
) {
  const input = approveAfterSaleSchema.parse(raw);
  const now = deps.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const { request: r, ref, gift } = await lockShopRequest(tx, merchantId, input.requestId);
    const status = (r.claimId ? r.claim?.status : r.order.status) ?? "REFUNDED";
    const facts = await readParcelFacts(tx, ref, { status, productKind: r.order.product.kind, totalAmount: r.order.totalAmount, unitAmount: r.order.unitAmount });
    if (facts.refundable <= 0) throw new DomainError("afterSale.errors.nothingLeft");
    if (input.amount > facts.refundable) throw new DomainError("afterSale.errors.amountTooHigh", "amount");
    const full = input.amount === facts.refundable;

    if (full && r.order.product.kind === "VOUCHER") {
      // The price goes back, so the codes die; a code redeemed meanwhile cannot be refunded whole.
      for (const v of await tx.voucher.findMany({ where: { ...parcelWhere(ref), status: { not: "VOID" } }, select: { id: true, status: true } })) {
        if (v.status === "REDEEMED") throw new DomainError("afterSale.errors.voucherUsed");
        await transitionVoucher(tx, v.id, "void").catch((err: unknown) => {
          if (err instanceof TransitionError) throw new DomainError("afterSale.errors.voucherUsed");
          throw err;
        });
      }
    }
    const refundId = await recordRefund(tx, { orderId: r.orderId, amount: input.amount, reason: "afterSale", key: `afterSale:${r.id}` });
    await decided(() => transitionAfterSale(tx, r.id, "approve", { refundAmount: input.amount, refundId, decidedAt: now }));
    if (full) {
      if (ref.claimId) await transitionClaim(tx, ref.claimId, "refund");
      else await transitionOrder(tx, r.orderId, "refund", { failureReason: "afterSale" });
    }
    // A gift order whose money has all gone back is refunded as a whole.
    if (ref.claimId && r.order.status !== "REFUNDED") {
      const { _sum } = await tx.refund.aggregate({ where: { orderId: r.orderId, status: { in: ["PENDING", "SUCCEEDED"] } }, _sum: { amount: true } });
      if ((_sum.amount ?? 0) >= r.order.totalAmount) await transitionOrder(tx, r.orderId, "refund", { failureReason: "afterSale" });
    }
    await announce(tx, gift, full ? "afterSaleRefunded" : "afterSalePartlyRefunded", { product: r.order.product.title });
    return { refundId, orderId: r.orderId, full };
  });
  await settleRefundsNow(db, [result.refundId], { stripe: deps.stripe });
  return result;
}

/** Rejects with a reason the requester reads (the sender of a gift only sees "rejected"). */
export async function rejectAfterSale(db: Db, merchantId: string, raw: z.input<typeof rejectAfterSaleSchema>, now: Date = new Date()) {
  const input = rejectAfterSaleSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const { request: r, gift } = await lockShopRequest(tx, merchantId, input.requestId);
    await decided(() => transitionAfterSale(tx, r.id, "reject", { rejectReason: input.reason, decidedAt: now }));
    await announce(tx, gift, "afterSaleRejected", { product: r.order.product.title });
    return { orderId: r.orderId };
  });
}
