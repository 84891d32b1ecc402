// What Lanbao does with Stripe's webhook events. Each event is handled at most once: its
// id goes into StripeEvent in the same transaction as the work, so a redelivery (or two
// deliveries racing) finds the row and does nothing, and a failure rolls both back for
// Stripe to retry. Refunds decided here are recorded in that transaction and made at
// Stripe only after it commits (lib/payments/refunds.ts).
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import type { Order, Prisma } from "@/lib/db/generated/client";
import { createGiftForPaidOrder } from "@/lib/gifting/create";
import { variantGiftEligibility, type IneligibleReason } from "@/lib/gifting/eligibility";
import { TransitionError, transitionOrder } from "@/lib/lifecycle";
import { recordRefund, settleRefundsNow } from "@/lib/payments/refunds";
import { getStripe } from "@/lib/payments/stripe";
import { issueSelfOrderVouchers } from "@/lib/vouchers/issue";

type Tx = Prisma.TransactionClient;
export type EventOutcome = "processed" | "duplicate" | "ignored";
type Handled = { outcome: EventOutcome; refundId?: string | null };

export async function handleStripeEvent(db: Db, event: Stripe.Event, deps: { stripe?: Stripe } = {}): Promise<EventOutcome> {
  const handled = await db.$transaction(
    async (tx): Promise<Handled> => {
      const fresh = await tx.$executeRaw`
        INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
      if (fresh === 0) return { outcome: "duplicate" };
      switch (event.type) {
        case "checkout.session.completed":
        case "checkout.session.async_payment_succeeded":
          return sessionPaid(tx, event.data.object);
        case "checkout.session.expired":
        case "checkout.session.async_payment_failed":
          return sessionFailed(tx, event.data.object);
        default:
          return { outcome: "ignored" };
      }
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  await settleRefundsNow(db, [handled.refundId ?? null], { stripe: deps.stripe ?? getStripe() });
  return handled.outcome;
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

/** The paid order is refunded in full, with the reason its buyer reads. */
async function refundPaid(tx: Tx, order: Pick<Order, "id">, amount: number, reason: string): Promise<Handled> {
  await transitionOrder(tx, order.id, "refund", { failureReason: reason });
  return { outcome: "processed", refundId: await recordRefund(tx, { orderId: order.id, amount, reason, key: `order-${reason}:${order.id}` }) };
}

/**
 * A gift is checked against the rules again when its payment arrives: the shop may have
 * switched gifting off, or the product been unpublished, re-priced or re-categorised since
 * the checkout started. Null when it may still be sent.
 */
async function giftNoLongerPossible(tx: Tx, order: Order): Promise<IneligibleReason | "priceChanged" | null> {
  const v = await tx.variant.findUniqueOrThrow({
    where: { id: order.variantId },
    select: {
      price: true,
      originalPrice: true,
      stock: true,
      product: { select: { published: true, shop: { select: { giftingEnabled: true } }, category: { select: { giftEligible: true } } } },
    },
  });
  const eligibility = variantGiftEligibility({ shop: v.product.shop, category: v.product.category, product: v.product, variant: v });
  // Out of stock is the sold-out path below, with its own reason.
  const reason = eligibility.eligible ? null : (eligibility.reasons.find((r) => r !== "outOfStock") ?? null);
  if (reason) return reason;
  return v.price !== order.unitAmount ? "priceChanged" : null;
}

async function sessionPaid(tx: Tx, session: Stripe.Checkout.Session): Promise<Handled> {
  if (session.payment_status !== "paid") return { outcome: "ignored" }; // delayed methods confirm later
  const order = await findOrder(tx, session);
  if (!order) return { outcome: "ignored" };
  const intent = paymentIntentId(session);
  const paidAt = new Date();

  // Only a pending order moves to paid; a second event for the same session finds it paid.
  try {
    await transitionOrder(tx, order.id, "pay", { paidAt, stripePaymentIntentId: intent, stripeCheckoutSessionId: session.id });
  } catch (err) {
    if (!(err instanceof TransitionError)) throw err;
    if (err.current !== "CANCELLED" || !intent) return { outcome: "ignored" };
    // Paid after the order had been given up (the checkout expired or was cancelled while
    // the payment was on its way): the money goes back, never kept for nothing.
    await transitionOrder(tx, order.id, "refundLatePayment", { stripePaymentIntentId: intent, paidAt, failureReason: "paymentTooLate" });
    const refundId = await recordRefund(tx, {
      orderId: order.id,
      amount: session.amount_total ?? order.totalAmount,
      reason: "paymentTooLate",
      key: `order-paymentTooLate:${order.id}`,
    });
    return { outcome: "processed", refundId };
  }

  if (session.amount_total !== order.totalAmount || session.currency?.toUpperCase() !== order.currency) {
    return refundPaid(tx, order, Math.min(session.amount_total ?? 0, order.totalAmount), "amountMismatch");
  }
  if (order.kind === "GIFT") {
    const reason = await giftNoLongerPossible(tx, order);
    if (reason) return refundPaid(tx, order, order.totalAmount, `notGiftable.${reason}`);
  }

  // Stock is taken at payment, never below zero: of two buyers racing for the last unit
  // one UPDATE matches and the other is refunded.
  const took = await tx.$executeRaw`
    UPDATE "Variant" SET stock = stock - ${order.quantity} WHERE id = ${order.variantId} AND stock >= ${order.quantity}`;
  if (took === 0) return refundPaid(tx, order, order.totalAmount, "soldOut");

  if (order.kind === "GIFT") await createGiftForPaidOrder(tx, { ...order, paidAt });
  else await issueSelfOrderVouchers(tx, order.id, paidAt);
  return { outcome: "processed" };
}

async function sessionFailed(tx: Tx, session: Stripe.Checkout.Session): Promise<Handled> {
  const order = await findOrder(tx, session);
  if (!order) return { outcome: "ignored" };
  try {
    await transitionOrder(tx, order.id, "cancel", { failureReason: "checkoutExpired" });
    return { outcome: "processed" };
  } catch (err) {
    if (err instanceof TransitionError) return { outcome: "ignored" };
    throw err;
  }
}
