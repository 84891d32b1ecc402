import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { handleStripeEvent } from "@/lib/orders/payment-events";
import { getStripe, webhookSecret } from "@/lib/payments/stripe";

export const dynamic = "force-dynamic";

/** Stripe's webhook: signature checked on the raw body, then handled once per event id. */
export async function POST(request: Request) {
  const signature = request.headers.get("stripe-signature");
  const body = await request.text();
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing Stripe-Signature header");
    event = getStripe().webhooks.constructEvent(body, signature, webhookSecret());
  } catch (err) {
    return Response.json({ error: `Invalid signature: ${err instanceof Error ? err.message : "unknown"}` }, { status: 400 });
  }
  try {
    const outcome = await handleStripeEvent(db, event);
    return Response.json({ received: true, outcome });
  } catch (err) {
    console.error(`stripe webhook ${event.id} (${event.type}) failed`, err);
    // Non-2xx makes Stripe deliver the event again later.
    return Response.json({ error: "processing failed" }, { status: 500 });
  }
}
