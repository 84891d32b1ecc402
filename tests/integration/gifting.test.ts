import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { acceptGift } from "../../lib/gifting/accept.ts";
import { getGiftByToken } from "../../lib/gifting/view.ts";
import { giftToken } from "../../lib/gifting/token.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { handleStripeEvent } from "../../lib/orders/payment-events.ts";
import { getStripe } from "../../lib/payments/stripe.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { makeFriendsWithThread, makeGroupThread, makeProduct, makeUser, SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { usePayments, TEST_WEBHOOK_SECRET } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);

async function domainKey(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.key;
    throw e;
  }
  return "no error";
}

/** Sender and recipient in a direct chat, and a giftable product. */
async function scene(productOpts: Parameters<typeof makeProduct>[1] = {}) {
  const sender = await makeUser(t.db, "Sender");
  const recipient = await makeUser(t.db, "Recipient");
  const thread = await makeFriendsWithThread(t.db, sender, recipient);
  const shop = await makeProduct(t.db, productOpts);
  return { sender, recipient, thread, ...shop };
}

async function paidGift(s: Awaited<ReturnType<typeof scene>>, message = "生日快乐") {
  const { orderId, checkoutUrl } = await startCheckout(t.db, s.sender.id, {
    kind: "GIFT",
    variantId: s.variants[0].id,
    threadId: s.thread.id,
    recipientId: s.recipient.id,
    message,
  });
  const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  const paid = await pay.pay(order.stripeCheckoutSessionId!);
  const gift = await t.db.gift.findUnique({ where: { orderId } });
  return { orderId, checkoutUrl, order, paid, gift };
}

describe("checkout", () => {
  it("charges the variant's price from the database and redirects to the hosted checkout", async () => {
    const s = await scene({ variants: [{ name: "Box", price: 4250, stock: 5 }] });
    const { orderId, checkoutUrl } = await startCheckout(t.db, s.sender.id, {
      kind: "GIFT",
      variantId: s.variants[0].id,
      threadId: s.thread.id,
      recipientId: s.recipient.id,
      message: "hi",
    });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: "PENDING_PAYMENT", kind: "GIFT", totalAmount: 4250, giftRecipientId: s.recipient.id });
    expect(checkoutUrl).toContain(pay.sandbox.url);
    const session = await getStripe().checkout.sessions.retrieve(order.stripeCheckoutSessionId!);
    expect(session.amount_total).toBe(4250);
    expect(session.metadata?.orderId).toBe(orderId);
  });

  it("refuses a gift the rules exclude, with the reason, and creates no order", async () => {
    const cases: [Parameters<typeof makeProduct>[1], string][] = [
      [{ giftingEnabled: false }, "checkout.notGiftable.shopGiftingOff"],
      [{ categorySlug: "jewelry" }, "checkout.notGiftable.categoryExcluded"],
      [{ variants: [{ name: "Lux", price: 900_000, originalPrice: 1_200_000, stock: 1 }] }, "checkout.notGiftable.priceTooHigh"],
      [{ variants: [{ name: "Gone", price: 100, stock: 0 }] }, "checkout.notGiftable.outOfStock"],
    ];
    for (const [opts, key] of cases) {
      const s = await scene(opts);
      const before = await t.db.order.count();
      expect(await domainKey(startCheckout(t.db, s.sender.id, { kind: "GIFT", variantId: s.variants[0].id, threadId: s.thread.id, recipientId: s.recipient.id }))).toBe(key);
      expect(await t.db.order.count()).toBe(before);
    }
  });

  it("sends a one-to-one gift only to a friend, in their direct chat", async () => {
    const s = await scene();
    const stranger = await makeUser(t.db);
    const gift = (buyer: string, threadId: string, recipientId: string) =>
      domainKey(startCheckout(t.db, buyer, { kind: "GIFT", variantId: s.variants[0].id, threadId, recipientId }));
    const before = await t.db.order.count();
    expect(await gift(stranger.id, s.thread.id, s.recipient.id)).toBe("checkout.notDirectChat");
    expect(await gift(s.sender.id, s.thread.id, stranger.id)).toBe("checkout.notDirectChat");
    expect(await gift(s.sender.id, s.thread.id, s.sender.id)).toBe("checkout.notYourself");
    // A group chat gets group gifts, not a single gift to one of its members.
    const group = await makeGroupThread(t.db, s.sender, [s.recipient, stranger]);
    expect(await gift(s.sender.id, group.id, s.recipient.id)).toBe("checkout.notDirectChat");
    // A direct chat left over from a friendship that ended.
    await t.db.friendship.deleteMany({ where: { OR: [{ userAId: s.sender.id }, { userBId: s.sender.id }] } });
    expect(await gift(s.sender.id, s.thread.id, s.recipient.id)).toBe("gift.chooseFriendError");
    expect(await t.db.order.count()).toBe(before);
  });
});

