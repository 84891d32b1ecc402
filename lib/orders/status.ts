import type { Db } from "@/lib/db/client";

/** The buyer's own view of an order reached through its Checkout Session, or null. */
export async function getOrderForCheckoutReturn(db: Db, buyerId: string, sessionId: string) {
  return db.order.findFirst({
    where: { stripeCheckoutSessionId: sessionId, buyerId },
    select: {
      id: true,
      kind: true,
      status: true,
      failureReason: true,
      giftThreadId: true,
      giftByPassphrase: true,
      gift: { select: { id: true } },
      totalAmount: true,
      currency: true,
      product: { select: { title: true } },
    },
  });
}
