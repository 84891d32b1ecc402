// Refunds of a paid Checkout payment, full or partial, never more than was paid.
import type Stripe from "stripe";
import type { RequestInfo, SandboxContext } from "./context.ts";
import { invalidRequest, resourceMissing } from "./errors.ts";
import type { FormObject } from "./form.ts";
import { formatAmount } from "./money.ts";
import { checkParams, getInt, getMetadata, getString, oneOf, type Schema } from "./params.ts";
import { newId, nowSeconds } from "./store.ts";

const CREATE_SCHEMA: Schema = {
  payment_intent: "string",
  charge: "string",
  amount: "string",
  reason: "string",
  metadata: "metadata",
  expand: { $list: "string" },
};

function chargeToRefund(ctx: SandboxContext, params: FormObject): Stripe.Charge {
  const piId = getString(params, "payment_intent");
  const chargeId = getString(params, "charge");
  if (!piId && !chargeId) {
    throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.", {
      code: "parameter_missing",
    });
  }
  let charge: Stripe.Charge | undefined;
  if (piId) {
    const pi = ctx.store.paymentIntents.get(piId);
    if (!pi) throw resourceMissing("payment_intent", piId, "payment_intent");
    if (pi.status !== "succeeded" || typeof pi.latest_charge !== "string") {
      throw invalidRequest(`This PaymentIntent (${piId}) does not have a successful charge to refund.`, {
        code: "payment_intent_unexpected_state",
        param: "payment_intent",
      });
    }
    charge = ctx.store.charges.get(pi.latest_charge);
  }
  if (chargeId) {
    const byId = ctx.store.charges.get(chargeId);
    if (!byId) throw resourceMissing("charge", chargeId, "charge");
    if (charge && charge.id !== byId.id) {
      throw invalidRequest(`The charge ${chargeId} does not belong to the PaymentIntent ${piId}.`, { param: "charge" });
    }
    charge = byId;
  }
  if (!charge) throw resourceMissing("charge", chargeId ?? "", "charge");
  return charge;
}

export function createRefund(ctx: SandboxContext, params: FormObject, request: RequestInfo): Stripe.Refund {
  checkParams(params, CREATE_SCHEMA);
  const charge = chargeToRefund(ctx, params);
  const requested = getInt(params, "amount", "amount");
  if (requested !== undefined && requested < 1) {
    throw invalidRequest("This value must be greater than or equal to 1.", {
      code: "parameter_invalid_integer",
      param: "amount",
    });
  }
  const reasonParam = getString(params, "reason");
  const reason = reasonParam
    ? oneOf(reasonParam, ["duplicate", "fraudulent", "requested_by_customer"] as const, "reason")
    : null;

  // From here on the endpoint has "executed": Stripe keeps these outcomes under the
  // Idempotency-Key, so they are marked replayable.
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: "charge_already_refunded",
      replayable: true,
    });
  }
  const amount = requested ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge ` +
        `(${formatAmount(remaining, charge.currency)})`,
      { code: "amount_too_large", param: "amount", replayable: true },
    );
  }

  const refund: Stripe.Refund = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: nowSeconds(),
    currency: charge.currency,
    customer: null,
    customer_account: null,
    metadata: getMetadata(params, "metadata"),
    payment_intent: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
    payment_method: typeof charge.payment_method === "string" ? charge.payment_method : null,
    reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  ctx.store.refunds.set(refund.id, refund);

  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  ctx.log(`refund ${refund.id} of ${formatAmount(amount, refund.currency)} on ${charge.id}`);
  ctx.webhooks.emit<Stripe.ChargeRefundedEvent>("charge.refunded", charge, { previousAttributes: previous, request });
  ctx.webhooks.emit<Stripe.RefundCreatedEvent>("refund.created", refund, { request });
  return refund;
}

export function findRefund(ctx: SandboxContext, id: string): Stripe.Refund {
  const refund = ctx.store.refunds.get(id);
  if (!refund) throw resourceMissing("refund", id);
  return refund;
}
