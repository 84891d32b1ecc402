// What Lanbao does with Stripe's webhook events. Each event is handled at most once: its
// id goes into StripeEvent in the same transaction as the work, so a redelivery (or two
// deliveries racing) finds the row and does nothing, and a failure rolls both back for
// Stripe to retry.
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createGiftForPaidOrder } from "@/lib/gifting/create";
import { getStripe } from "@/lib/payments/stripe";
import { refundOrder } from "./refunds";

type Tx = Prisma.TransactionClient;
export type EventOutcome = "processed" | "duplicate" | "ignored";

export async function handleStripeEvent(db: Db, event: Stripe.Event, deps: { stripe?: Stripe } = {}): Promise<EventOutcome> {
  const stripe = deps.stripe ?? getStripe();
  return db.$transaction(
    async (tx) => {
      const fresh = await tx.$executeRaw`
        INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
      if (fresh === 0) return "duplicate";
      switch (event.type) {
        case "checkout.session.completed":
        case "checkout.session.async_payment_succeeded":
          return sessionPaid(tx, stripe, event.data.object);
        case "checkout.session.expired":
        case "checkout.session.async_payment_failed":
          return sessionFailed(tx, event.data.object);
        default:
          return "ignored";
      }
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

async function findOrder(tx: Tx, session: Stripe.Checkout.Session) {
  return tx.order.findFirst({
    where: { OR: [{ stripeCheckoutSessionId: session.id }, ...(session.metadata?.orderId ? [{ id: session.metadata.orderId }] : [])] },
  });
}

function paymentIntentId(session: Stripe.Checkout.Session): string | null {
  const pi = session.payment_intent;
  return typeof pi === "string" ? pi : (pi?.id ?? null);
}

async function sessionPaid(tx: Tx, stripe: Stripe, session: Stripe.Checkout.Session): Promise<EventOutcome> {
  if (session.payment_status !== "paid") return "ignored"; // delayed methods confirm later
  const order = await findOrder(tx, session);
  if (!order) return "ignored";
  const intent = paymentIntentId(session);
  const paidAt = new Date();

  // Only a pending order moves to paid; a second event for the same session finds it paid.
  const moved = await tx.order.updateMany({
    where: { id: order.id, status: "PENDING_PAYMENT" },
    data: { status: "PAID", paidAt, stripePaymentIntentId: intent, stripeCheckoutSessionId: session.id },
  });
  if (moved.count === 0) {
    if (order.status === "CANCELLED" && intent) {
      // Paid after we had given the order up (events out of order): give the money back.
      await tx.order.update({ where: { id: order.id }, data: { status: "REFUNDED", stripePaymentIntentId: intent, failureReason: "paymentTooLate" } });
      await refundOrder(tx, stripe, { id: order.id, stripePaymentIntentId: intent }, session.amount_total ?? order.totalAmount, "paymentTooLate");
      return "processed";
    }
    return "ignored";
  }

  if (session.amount_total !== order.totalAmount || session.currency?.toUpperCase() !== order.currency) {
    await tx.order.update({ where: { id: order.id }, data: { status: "REFUNDED", failureReason: "amountMismatch" } });
    await refundOrder(tx, stripe, { id: order.id, stripePaymentIntentId: intent }, session.amount_total ?? 0, "amountMismatch");
    return "processed";
  }

  // Stock is taken at payment, never below zero: of two buyers racing for the last unit
  // one UPDATE matches and the other is refunded.
  const took = await tx.$executeRaw`
    UPDATE "Variant" SET stock = stock - ${order.quantity} WHERE id = ${order.variantId} AND stock >= ${order.quantity}`;
  if (took === 0) {
    await tx.order.update({ where: { id: order.id }, data: { status: "REFUNDED", failureReason: "soldOut" } });
    await refundOrder(tx, stripe, { id: order.id, stripePaymentIntentId: intent }, order.totalAmount, "soldOut");
    return "processed";
  }

  if (order.kind === "GIFT") await createGiftForPaidOrder(tx, { ...order, paidAt });
  return "processed";
}

async function sessionFailed(tx: Tx, session: Stripe.Checkout.Session): Promise<EventOutcome> {
  const order = await findOrder(tx, session);
  if (!order) return "ignored";
  const moved = await tx.order.updateMany({
    where: { id: order.id, status: "PENDING_PAYMENT" },
    data: { status: "CANCELLED", failureReason: "checkoutExpired" },
  });
  return moved.count ? "processed" : "ignored";
}
