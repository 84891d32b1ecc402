import type Stripe from "stripe";
import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";
import { refundOrder } from "@/lib/orders/refunds";
import { getStripe } from "@/lib/payments/stripe";
import { publishGiftChanged } from "@/lib/realtime/publish";

/**
 * Gifts nobody accepted within 24 hours fail: the gift expires, the order is refunded to
 * the original payment method, the stock goes back, and the thread is told. Safe to run
 * in any number of processes at once: each gift is taken with FOR UPDATE SKIP LOCKED and
 * handled in its own transaction, and the refund's idempotency key stops a double refund.
 */
export async function expireUnacceptedGifts(
  db: Db,
  opts: { now?: Date; stripe?: Stripe; batch?: number } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const stripe = opts.stripe ?? getStripe();
  let expired = 0;
  for (;;) {
    const handled = await db.$transaction(
      async (tx) => {
        const [gift] = await tx.$queryRaw<{ id: string; orderId: string; threadId: string; units: number }[]>`
          SELECT id, "orderId", "threadId", units FROM "Gift"
           WHERE status = 'WAITING' AND "expiresAt" <= ${now}
           ORDER BY "expiresAt" LIMIT 1
           FOR UPDATE SKIP LOCKED`;
        if (!gift) return false;
        const claimed = await tx.giftClaim.count({ where: { giftId: gift.id } });
        const unclaimed = gift.units - claimed;
        const order = await tx.order.findUniqueOrThrow({
          where: { id: gift.orderId },
          select: { id: true, variantId: true, unitAmount: true, stripePaymentIntentId: true },
        });
        await tx.gift.update({ where: { id: gift.id }, data: { status: "EXPIRED" } });
        if (claimed === 0) await tx.order.update({ where: { id: order.id }, data: { status: "REFUNDED", failureReason: "giftExpired" } });
        await tx.$executeRaw`UPDATE "Variant" SET stock = stock + ${unclaimed} WHERE id = ${order.variantId}`;
        // Per unit: a group gift half taken refunds only what nobody took.
        await refundOrder(tx, stripe, order, order.unitAmount * unclaimed, "giftExpired");
        await postMessage(tx, { threadId: gift.threadId, senderId: null, kind: "SYSTEM", systemKey: "giftExpired" });
        await publishGiftChanged(tx, gift.threadId, gift.id);
        return true;
      },
      { timeout: 30_000 },
    );
    if (!handled) return expired;
    expired++;
    if (opts.batch && expired >= opts.batch) return expired;
  }
}
