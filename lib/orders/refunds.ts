import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Refunds an order's payment to the original payment method and records it. The Stripe
 * idempotency key makes a retried webhook or job reuse the same refund instead of paying
 * twice.
 */
export async function refundOrder(
  tx: Prisma.TransactionClient,
  stripe: Stripe,
  order: { id: string; stripePaymentIntentId: string | null },
  amount: number,
  reason: string,
) {
  if (!order.stripePaymentIntentId) throw new Error(`Order ${order.id} has no payment to refund`);
  const refund = await stripe.refunds.create(
    { payment_intent: order.stripePaymentIntentId, amount, reason: "requested_by_customer", metadata: { orderId: order.id, reason } },
    { idempotencyKey: `refund-${order.id}-${reason}` },
  );
  await tx.refund.upsert({
    where: { stripeRefundId: refund.id },
    create: { orderId: order.id, amount, stripeRefundId: refund.id, reason },
    update: {},
  });
  return refund;
}