describe("payment webhook", () => {
  it("on checkout.session.completed: order paid, gift waiting 24 h, one card in the thread, stock taken", async () => {
    const s = await scene({ variants: [{ name: "Box", price: 3800, stock: 5 }] });
    const { orderId, paid, gift } = await paidGift(s);
    expect(paid.delivery.status).toBe("delivered");
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("PAID");
    expect(order.stripePaymentIntentId).toMatch(/^pi_/);
    expect(gift).toMatchObject({ status: "WAITING", senderId: s.sender.id, recipientId: s.recipient.id, threadId: s.thread.id, message: "生日快乐" });
    expect(gift!.expiresAt.getTime() - order.paidAt!.getTime()).toBe(24 * 60 * 60 * 1000);
    const cards = await t.db.message.findMany({ where: { threadId: s.thread.id, kind: "GIFT" } });
    expect(cards.map((c) => c.giftId)).toEqual([gift!.id]);
    expect((await t.db.variant.findUniqueOrThrow({ where: { id: s.variants[0].id } })).stock).toBe(4);
  });

  it("handles the same event delivered twice, and a second event for the same session, once", async () => {
    const s = await scene();
    const { orderId, paid } = await paidGift(s);
    await pay.resend(paid.event.id);
    // A different event id for the same paid session (as async_payment_succeeded would be).
    const session = await getStripe().checkout.sessions.retrieve((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeCheckoutSessionId!);
    const second = { id: `evt_second_${orderId}`, object: "event", type: "checkout.session.async_payment_succeeded", data: { object: session } } as unknown as Stripe.Event;
    expect(await handleStripeEvent(t.db, second)).toBe("ignored");
    expect(await handleStripeEvent(t.db, second)).toBe("duplicate");
    expect(await t.db.gift.count({ where: { orderId } })).toBe(1);
    expect(await t.db.message.count({ where: { threadId: s.thread.id, kind: "GIFT" } })).toBe(1);
    expect((await t.db.variant.findUniqueOrThrow({ where: { id: s.variants[0].id } })).stock).toBe(9);
  });

  it("answers 400 to a bad or missing signature and changes nothing", async () => {
    const s = await scene();
    const { orderId } = await startCheckout(t.db, s.sender.id, { kind: "GIFT", variantId: s.variants[0].id, threadId: s.thread.id, recipientId: s.recipient.id });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    const session = await getStripe().checkout.sessions.retrieve(order.stripeCheckoutSessionId!);
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "checkout.session.completed", data: { object: { ...session, payment_status: "paid", status: "complete" } } });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" });
    const events = await t.db.stripeEvent.count();
    expect((await pay.postWebhook(payload, forged)).status).toBe(400);
    expect((await pay.postWebhook(payload, null)).status).toBe(400);
    const good = Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
    expect((await pay.postWebhook(payload + " ", good)).status).toBe(400); // body altered after signing
    expect(await t.db.stripeEvent.count()).toBe(events);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PENDING_PAYMENT");
    expect(await t.db.gift.count({ where: { orderId } })).toBe(0);
  });

  it("acknowledges unknown event types and does nothing with them", async () => {
    const payload = JSON.stringify({ id: "evt_unknown_type", object: "event", type: "customer.created", data: { object: { id: "cus_1" } } });
    const res = await pay.postWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, outcome: "ignored" });
  });

  it("out of order: a late 'expired' after payment changes nothing; a payment after 'expired' is refunded", async () => {
    const s = await scene();
    const { orderId } = await paidGift(s);
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    const session = await getStripe().checkout.sessions.retrieve(order.stripeCheckoutSessionId!);
    const lateExpired = { id: `evt_late_${orderId}`, object: "event", type: "checkout.session.expired", data: { object: { ...session, status: "expired" } } } as unknown as Stripe.Event;
    expect(await handleStripeEvent(t.db, lateExpired)).toBe("ignored");
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");

    const s2 = await scene();
    const { orderId: o2 } = await startCheckout(t.db, s2.sender.id, { kind: "GIFT", variantId: s2.variants[0].id, threadId: s2.thread.id, recipientId: s2.recipient.id });
    const order2 = await t.db.order.findUniqueOrThrow({ where: { id: o2 } });
    const open = await getStripe().checkout.sessions.retrieve(order2.stripeCheckoutSessionId!);
    expect(await handleStripeEvent(t.db, { id: `evt_exp_${o2}`, object: "event", type: "checkout.session.expired", data: { object: open } } as unknown as Stripe.Event)).toBe("processed");
    await pay.pay(open.id); // the real completed event arrives after
    const after = await t.db.order.findUniqueOrThrow({ where: { id: o2 } });
    expect(after).toMatchObject({ status: "REFUNDED", failureReason: "paymentTooLate" });
    expect(await t.db.gift.count({ where: { orderId: o2 } })).toBe(0);
    const refunds = await t.db.refund.findMany({ where: { orderId: o2 } });
    expect(refunds).toHaveLength(1);
    const stripeRefund = await getStripe().refunds.retrieve(refunds[0].stripeRefundId!);
    expect(stripeRefund).toMatchObject({ status: "succeeded", amount: after.totalAmount, payment_intent: after.stripePaymentIntentId });
  });

  it("two buyers racing for the last unit: one order stands, the other is refunded, stock never below zero", async () => {
    const s = await scene({ variants: [{ name: "Last one", price: 5000, stock: 1 }] });
    const buyers = [await makeUser(t.db), await makeUser(t.db)];
    const orders = await Promise.all(
      buyers.map((b) => startCheckout(t.db, b.id, { kind: "SELF", variantId: s.variants[0].id, quantity: 1, shipping: SAMPLE_ADDRESS })),
    );
    const sessions = await Promise.all(orders.map(async (o) => (await t.db.order.findUniqueOrThrow({ where: { id: o.orderId } })).stripeCheckoutSessionId!));
    await Promise.all(sessions.map((id) => pay.pay(id)));
    const final = await t.db.order.findMany({ where: { id: { in: orders.map((o) => o.orderId) } } });
    expect(final.map((o) => o.status).sort()).toEqual(["PAID", "REFUNDED"]);
    const refunded = final.find((o) => o.status === "REFUNDED")!;
    expect(refunded.failureReason).toBe("soldOut");
    expect(await t.db.refund.count({ where: { orderId: refunded.id } })).toBe(1);
    expect((await t.db.variant.findUniqueOrThrow({ where: { id: s.variants[0].id } })).stock).toBe(0);
  });
});

