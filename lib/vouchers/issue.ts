// Issuing voucher codes. A voucher product is delivered as a code instead of a parcel: one
// code per accepted gift claim, one per unit of a voucher someone buys for themselves. Each
// code is valid for its product's voucherValidityDays from the moment it is issued.
import type { Prisma } from "@/lib/db/generated/client";
import { newVoucherCode } from "./codes";

type Tx = Prisma.TransactionClient;

export const DEFAULT_VOUCHER_VALIDITY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

function validUntil(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/**
 * The code of an accepted voucher gift: the claim carries it (GiftClaim.voucherCode, shown
 * on the gift sheet) and this makes it redeemable. Runs in the accepting transaction; a
 * second call for the same claim changes nothing.
 */
export async function issueClaimVoucher(tx: Tx, claimId: string, now: Date = new Date()): Promise<void> {
  const claim = await tx.giftClaim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      voucherCode: true,
      recipientId: true,
      gift: { select: { orderId: true, order: { select: { shopId: true, product: { select: { voucherValidityDays: true } } } } } },
    },
  });
  if (!claim.voucherCode) return;
  const { order } = claim.gift;
  await tx.voucher.upsert({
    where: { claimId },
    create: {
      code: claim.voucherCode,
      orderId: claim.gift.orderId,
      claimId,
      shopId: order.shopId,
      holderId: claim.recipientId,
      expiresAt: validUntil(now, order.product.voucherValidityDays),
    },
    update: {},
  });
}

/**
 * The codes of a paid voucher order someone bought for themselves: one per unit. Runs in
 * the payment transaction; an order that already has its codes keeps them.
 */
export async function issueSelfOrderVouchers(tx: Tx, orderId: string, now: Date = new Date()): Promise<string[]> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { kind: true, buyerId: true, shopId: true, quantity: true, product: { select: { kind: true, voucherValidityDays: true } } },
  });
  if (order.kind !== "SELF" || order.product.kind !== "VOUCHER") return [];
  if ((await tx.voucher.count({ where: { orderId } })) > 0) return [];
  const expiresAt = validUntil(now, order.product.voucherValidityDays);
  const codes = Array.from({ length: order.quantity }, newVoucherCode);
  await tx.voucher.createMany({
    data: codes.map((code) => ({ code, orderId, shopId: order.shopId, holderId: order.buyerId, expiresAt })),
  });
  return codes;
}
