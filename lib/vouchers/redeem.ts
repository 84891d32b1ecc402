// Redeeming a voucher at the shop's counter (merchant console, "Redeem a code"). A code
// redeems exactly once: the redemption is one conditional UPDATE through the lifecycle
// (ACTIVE → REDEEMED), so of two clerks typing the same code at once one succeeds and the
// other is told it was used. Each refusal says plainly what is wrong with the code.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { TransitionError, transitionVoucher, voucherPhase } from "@/lib/lifecycle";
import { DomainError } from "@/lib/validation/result";
import { normalizeVoucherCode } from "./codes";

export const redeemVoucherSchema = z.object({
  code: z.string().trim().min(1, "validation.required").max(40, "vouchers.errors.unknown"),
});

export type Redemption = {
  code: string;
  productTitle: string;
  variantName: string;
  shopName: string;
  holderName: string;
  redeemedAt: Date;
};

function refusal(status: string | null): DomainError {
  if (status === "REDEEMED") return new DomainError("vouchers.errors.used", "code");
  if (status === "VOID") return new DomainError("vouchers.errors.void", "code");
  return new DomainError("vouchers.errors.unknown", "code");
}

/**
 * The merchant redeems a code of one of their shops. Refusals (DomainError on "code"):
 * unknown (another shop's code too), already used, refunded (void), expired.
 */
export async function redeemVoucher(db: Db, merchantId: string, raw: z.input<typeof redeemVoucherSchema>, now: Date = new Date()): Promise<Redemption> {
  const input = redeemVoucherSchema.parse(raw);
  const code = normalizeVoucherCode(input.code);
  if (!code) throw new DomainError("vouchers.errors.unknown", "code");
  const v = await db.voucher.findUnique({
    where: { code },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      shop: { select: { name: true, ownerId: true } },
      holder: { select: { name: true } },
      order: { select: { product: { select: { title: true } }, variant: { select: { name: true } } } },
      claim: { select: { variant: { select: { name: true } } } },
    },
  });
  if (!v) throw new DomainError("vouchers.errors.unknown", "code");
  // Another shop's code answers like a code that does not exist: whether it exists, is used
  // or expired is that shop's business.
  if (v.shop.ownerId !== merchantId) throw new DomainError("vouchers.errors.unknown", "code");
  const phase = voucherPhase(v, now);
  if (phase === "expired") throw new DomainError("vouchers.errors.expired", "code");
  if (phase !== "active") throw refusal(v.status);
  try {
    await transitionVoucher(db, v.id, "redeem", { redeemedAt: now, redeemedById: merchantId });
  } catch (err) {
    if (err instanceof TransitionError) throw refusal(err.current);
    throw err;
  }
  return {
    code,
    productTitle: v.order.product.title,
    // A gift's recipient may have switched variant when accepting.
    variantName: v.claim?.variant.name ?? v.order.variant.name,
    shopName: v.shop.name,
    holderName: v.holder.name,
    redeemedAt: now,
  };
}

/** The latest redemptions in the merchant's shops, newest first. */
export async function listRedemptions(db: Db, merchantId: string, take = 20): Promise<Redemption[]> {
  const rows = await db.voucher.findMany({
    where: { shop: { ownerId: merchantId }, status: "REDEEMED" },
    orderBy: { redeemedAt: "desc" },
    take,
    select: {
      code: true,
      redeemedAt: true,
      shop: { select: { name: true } },
      holder: { select: { name: true } },
      order: { select: { product: { select: { title: true } }, variant: { select: { name: true } } } },
      claim: { select: { variant: { select: { name: true } } } },
    },
  });
  return rows.map((v) => ({
    code: v.code,
    productTitle: v.order.product.title,
    variantName: v.claim?.variant.name ?? v.order.variant.name,
    shopName: v.shop.name,
    holderName: v.holder.name,
    redeemedAt: v.redeemedAt ?? new Date(0),
  }));
}