describe("accepting a gift", () => {
  it("two concurrent accepts by the recipient give exactly one claim", async () => {
    const s = await scene();
    const { gift } = await paidGift(s);
    const results = await Promise.allSettled([
      acceptGift(t.db, s.recipient.id, { giftId: gift!.id, shipping: SAMPLE_ADDRESS }),
      acceptGift(t.db, s.recipient.id, { giftId: gift!.id, shipping: SAMPLE_ADDRESS }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as DomainError).key).toBe("gift.alreadyAccepted");
    expect(await t.db.giftClaim.count({ where: { giftId: gift!.id } })).toBe(1);
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift!.id } })).status).toBe("ACCEPTED");
    // The order keeps saying what happened to the money; acceptance lives on the gift.
    expect((await t.db.order.findUniqueOrThrow({ where: { id: gift!.orderId } })).status).toBe("PAID");
  });

  it("the sender and a stranger cannot accept: they are answered as for a missing gift", async () => {
    const s = await scene();
    const { gift } = await paidGift(s);
    const stranger = await makeUser(t.db);
    expect(await domainKey(acceptGift(t.db, s.sender.id, { giftId: gift!.id, shipping: SAMPLE_ADDRESS }))).toBe("gift.notFound");
    expect(await domainKey(acceptGift(t.db, stranger.id, { giftId: gift!.id, shipping: SAMPLE_ADDRESS }))).toBe("gift.notFound");
    expect(await domainKey(acceptGift(t.db, stranger.id, { giftId: "no-such-gift", shipping: SAMPLE_ADDRESS }))).toBe("gift.notFound");
    expect(await t.db.giftClaim.count({ where: { giftId: gift!.id } })).toBe(0);
  });

  it("needs an address for a parcel, none for a voucher (which gets a code)", async () => {
    const s = await scene();
    const { gift } = await paidGift(s);
    expect(await domainKey(acceptGift(t.db, s.recipient.id, { giftId: gift!.id, shipping: null }))).toBe("gift.addressRequired");
    const v = await scene({ kind: "VOUCHER", categorySlug: "coffee" });
    const { gift: voucher } = await paidGift(v);
    const claim = await acceptGift(t.db, v.recipient.id, { giftId: voucher!.id, shipping: null });
    expect(claim.voucherCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it("lets the recipient switch to a same-price variant before accepting, never to a dearer one", async () => {
    const s = await scene({
      variants: [
        { name: "Red", price: 3000, stock: 5 },
        { name: "Blue", price: 3000, stock: 5 },
        { name: "Gold", price: 9000, stock: 5 },
      ],
    });
    const { gift } = await paidGift(s);
    const [red, blue, gold] = s.variants;
    expect(await domainKey(acceptGift(t.db, s.recipient.id, { giftId: gift!.id, variantId: gold.id, shipping: SAMPLE_ADDRESS }))).toBe("gift.variantNotSwitchable");
    await acceptGift(t.db, s.recipient.id, { giftId: gift!.id, variantId: blue.id, shipping: SAMPLE_ADDRESS });
    const stock = Object.fromEntries((await t.db.variant.findMany({ where: { productId: s.product.id } })).map((v) => [v.name, v.stock]));
    expect(stock).toEqual({ Red: 5, Blue: 4, Gold: 5 }); // red's unit went back when switching
    expect((await t.db.giftClaim.findFirstOrThrow({ where: { giftId: gift!.id } })).variantId).toBe(blue.id);
    void red;
  });

  it("refuses after the 24 hours", async () => {
    const s = await scene();
    const { gift } = await paidGift(s);
    await t.db.gift.update({ where: { id: gift!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await domainKey(acceptGift(t.db, s.recipient.id, { giftId: gift!.id, shipping: SAMPLE_ADDRESS }))).toBe("gift.expired");
  });
});

describe("the claim link", () => {
  it("shows the recipient the gift sheet, the sender only the status, anyone else nothing", async () => {
    const s = await scene();
    const { gift } = await paidGift(s);
    await acceptGift(t.db, s.recipient.id, { giftId: gift!.id, shipping: SAMPLE_ADDRESS });
    const token = giftToken(gift!.id);
    const stranger = await makeUser(t.db);

    const asRecipient = await getGiftByToken(t.db, s.recipient.id, token);
    expect(asRecipient).toMatchObject({ role: "recipient", status: "ACCEPTED", claim: { shipPhone: SAMPLE_ADDRESS.phone } });

    const asSender = await getGiftByToken(t.db, s.sender.id, token);
    expect(asSender).toMatchObject({ role: "sender", status: "ACCEPTED", recipientName: "Recipient" });
    const senderJson = JSON.stringify(asSender);
    for (const secret of [SAMPLE_ADDRESS.phone, SAMPLE_ADDRESS.detail, SAMPLE_ADDRESS.name, SAMPLE_ADDRESS.district]) expect(senderJson).not.toContain(secret);

    expect(await getGiftByToken(t.db, stranger.id, token)).toEqual({ role: "other" });
    expect(await getGiftByToken(t.db, s.recipient.id, token.slice(0, -2) + "xx")).toBeNull();
    // Only the hash is stored.
    expect(JSON.stringify(await t.db.gift.findUniqueOrThrow({ where: { id: gift!.id } }))).not.toContain(token);
  });

  it("keeps working when the session secret rotates, and only under its own secret", async () => {
    const s = await scene();
    const { gift } = await paidGift(s);
    const token = giftToken(gift!.id);
    const [auth, link] = [process.env.NEXTAUTH_SECRET, process.env.LANBAO_LINK_SECRET];
    try {
      process.env.NEXTAUTH_SECRET = "a-rotated-session-secret-of-forty-characters";
      expect(giftToken(gift!.id)).toBe(token);
      expect(await getGiftByToken(t.db, s.recipient.id, token)).toMatchObject({ role: "recipient", giftId: gift!.id });
      process.env.LANBAO_LINK_SECRET = "another-link-secret-entirely-of-forty-chars";
      expect(giftToken(gift!.id)).not.toBe(token);
    } finally {
      process.env.NEXTAUTH_SECRET = auth;
      process.env.LANBAO_LINK_SECRET = link;
    }
  });
});

describe("gifts not accepted within 24 hours", () => {
  it("expire: refunded to the original payment, stock back, the thread told; twice or in parallel refunds once", async () => {
    const { expireUnacceptedGifts } = await import("../../lib/gifting/expire.ts");
    const s = await scene({ variants: [{ name: "Box", price: 6600, stock: 3 }] });
    const { gift, orderId } = await paidGift(s);
    const accepted = await paidGift(s);
    await acceptGift(t.db, s.recipient.id, { giftId: accepted.gift!.id, shipping: SAMPLE_ADDRESS });
    expect((await t.db.variant.findUniqueOrThrow({ where: { id: s.variants[0].id } })).stock).toBe(1);

    const later = new Date(Date.now() + 24 * 60 * 60 * 1000 + 1000);
    const counts = await Promise.all([expireUnacceptedGifts(t.db, { now: later }), expireUnacceptedGifts(t.db, { now: later })]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await expireUnacceptedGifts(t.db, { now: later })).toBe(0);

    expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift!.id } })).status).toBe("EXPIRED");
    expect(await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "REFUNDED", failureReason: "giftExpired" });
    const refunds = await t.db.refund.findMany({ where: { orderId } });
    expect(refunds.map((r) => r.amount)).toEqual([6600]);
    const onStripe = await getStripe().refunds.retrieve(refunds[0].stripeRefundId!);
    expect(onStripe.status).toBe("succeeded");
    expect((await t.db.variant.findUniqueOrThrow({ where: { id: s.variants[0].id } })).stock).toBe(2);
    expect(await t.db.message.count({ where: { threadId: s.thread.id, kind: "SYSTEM", systemKey: "giftExpired" } })).toBe(1);
    // The accepted one is untouched.
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: accepted.gift!.id } })).status).toBe("ACCEPTED");
    expect(await t.db.refund.count({ where: { orderId: accepted.orderId } })).toBe(0);
  });
});
