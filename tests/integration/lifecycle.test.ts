// The joins of the gift lifecycle: decline, the races between decline, accept, expiry and
// payment, the rules checked again when the money arrives, and checkouts that never stay
// pending. Every refund is checked at the Stripe sandbox too: money is never kept for
// nothing, and never returned twice.
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { acceptGift } from "../../lib/gifting/accept.ts";
import { getGiftCards } from "../../lib/gifting/cards.ts";
import { declineGift } from "../../lib/gifting/decline.ts";
import { expireGift } from "../../lib/gifting/expire.ts";
import { cancelCheckout, expireAbandonedCheckouts, startCheckout } from "../../lib/orders/checkout.ts";
import { createStripeClient, getStripe } from "../../lib/payments/stripe.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { makeFriendsWithThread, makeProduct, makeUser, SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);

async function keyOf(p: Promise<unknown>) {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.key;
    throw e;
  }
}

async function scene(productOpts: Parameters<typeof makeProduct>[1] = { variants: [{ name: "Box", price: 4800, stock: 5 }] }) {
  const sender = await makeUser(t.db, "Sender");
  const recipient = await makeUser(t.db, "Recipient");
  const thread = await makeFriendsWithThread(t.db, sender, recipient);
  return { sender, recipient, thread, ...(await makeProduct(t.db, productOpts)) };
}
type Scene = Awaited<ReturnType<typeof scene>>;

async function checkout(s: Scene) {
  const { orderId } = await startCheckout(t.db, s.sender.id, { kind: "GIFT", variantId: s.variants[0].id, threadId: s.thread.id, recipientId: s.recipient.id });
  return t.db.order.findUniqueOrThrow({ where: { id: orderId } });
}

async function paidGift(s: Scene) {
  const order = await checkout(s);
  await pay.pay(order.stripeCheckoutSessionId!);
  return t.db.gift.findUniqueOrThrow({ where: { orderId: order.id } });
}

/** What Stripe holds for an order: charged and refunded amounts. */
async function atStripe(orderId: string) {
  const o = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  if (!o.stripePaymentIntentId) return { charged: 0, refunded: 0 };
  const pi = await getStripe().paymentIntents.retrieve(o.stripePaymentIntentId);
  const charge = await getStripe().charges.retrieve(pi.latest_charge as string);
  return { charged: charge.amount, refunded: charge.amount_refunded };
}

const stock = async (s: Scene) => (await t.db.variant.findUniqueOrThrow({ where: { id: s.variants[0].id } })).stock;

