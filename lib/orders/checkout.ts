// Starting a payment: creates the order (amount from the database, never from the form)
// and a Stripe Checkout Session. The order becomes paid only when Stripe's webhook says
// so (lib/orders/payment-events.ts). An order never stays pending for good: a session
// Stripe refused cancels it at once, a cancelled or abandoned checkout expires its session
// at Stripe first (so it can no longer be paid) and is then cancelled.
import type Stripe from "stripe";
import { z } from "zod";
import { toShipColumns } from "@/lib/address/format";
import { shippingSnapshotSchema } from "@/lib/address/snapshot-schema";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { variantGiftEligibility } from "@/lib/gifting/eligibility";
import { TransitionError, transitionOrder } from "@/lib/lifecycle";
import { getStripe } from "@/lib/payments/stripe";
import { areFriends } from "@/lib/social/friends";
import { DomainError } from "@/lib/validation/result";
import { GIFT_MESSAGE_MAX } from "@/lib/gifting/message";

/** 赠言: WeChat caps the gift message at 50 characters. */
export { GIFT_MESSAGE_MAX };
export const SELF_ORDER_MAX_QUANTITY = 10;

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

/** Stripe's shortest Checkout Session: an unpaid order is given up after this. */
export const CHECKOUT_SESSION_TTL_MS = 30 * 60 * 1000;

export const giftCheckoutSchema = z.object({
  kind: z.literal("GIFT"),
  variantId: id,
  threadId: id,
  recipientId: id,
  message: z.string().trim().max(GIFT_MESSAGE_MAX, "checkout.messageTooLong").default(""),
  /** "A gift from <name>" on the packing slip; off unless the sender ticks it. */
  senderOnSlip: z.boolean().default(false),
});

/** A single gift for whoever has the link and its passphrase (礼物口令): no chat, no recipient yet. */
export const passphraseGiftCheckoutSchema = z.object({
  kind: z.literal("PASSPHRASE_GIFT"),
  variantId: id,
  message: z.string().trim().max(GIFT_MESSAGE_MAX, "checkout.messageTooLong").default(""),
});

export const selfCheckoutSchema = z.object({
  kind: z.literal("SELF"),
  variantId: id,
  quantity: z.coerce.number().int("validation.invalid").min(1, "validation.invalid").max(SELF_ORDER_MAX_QUANTITY, "checkout.quantityTooHigh"),
  shipping: shippingSnapshotSchema.nullable(),
});

/** A group gift's units (at most 100, as in WeChat) and a lottery's draw, at most a day ahead. */
export const GROUP_GIFT_MAX_UNITS = 100;
export const LOTTERY_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;
/** The soonest a draw may be set: time to pay, and for members to see the card. */
export const LOTTERY_MIN_AHEAD_MS = 30_000;

/** Units for a group chat: first come first served (GROUP), or drawn among entrants (LOTTERY). */
export const groupGiftCheckoutSchema = z.object({
  kind: z.literal("GROUP_GIFT"),
  mode: z.enum(["GROUP", "LOTTERY"], "validation.invalid"),
  variantId: id,
  threadId: id,
  units: z.coerce.number("validation.invalid").int("validation.invalid").min(1, "checkout.group.unitsTooFew").max(GROUP_GIFT_MAX_UNITS, "checkout.group.unitsTooMany"),
  message: z.string().trim().max(GIFT_MESSAGE_MAX, "checkout.messageTooLong").default(""),
  /** Lotteries: when to draw. */
  drawAt: z.coerce.date("checkout.lottery.drawAtInvalid").optional(),
  /** Lotteries open to chosen members only; empty or absent means everyone. */
  eligibleUserIds: z.array(id).max(500, "validation.invalid").default([]),
});

export const checkoutSchema = z.discriminatedUnion("kind", [giftCheckoutSchema, passphraseGiftCheckoutSchema, groupGiftCheckoutSchema, selfCheckoutSchema]);
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
  let orderData: Partial<Prisma.OrderUncheckedCreateInput>;
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
    // A one-to-one gift goes to a friend, in the direct chat of the two (group chats send
    // group gifts instead).
    const thread = await db.thread.findUnique({ where: { id: input.threadId }, select: { kind: true, directKey: true } });
    if (!thread || thread.kind !== "DIRECT" || thread.directKey !== [buyerId, input.recipientId].sort().join(":")) {
      throw new DomainError("checkout.notDirectChat", "recipientId");
    }
    if (!(await areFriends(db, buyerId, input.recipientId))) throw new DomainError("gift.chooseFriendError", "recipientId");
    orderData = { giftMode: "SINGLE", giftThreadId: input.threadId, giftRecipientId: input.recipientId, giftMessage: input.message, giftSenderOnSlip: input.senderOnSlip };
  } else if (input.kind === "PASSPHRASE_GIFT") {
    const eligibility = variantGiftEligibility({ shop: product.shop, category: product.category, product: { published: product.published }, variant });
    if (!eligibility.eligible) throw new DomainError(`checkout.notGiftable.${eligibility.reasons[0]}`, "variantId");
    orderData = { giftMode: "SINGLE", giftByPassphrase: true, giftMessage: input.message };
  } else if (input.kind === "GROUP_GIFT") {
    const eligibility = variantGiftEligibility({ shop: product.shop, category: product.category, product: { published: product.published }, variant });
    if (!eligibility.eligible) throw new DomainError(`checkout.notGiftable.${eligibility.reasons[0]}`, "variantId");
    quantity = input.units;
    orderData = await groupGiftOrder(db, buyerId, input);
    if (variant.stock < quantity) throw new DomainError("checkout.notEnoughStock", "units");
  } else {
    quantity = input.quantity;
    if (variant.stock < quantity) throw new DomainError(variant.stock > 0 ? "checkout.notEnoughStock" : "checkout.outOfStock", "variantId");
    if (product.kind === "PHYSICAL" && !input.shipping) throw new DomainError("checkout.addressRequired", "address");
    orderData = input.shipping ? toShipColumns(input.shipping) : {};
  }
  if (variant.stock <= 0) throw new DomainError("checkout.outOfStock", "variantId");

  const order = await db.order.create({
    data: {
      buyerId,
      shopId: product.shopId,
      productId: product.id,
      variantId: variant.id,
      kind: input.kind === "SELF" ? "SELF" : "GIFT",
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
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    // Stripe's minimum; the sweep gives the order up a little after (expireAbandonedCheckouts).
    expires_at: Math.floor((Date.now() + CHECKOUT_SESSION_TTL_MS) / 1000) + 60,
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
  };
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(params, { idempotencyKey: `checkout-${order.id}` });
  } catch (err) {
    // Nothing was charged; the order must not wait for a payment that cannot come.
    await transitionOrder(db, order.id, "cancel", { failureReason: "checkoutFailed" });
    console.error(`checkout for order ${order.id} failed at Stripe: ${err instanceof Error ? err.message : String(err)}`);
    throw new DomainError("checkout.stripeFailed");
  }
  await db.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: session.id } });
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
  return { orderId: order.id, checkoutUrl: session.url };
}

