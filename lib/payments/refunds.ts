// Money going back to the payer, in two steps so that no refund is lost or made twice:
//   1. recordRefund, inside the transaction that decided it: a PENDING row with the amount,
//      the reason and an idempotency key, plus the job that will settle it. Both exist only
//      if that transaction commits.
//   2. settleRefund, after the commit (never inside a transaction): calls Stripe with the
//      idempotency key and marks the row SUCCEEDED. If the process dies in between, the job
//      calls again later with the same key, and Stripe answers with the same refund.
// A refund Stripe keeps refusing ends FAILED ("needs attention") after its retries.
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { sendJob } from "@/lib/jobs/queue";
import { TransitionError, transitionRefund } from "@/lib/lifecycle";
import { getStripe } from "./stripe";

/** The settle job waits this long, so the request that recorded a refund settles it first. */
const jobGraceMs = () => Number(process.env.LANBAO_REFUND_JOB_DELAY_MS ?? 30_000);

export type RefundIntent = {
  orderId: string;
  /** Minor units (fen); a refund of nothing is never recorded. */
  amount: number;
  /** Why, as an i18n key under orders.failure (e.g. "giftDeclined"). */
  reason: string;
  /** Same decision, same key: recording it twice keeps one refund. */
  key: string;
};

/**
 * Records a refund in the caller's transaction and sends its settle job. Returns the
 * refund's id, or null when there is nothing to refund. Never more than what was paid and
 * not yet refunded: the order row is locked while that is checked.
 */
export async function recordRefund(tx: Prisma.TransactionClient, intent: RefundIntent): Promise<string | null> {
  if (!Number.isInteger(intent.amount) || intent.amount <= 0) return null;
  const existing = await tx.refund.findUnique({ where: { idempotencyKey: intent.key }, select: { id: true } });
  if (existing) return existing.id;
  const [order] = await tx.$queryRaw<{ totalAmount: number; stripePaymentIntentId: string | null }[]>`
    SELECT "totalAmount", "stripePaymentIntentId" FROM "Order" WHERE id = ${intent.orderId} FOR UPDATE`;
  if (!order?.stripePaymentIntentId) throw new Error(`order ${intent.orderId} has no payment to refund`);
  const { _sum } = await tx.refund.aggregate({
    where: { orderId: intent.orderId, status: { in: ["PENDING", "SUCCEEDED"] } },
    _sum: { amount: true },
  });
  const left = order.totalAmount - (_sum.amount ?? 0);
  if (intent.amount > left) throw new Error(`refund of ${intent.amount} exceeds the ${left} left on order ${intent.orderId}`);
  const refund = await tx.refund.create({
    data: { orderId: intent.orderId, amount: intent.amount, reason: intent.reason, idempotencyKey: intent.key },
    select: { id: true },
  });
  await sendJob(tx, "refund", { refundId: refund.id }, { startAfter: new Date(Date.now() + jobGraceMs()) });
  return refund.id;
}

export type SettleOutcome = "succeeded" | "settled-before" | "gave-up";

function describe(err: unknown): string {
  const e = err as { type?: string; code?: string; message?: string };
  return [e.type, e.code, e.message ?? String(err)].filter(Boolean).join(": ").slice(0, 500);
}

/**
 * Asks Stripe for a recorded refund and records the outcome. Safe to call any number of
 * times, from any process. Throws when Stripe fails (the job retries); on the last
 * attempt it marks the refund FAILED instead.
 */
export async function settleRefund(
  db: Db,
  refundId: string,
  opts: { stripe?: Stripe; lastAttempt?: boolean } = {},
): Promise<SettleOutcome> {
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    select: { id: true, status: true, amount: true, reason: true, idempotencyKey: true, orderId: true, order: { select: { stripePaymentIntentId: true } } },
  });
  if (!refund || refund.status !== "PENDING") return "settled-before";
  await db.refund.update({ where: { id: refund.id }, data: { attempts: { increment: 1 } } });
  const stripe = opts.stripe ?? getStripe();
  let stripeRefund: Stripe.Refund;
  try {
    stripeRefund = await stripe.refunds.create(
      {
        payment_intent: refund.order.stripePaymentIntentId ?? undefined,
        amount: refund.amount,
        reason: "requested_by_customer",
        metadata: { orderId: refund.orderId, refundId: refund.id, reason: refund.reason },
      },
      { idempotencyKey: refund.idempotencyKey },
    );
  } catch (err) {
    const lastError = describe(err);
    if (!opts.lastAttempt) {
      await db.refund.update({ where: { id: refund.id }, data: { lastError } });
      throw err;
    }
    await transitionRefund(db, refund.id, "giveUp", { lastError }).catch(ignoreSettled);
    return "gave-up";
  }
  try {
    await transitionRefund(db, refund.id, "succeed", { stripeRefundId: stripeRefund.id, settledAt: new Date(), lastError: null });
    return "succeeded";
  } catch (err) {
    ignoreSettled(err);
    return "settled-before";
  }
}

/** Another caller settled it first: fine, that is the point of the idempotency key. */
function ignoreSettled(err: unknown) {
  if (!(err instanceof TransitionError)) throw err;
}

/**
 * Settles refunds just recorded by a committed transaction, right away, so the payer does
 * not wait for the job. A failure here is left to the job.
 */
export async function settleRefundsNow(db: Db, refundIds: (string | null)[], opts: { stripe?: Stripe } = {}): Promise<void> {
  for (const id of refundIds) {
    if (!id) continue;
    try {
      await settleRefund(db, id, opts);
    } catch {
      // the refund job retries with backoff
    }
  }
}

/** A person asks to try a FAILED refund again (merchant console). */
export async function retryRefund(db: Db, refundId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await transitionRefund(tx, refundId, "retry", { attempts: 0 });
    await sendJob(tx, "refund", { refundId });
  });
}
