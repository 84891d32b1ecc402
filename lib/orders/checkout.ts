// Starting a payment: creates the order (amount from the database, never from the form)
// and a Stripe Checkout Session. The order becomes paid only when Stripe's webhook says
// so (lib/orders/payment-events.ts).
import type Stripe from "stripe";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { variantGiftEligibility } from "@/lib/gifting/eligibility";
import { getStripe } from "@/lib/payments/stripe";
import { DomainError } from "@/lib/validation/result";

/** 赠言: WeChat caps the gift message at 50 characters. */
export const GIFT_MESSAGE_MAX = 50;
export const SELF_ORDER_MAX_QUANTITY = 10;

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

export const shippingSnapshotSchema = z.object({
  name: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string(),
});
export type ShippingSnapshot = z.infer<typeof shippingSnapshotSchema>;

export const giftCheckoutSchema = z.object({
  kind: z.literal("GIFT"),
  variantId: id,
  threadId: id,
  recipientId: id,
  message: z.string().trim().max(GIFT_MESSAGE_MAX, "checkout.messageTooLong").default(""),
});

export const selfCheckoutSchema = z.object({
  kind: z.literal("SELF"),
  variantId: id,
  quantity: z.coerce.number().int("validation.invalid").min(1, "validation.invalid").max(SELF_ORDER_MAX_QUANTITY, "checkout.quantityTooHigh"),
  shipping: shippingSnapshotSchema.nullable(),
});

export const checkoutSchema = z.discriminatedUnion("kind", [giftCheckoutSchema, selfCheckoutSchema]);
export type CheckoutInput = z.input<typeof checkoutSchema>;

export type CheckoutDeps = { stripe?: Stripe; appUrl?: string };

function appUrl(deps: CheckoutDeps) {
  return (deps.appUrl ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

async function loadVariant(db: Db, variantId: string) {
  const variant = await db.variant.findUnique({
    where: { id: variantId },
    select: {
      id: true,
      name: true,
      price: true,
      originalPrice: true,
      currency: true,
      stock: true,
      product: {
        select: {
          id: true,
          title: true,
          kind: true,
          published: true,
          shopId: true,
          shop: { select: { giftingEnabled: true } },
          category: { select: { giftEligible: true } },
          images: { orderBy: { position: "asc" }, take: 1, select: { url: true } },
        },
      },
    },
  });
  if (!variant) throw new DomainError("checkout.variantNotFound", "variantId");
  return variant;
}

/**
 * Creates a pending order and its Checkout Session; returns where to send the buyer.
 * Throws ZodError for malformed input and DomainError (an i18n key) for refusals.
 */
export async function startCheckout(db: Db, buyerId: string, rawInput: CheckoutInput, deps: CheckoutDeps = {}) {
  const input = checkoutSchema.parse(rawInput);
  const variant = await loadVariant(db, input.variantId);
  const { product } = variant;
  if (!product.published) throw new DomainError("checkout.notAvailable", "variantId");

  let quantity = 1;
  let orderData: Record<string, unknown>;
  if (input.kind === "GIFT") {
    // The rules are enforced here, not only shown on the product page.
    const eligibility = variantGiftEligibility({
      shop: product.shop,
      category: product.category,
      product: { published: product.published },
      variant,
    });
    if (!eligibility.eligible) throw new DomainError(`checkout.notGiftable.${eligibility.reasons[0]}`, "variantId");
    if (input.recipientId === buyerId) throw new DomainError("checkout.notYourself", "recipientId");
    const members = await db.threadMember.findMany({
      where: { threadId: input.threadId, userId: { in: [buyerId, input.recipientId] } },
      select: { userId: true },
    });
    if (!members.some((m) => m.userId === buyerId)) throw new DomainError("checkout.notInThread", "threadId");
    if (!members.some((m) => m.userId === input.recipientId)) throw new DomainError("checkout.recipientNotInThread", "recipientId");
    orderData = { giftThreadId: input.threadId, giftRecipientId: input.recipientId, giftMessage: input.message };
  } else {
    quantity = input.quantity;
    if (variant.stock < quantity) throw new DomainError(variant.stock > 0 ? "checkout.notEnoughStock" : "checkout.outOfStock", "variantId");
    if (product.kind === "PHYSICAL" && !input.shipping) throw new DomainError("checkout.addressRequired", "address");
    const s = input.shipping;
    orderData = s
      ? { shipName: s.name, shipPhone: s.phone, shipProvince: s.province, shipCity: s.city, shipDistrict: s.district, shipDetail: s.detail }
      : {};
  }
  if (variant.stock <= 0) throw new DomainError("checkout.outOfStock", "variantId");

  const order = await db.order.create({
    data: {
      buyerId,
      shopId: product.shopId,
      productId: product.id,
      variantId: variant.id,
      kind: input.kind,
      quantity,
      unitAmount: variant.price,
      totalAmount: variant.price * quantity,
      currency: variant.currency,
      ...orderData,
    },
    select: { id: true, totalAmount: true },
  });

  const base = appUrl(deps);
  const stripe = deps.stripe ?? getStripe();
  const buyer = await db.user.findUniqueOrThrow({ where: { id: buyerId }, select: { email: true } });
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      client_reference_id: order.id,
      customer_email: buyer.email, // receipt address, prefilled on the payment page
      metadata: { orderId: order.id, kind: input.kind },
      payment_intent_data: { metadata: { orderId: order.id } },
      line_items: [
        {
          quantity,
          price_data: {
            currency: variant.currency.toLowerCase(),
            unit_amount: variant.price,
            product_data: {
              name: `${product.title} · ${variant.name}`,
              ...(product.images[0] ? { images: [`${base}${product.images[0].url}`] } : {}),
            },
          },
        },
      ],
      success_url: `${base}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/checkout/cancelled?order=${order.id}`,
    },
    { idempotencyKey: `checkout-${order.id}` },
  );
  await db.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: session.id } });
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
  return { orderId: order.id, checkoutUrl: session.url };
}