/**
 * The rules of a group gift or lottery, checked before the order exists: the chat is a
 * group the buyer is in; units go to other members (a group gift needs at least 2 and no
 * more than there are others to take them; a lottery no more than may enter); a draw is
 * at most a day ahead; chosen entrants are members of the group.
 */
async function groupGiftOrder(db: Db, buyerId: string, input: z.output<typeof groupGiftCheckoutSchema>) {
  const thread = await db.thread.findFirst({
    where: { id: input.threadId, kind: "GROUP", members: { some: { userId: buyerId } } },
    select: { members: { where: { userId: { not: buyerId } }, select: { userId: true } } },
  });
  if (!thread) throw new DomainError("checkout.notGroupMember", "threadId");
  const others = new Set(thread.members.map((m) => m.userId));
  const base = { giftMode: input.mode, giftThreadId: input.threadId, giftMessage: input.message };
  if (input.mode === "GROUP") {
    if (input.units < 2) throw new DomainError("checkout.group.unitsTooFew", "units");
    if (input.units > others.size) throw new DomainError("checkout.group.moreUnitsThanMembers", "units");
    return base;
  }
  const chosen = [...new Set(input.eligibleUserIds)];
  if (chosen.some((u) => !others.has(u))) throw new DomainError("checkout.lottery.notMembers", "eligibleUserIds");
  if (input.units > (chosen.length || others.size)) throw new DomainError("checkout.lottery.moreUnitsThanEntrants", "units");
  const now = Date.now();
  if (!input.drawAt) throw new DomainError("checkout.lottery.drawAtInvalid", "drawAt");
  if (input.drawAt.getTime() < now + LOTTERY_MIN_AHEAD_MS) throw new DomainError("checkout.lottery.drawTooSoon", "drawAt");
  if (input.drawAt.getTime() > now + LOTTERY_MAX_AHEAD_MS) throw new DomainError("checkout.lottery.drawTooLate", "drawAt");
  return { ...base, giftDrawAt: input.drawAt, giftEligibleUserIds: chosen.length ? chosen : undefined };
}

/**
 * Gives up a pending order: expires its Checkout Session at Stripe first, so the page the
 * buyer left can no longer take a payment, then cancels the order. A session Stripe says
 * is already complete is left alone: its payment webhook is on the way. Returns whether
 * the order is now cancelled.
 */
async function giveUpPendingOrder(db: Db, order: { id: string; stripeCheckoutSessionId: string | null }, reason: string, stripe: Stripe) {
  if (order.stripeCheckoutSessionId) {
    try {
      await stripe.checkout.sessions.expire(order.stripeCheckoutSessionId);
    } catch (err) {
      const session = await stripe.checkout.sessions.retrieve(order.stripeCheckoutSessionId).catch(() => null);
      if (!session || session.status === "complete") return false;
      if (session.status === "open") throw err;
    }
  }
  try {
    await transitionOrder(db, order.id, "cancel", { failureReason: reason });
    return true;
  } catch (err) {
    if (err instanceof TransitionError) return false; // paid or cancelled meanwhile
    throw err;
  }
}

/** The buyer came back from the payment page without paying (Stripe's cancel_url). */
export async function cancelCheckout(db: Db, buyerId: string, orderId: string, deps: { stripe?: Stripe } = {}) {
  const order = await db.order.findFirst({
    where: { id: orderId, buyerId, status: "PENDING_PAYMENT" },
    select: { id: true, stripeCheckoutSessionId: true },
  });
  if (!order) return false;
  return giveUpPendingOrder(db, order, "checkoutCancelled", deps.stripe ?? getStripe());
}

/** The sweep's part: orders still unpaid after their session's lifetime. Returns how many were cancelled. */
export async function expireAbandonedCheckouts(db: Db, opts: { now?: Date; stripe?: Stripe; batch?: number } = {}) {
  const now = opts.now ?? new Date();
  const stale = await db.order.findMany({
    where: { status: "PENDING_PAYMENT", createdAt: { lt: new Date(now.getTime() - CHECKOUT_SESSION_TTL_MS - 5 * 60_000) } },
    orderBy: { createdAt: "asc" },
    take: opts.batch ?? 100,
    select: { id: true, stripeCheckoutSessionId: true },
  });
  let cancelled = 0;
  for (const order of stale) if (await giveUpPendingOrder(db, order, "checkoutExpired", opts.stripe ?? getStripe())) cancelled++;
  return cancelled;
}