describe("declining a gift (拒收)", () => {
  it("refunds the sender in full at once, puts the stock back and tells both sides", async () => {
    const s = await scene();
    const gift = await paidGift(s);
    expect(await stock(s)).toBe(4);

    await declineGift(t.db, s.recipient.id, { giftId: gift.id });

    expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("DECLINED");
    expect(await t.db.order.findUniqueOrThrow({ where: { id: gift.orderId } })).toMatchObject({ status: "REFUNDED", failureReason: "giftDeclined" });
    const refunds = await t.db.refund.findMany({ where: { orderId: gift.orderId } });
    expect(refunds).toMatchObject([{ amount: 4800, status: "SUCCEEDED", reason: "giftDeclined" }]);
    expect(await atStripe(gift.orderId)).toEqual({ charged: 4800, refunded: 4800 });
    expect(await stock(s)).toBe(5);
    expect(await t.db.message.count({ where: { threadId: s.thread.id, kind: "SYSTEM", systemKey: "giftDeclined" } })).toBe(1);
    // The card every member of the chat sees.
    expect((await getGiftCards(t.db, [gift.id])).get(gift.id)).toMatchObject({ status: "DECLINED" });
  });

  it("only the recipient may decline; anyone else is answered as for a missing gift, and nothing changes", async () => {
    const s = await scene();
    const gift = await paidGift(s);
    const stranger = await makeUser(t.db);
    for (const who of [s.sender.id, stranger.id]) expect(await keyOf(declineGift(t.db, who, { giftId: gift.id }))).toBe("gift.notFound");
    expect(await keyOf(declineGift(t.db, s.recipient.id, { giftId: "nope" }))).toBe("gift.notFound");
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("WAITING");
    expect(await t.db.refund.count({ where: { orderId: gift.orderId } })).toBe(0);
  });

  it("cannot decline what is accepted, declined or past its 24 hours", async () => {
    const s = await scene();
    const accepted = await paidGift(s);
    await acceptGift(t.db, s.recipient.id, { giftId: accepted.id, shipping: SAMPLE_ADDRESS });
    expect(await keyOf(declineGift(t.db, s.recipient.id, { giftId: accepted.id }))).toBe("gift.alreadyAccepted");

    const declined = await paidGift(s);
    await declineGift(t.db, s.recipient.id, { giftId: declined.id });
    expect(await keyOf(declineGift(t.db, s.recipient.id, { giftId: declined.id }))).toBe("gift.alreadyDeclined");
    expect(await keyOf(acceptGift(t.db, s.recipient.id, { giftId: declined.id, shipping: SAMPLE_ADDRESS }))).toBe("gift.alreadyDeclined");
    expect(await t.db.refund.count({ where: { orderId: declined.orderId } })).toBe(1);

    const late = await paidGift(s);
    await t.db.gift.update({ where: { id: late.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await keyOf(declineGift(t.db, s.recipient.id, { giftId: late.id }))).toBe("gift.expired");
  });
});

describe("races", () => {
  it("decline and accept at the same moment: exactly one wins, every time", async () => {
    const s = await scene({ variants: [{ name: "Box", price: 3000, stock: 20 }] });
    for (let round = 0; round < 8; round++) {
      const gift = await paidGift(s);
      const [accept, decline] = await Promise.allSettled([
        acceptGift(t.db, s.recipient.id, { giftId: gift.id, shipping: SAMPLE_ADDRESS }),
        declineGift(t.db, s.recipient.id, { giftId: gift.id }),
      ]);
      const after = await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } });
      const claims = await t.db.giftClaim.count({ where: { giftId: gift.id } });
      const refunds = await t.db.refund.count({ where: { orderId: gift.orderId } });
      expect([accept.status, decline.status].sort()).toEqual(["fulfilled", "rejected"]);
      if (accept.status === "fulfilled") {
        expect([after.status, claims, refunds]).toEqual(["ACCEPTED", 1, 0]);
        expect(((decline as PromiseRejectedResult).reason as DomainError).key).toBe("gift.alreadyAccepted");
      } else {
        expect([after.status, claims, refunds]).toEqual(["DECLINED", 0, 1]);
        expect(((accept as PromiseRejectedResult).reason as DomainError).key).toBe("gift.alreadyDeclined");
      }
    }
  });

  it("expiry and accept at the same moment: one wins; an expired gift is refunded once, an accepted one never", async () => {
    const s = await scene({ variants: [{ name: "Box", price: 2500, stock: 20 }] });
    for (let round = 0; round < 8; round++) {
      const gift = await paidGift(s);
      // The job runs at expiresAt while the recipient presses Accept a moment before it.
      const expiresAt = new Date(Date.now() + 2_000);
      await t.db.gift.update({ where: { id: gift.id }, data: { expiresAt } });
      const [accept, expire] = await Promise.allSettled([
        acceptGift(t.db, s.recipient.id, { giftId: gift.id, shipping: SAMPLE_ADDRESS }),
        (async () => {
          // Retried like the job: a gift locked by the accept is taken up again.
          for (;;) {
            const outcome = await expireGift(t.db, gift.id, { now: new Date(expiresAt.getTime() + 1) });
            if (outcome !== "busy") return outcome;
          }
        })(),
      ]);
      const after = await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } });
      const money = await atStripe(gift.orderId);
      if (accept.status === "fulfilled") {
        expect(after.status).toBe("ACCEPTED");
        expect(expire).toMatchObject({ status: "fulfilled", value: "closed" });
        expect(money.refunded).toBe(0);
      } else {
        expect(after.status).toBe("EXPIRED");
        expect(expire).toMatchObject({ status: "fulfilled", value: "expired" });
        expect(money.refunded).toBe(2500);
        expect(await t.db.refund.count({ where: { orderId: gift.orderId } })).toBe(1);
      }
    }
  });

  it("payment arriving while the checkout is given up: one wins, and money is never kept for nothing", async () => {
    const s = await scene({ variants: [{ name: "Box", price: 1800, stock: 20 }] });
    const outcomes = new Set<string>();
    for (let round = 0; round < 8; round++) {
      const order = await checkout(s);
      const [paid] = await Promise.allSettled([
        pay.pay(order.stripeCheckoutSessionId!),
        expireAbandonedCheckouts(t.db, { now: new Date(Date.now() + 24 * 3600_000) }),
      ]);
      // Let a payment webhook that lost the race finish.
      await new Promise((r) => setTimeout(r, 200));
      const after = await t.db.order.findUniqueOrThrow({ where: { id: order.id } });
      const money = await atStripe(order.id);
      const gifts = await t.db.gift.count({ where: { orderId: order.id } });
      outcomes.add(`${after.status}/${paid.status}`);
      if (after.status === "PAID") {
        // The payment won: the gift is on its way and nothing was refunded.
        expect([gifts, money.refunded]).toEqual([1, 0]);
      } else if (after.status === "CANCELLED") {
        // The checkout was expired at Stripe first: the payment could not happen.
        expect(paid.status).toBe("rejected");
        expect([gifts, money.charged]).toEqual([0, 0]);
      } else {
        // Paid after the order was given up: returned in full.
        expect(after).toMatchObject({ status: "REFUNDED", failureReason: "paymentTooLate" });
        expect(gifts).toBe(0);
        expect(money.refunded).toBe(money.charged);
      }
    }
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
  });
});

