import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/validation/result";
import { variantGiftEligibility } from "./eligibility";

/**
 * Before accepting, the recipient may switch to another variant of the same product at the
 * same price, if that variant could be sent as a gift right now (the rules are checked again
 * here, not only when the sender paid). Stock is taken by the caller.
 */
export async function switchableVariant(tx: Prisma.TransactionClient, orderId: string, variantId: string): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { productId: true, unitAmount: true } });
  const v = await tx.variant.findUnique({
    where: { id: variantId },
    select: {
      productId: true,
      price: true,
      originalPrice: true,
      product: { select: { published: true, shop: { select: { giftingEnabled: true } }, category: { select: { giftEligible: true } } } },
    },
  });
  // Only a variant of the same product at the same price: the sender paid for that.
  if (!v || v.productId !== order.productId || v.price !== order.unitAmount) throw new DomainError("gift.variantNotSwitchable", "variantId");
  const eligibility = variantGiftEligibility({
    shop: v.product.shop,
    category: v.product.category,
    product: v.product,
    variant: { originalPrice: v.originalPrice, stock: 1 }, // stock is taken (or refused) by the caller
  });
  if (!eligibility.eligible) throw new DomainError("gift.variantNotGiftable", "variantId");
}