describe("the rules, checked again when the payment arrives", () => {
  const changes: [string, (s: Scene) => Promise<unknown>, string][] = [
    ["shop switched gifting off", (s) => t.db.shop.update({ where: { id: s.shop.id }, data: { giftingEnabled: false } }), "notGiftable.shopGiftingOff"],
    ["product taken off sale", (s) => t.db.product.update({ where: { id: s.product.id }, data: { published: false } }), "notGiftable.notPublished"],
    [
      "moved to a category that cannot be gifted",
      async (s) => {
        const jewelry = await t.db.category.upsert({ where: { slug: "jewelry" }, create: { slug: "jewelry", giftEligible: false }, update: {} });
        await t.db.product.update({ where: { id: s.product.id }, data: { categoryId: jewelry.id } });
      },
      "notGiftable.categoryExcluded",
    ],
    ["re-priced", (s) => t.db.variant.update({ where: { id: s.variants[0].id }, data: { price: 5900, originalPrice: 5900 } }), "notGiftable.priceChanged"],
  ];
  for (const [what, change, reason] of changes) {
    it(`${what}: refunded in full with a reason the sender reads, no gift, stock untouched`, async () => {
      const s = await scene();
      const order = await checkout(s);
      await change(s);
      await pay.pay(order.stripeCheckoutSessionId!);
      expect(await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "REFUNDED", failureReason: reason });
      expect(await t.db.gift.count({ where: { orderId: order.id } })).toBe(0);
      expect(await atStripe(order.id)).toEqual({ charged: 4800, refunded: 4800 });
      expect(await stock(s)).toBe(5);
    });
  }

  it("a variant the recipient switches to must be giftable too", async () => {
    const s = await scene({
      variants: [
        { name: "Plain", price: 3000, stock: 5 },
        { name: "Collector", price: 3000, originalPrice: 1_200_000, stock: 5 },
      ],
    });
    const gift = await paidGift(s);
    expect(await keyOf(acceptGift(t.db, s.recipient.id, { giftId: gift.id, variantId: s.variants[1].id, shipping: SAMPLE_ADDRESS }))).toBe(
      "gift.variantNotGiftable",
    );
    expect(await t.db.giftClaim.count({ where: { giftId: gift.id } })).toBe(0);
  });
});

describe("checkouts never stay pending", () => {
  it("a checkout Stripe refuses cancels its order and says so", async () => {
    const s = await scene();
    const unreachable = createStripeClient({ STRIPE_SANDBOX_URL: "http://127.0.0.1:9" });
    const before = await t.db.order.count();
    const err = await startCheckout(
      t.db,
      s.sender.id,
      { kind: "GIFT", variantId: s.variants[0].id, threadId: s.thread.id, recipientId: s.recipient.id },
      { stripe: unreachable as Stripe },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ key: "checkout.stripeFailed" });
    const orders = await t.db.order.findMany({ where: { buyerId: s.sender.id } });
    expect(await t.db.order.count()).toBe(before + 1);
    expect(orders).toMatchObject([{ status: "CANCELLED", failureReason: "checkoutFailed" }]);
  });

  it("a cancelled checkout expires its session, so the page left behind can no longer take the money", async () => {
    const s = await scene();
    const order = await checkout(s);
    const stranger = await makeUser(t.db);
    expect(await cancelCheckout(t.db, stranger.id, order.id)).toBe(false); // not theirs
    expect(await cancelCheckout(t.db, s.sender.id, order.id)).toBe(true);
    expect(await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CANCELLED", failureReason: "checkoutCancelled" });
    expect((await getStripe().checkout.sessions.retrieve(order.stripeCheckoutSessionId!)).status).toBe("expired");
    await expect(pay.pay(order.stripeCheckoutSessionId!)).rejects.toThrow();
    expect(await atStripe(order.id)).toEqual({ charged: 0, refunded: 0 });
    expect(await cancelCheckout(t.db, s.sender.id, order.id)).toBe(false); // twice changes nothing
  });

  it("an abandoned checkout is given up after its session's lifetime, a paid one never", async () => {
    const s = await scene();
    const abandoned = await checkout(s);
    const paid = await checkout(s);
    await pay.pay(paid.stripeCheckoutSessionId!);
    expect(await expireAbandonedCheckouts(t.db)).toBe(0); // too early
    expect(await expireAbandonedCheckouts(t.db, { now: new Date(Date.now() + 36 * 60_000) })).toBe(1);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: abandoned.id } })).status).toBe("CANCELLED");
    expect((await t.db.order.findUniqueOrThrow({ where: { id: paid.id } })).status).toBe("PAID");
  });
});
