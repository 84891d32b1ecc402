// After the gift is accepted: confirming receipt (by the recipient, or automatically 10 days
// after shipping), after-sales requests and the shop's decisions with full or partial
// refunds through the lifecycle's refund path, and who may do each of them. Payments and
// refunds go through the real Stripe SDK against the local sandbox.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { approveAfterSale, rejectAfterSale } from "../../lib/after-sales/decide.ts";
import { requestAfterSale, withdrawAfterSale } from "../../lib/after-sales/request.ts";
import { AFTER_SALE_WINDOW_MS } from "../../lib/after-sales/rules.ts";
import { acceptGift } from "../../lib/gifting/accept.ts";
import { sendJob } from "../../lib/jobs/queue.ts";
import { startJobRunner } from "../../lib/jobs/runner.ts";
import { transitionOrder } from "../../lib/lifecycle/index.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { markDelivered, markShipped } from "../../lib/orders/fulfilment.ts";
import { getStripe } from "../../lib/payments/stripe.ts";
import { getReceivedGiftTimeline, getSentGiftTimeline } from "../../lib/tracking/gifts.ts";
import { getOwnOrderTracking } from "../../lib/tracking/own-orders.ts";
import { autoConfirmOverdue, autoConfirmReceipt, confirmReceipt, RECEIPT_AUTO_CONFIRM_MS } from "../../lib/tracking/receipt.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { makeFriendsWithThread, makeProduct, makeUser, SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);

const PRICE = 4800;
const DAY = 24 * 3600_000;

/** The refusal's i18n key (or field errors), "ok" when it went through. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.field ? `${e.field}:${e.key}` : e.key;
    if (e instanceof ZodError) return e.issues.map((i) => `${i.path.join(".")}:${i.message}`).join(",");
    throw e;
  }
}

async function scene() {
  const sender = await makeUser(t.db, "Sender");
  const recipient = await makeUser(t.db, "Recipient");
  const stranger = await makeUser(t.db, "Stranger");
  const thread = await makeFriendsWithThread(t.db, sender, recipient);
  const shop = await makeProduct(t.db, { variants: [{ name: "Box", price: PRICE, stock: 10 }] });
  const otherShop = await makeProduct(t.db);
  return { sender, recipient, stranger, thread, ...shop, merchant: shop.owner, otherMerchant: otherShop.owner };
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** A gift paid at the sandbox and accepted with an address; optionally shipped, then confirmed. */
async function acceptedGift(s: Scene, step: "accepted" | "shipped" | "delivered" = "delivered") {
  const { orderId } = await startCheckout(t.db, s.sender.id, { kind: "GIFT", variantId: s.variants[0].id, threadId: s.thread.id, recipientId: s.recipient.id, message: "生日快乐" });
  const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  await pay.pay(order.stripeCheckoutSessionId!);
  const gift = await t.db.gift.findUniqueOrThrow({ where: { orderId } });
  const claim = await acceptGift(t.db, s.recipient.id, { giftId: gift.id, shipping: SAMPLE_ADDRESS });
  if (step !== "accepted") await markShipped(t.db, s.merchant.id, { orderId, carrier: "SF Express", trackingNumber: "SF1000200030" });
  if (step === "delivered") await confirmReceipt(t.db, s.recipient.id, { orderId });
  return { orderId, giftId: gift.id, claimId: claim.id };
}

async function selfOrder(s: Scene, step: "paid" | "shipped" | "delivered" = "delivered", buyer = s.stranger) {
  const { orderId } = await startCheckout(t.db, buyer.id, { kind: "SELF", variantId: s.variants[0].id, quantity: 1, shipping: SAMPLE_ADDRESS });
  const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  await pay.pay(order.stripeCheckoutSessionId!);
  if (step !== "paid") await markShipped(t.db, s.merchant.id, { orderId, carrier: "EMS", trackingNumber: "EMS998877" });
  if (step === "delivered") await markDelivered(t.db, s.merchant.id, { orderId });
  return { orderId, buyer };
}

async function refundedAtStripe(orderId: string) {
  const o = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  const pi = await getStripe().paymentIntents.retrieve(o.stripePaymentIntentId!);
  return (await getStripe().charges.retrieve(pi.latest_charge as string)).amount_refunded;
}

const ask = (userId: string, orderId: string, extra: Partial<{ kind: "REFUND_ONLY" | "RETURN_AND_REFUND"; reason: string; photoKey: string }> = {}) =>
  requestAfterSale(t.db, userId, { orderId, kind: "REFUND_ONLY", reason: "盒子压坏了 The box arrived crushed", ...extra });

describe("confirming receipt (确认收货)", () => {
  it("the recipient confirms a shipped gift: delivered, by the recipient, and both sides are told", async () => {
    const s = await scene();
    const g = await acceptedGift(s, "shipped");
    await confirmReceipt(t.db, s.recipient.id, { orderId: g.orderId });
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: g.claimId } })).status).toBe("DELIVERED");
    expect(await t.db.shipment.findFirstOrThrow({ where: { claimId: g.claimId } })).toMatchObject({ deliveredBy: "RECIPIENT", deliveredAt: expect.any(Date) });
    const notice = await t.db.message.findFirstOrThrow({ where: { threadId: s.thread.id, systemKey: "receiptConfirmed" } });
    expect(notice.systemArg).toEqual({ product: s.product.title, recipient: s.recipient.name });
    expect(await outcome(confirmReceipt(t.db, s.recipient.id, { orderId: g.orderId }))).toBe("tracking.errors.alreadyDelivered");
    // The sender's timeline reads it too.
    const sent = await getSentGiftTimeline(t.db, s.sender.id, g.giftId);
    expect(sent?.claims[0].events.find((e) => e.kind === "delivered")).toMatchObject({ by: "RECIPIENT" });
  });

  it("nobody else may confirm: the sender, a stranger and the merchant are answered as for a missing order", async () => {
    const s = await scene();
    const g = await acceptedGift(s, "shipped");
    for (const who of [s.sender, s.stranger, s.merchant]) {
      expect(await outcome(confirmReceipt(t.db, who.id, { orderId: g.orderId }))).toBe("tracking.errors.notFound");
    }
    expect(await outcome(confirmReceipt(t.db, s.recipient.id, { orderId: "no-such-order" }))).toBe("tracking.errors.notFound");
    expect(await outcome(confirmReceipt(t.db, s.recipient.id, { orderId: "" }))).toBe("orderId:validation.required");
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: g.claimId } })).status).toBe("SHIPPED");
    const unshipped = await acceptedGift(s, "accepted");
    expect(await outcome(confirmReceipt(t.db, s.recipient.id, { orderId: unshipped.orderId }))).toBe("tracking.errors.notShipped");
  });

  it("the buyer of their own order confirms it; someone else cannot", async () => {
    const s = await scene();
    const o = await selfOrder(s, "shipped");
    expect(await outcome(confirmReceipt(t.db, s.sender.id, { orderId: o.orderId }))).toBe("tracking.errors.notFound");
    await confirmReceipt(t.db, o.buyer.id, { orderId: o.orderId });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("DELIVERED");
    expect((await t.db.shipment.findFirstOrThrow({ where: { orderId: o.orderId } })).deliveredBy).toBe("RECIPIENT");
  });

  it("shipping schedules the automatic confirmation 10 days later; it confirms once, and never early", async () => {
    const s = await scene();
    const g = await acceptedGift(s, "shipped");
    const shipment = await t.db.shipment.findFirstOrThrow({ where: { claimId: g.claimId } });
    const [job] = await t.db.$queryRawUnsafe<{ start_after: Date }[]>(
      `SELECT start_after FROM pgboss.job WHERE name = 'receipt-confirm' AND data->>'shipmentId' = $1`,
      shipment.id,
    );
    expect(job.start_after.getTime()).toBe(shipment.shippedAt.getTime() + RECEIPT_AUTO_CONFIRM_MS);

    expect(await autoConfirmReceipt(t.db, shipment.id, new Date(shipment.shippedAt.getTime() + RECEIPT_AUTO_CONFIRM_MS - 60_000))).toBe("not-due");
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: g.claimId } })).status).toBe("SHIPPED");
    const due = new Date(shipment.shippedAt.getTime() + RECEIPT_AUTO_CONFIRM_MS + 1000);
    const both = await Promise.all([autoConfirmReceipt(t.db, shipment.id, due), autoConfirmReceipt(t.db, shipment.id, due)]);
    expect(both.sort()).toEqual(["confirmed", "settled"]);
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: g.claimId } })).status).toBe("DELIVERED");
    expect((await t.db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).deliveredBy).toBe("AUTO");
    expect(await t.db.message.count({ where: { threadId: s.thread.id, systemKey: "receiptAutoConfirmed" } })).toBe(1);
  });

  it("the job worker confirms a parcel whose 10 days are up", async () => {
    const s = await scene();
    const o = await selfOrder(s, "shipped");
    const shipment = await t.db.shipment.findFirstOrThrow({ where: { orderId: o.orderId } });
    await t.db.shipment.update({ where: { id: shipment.id }, data: { shippedAt: new Date(Date.now() - RECEIPT_AUTO_CONFIRM_MS - 1000) } });
    await sendJob(t.db, "receipt-confirm", { shipmentId: shipment.id });
    const runner = await startJobRunner(t.db, { connectionString: t.url, pollingIntervalSeconds: 0.5, sweepCron: null, log: () => {} });
    try {
      const end = Date.now() + 20_000;
      while ((await t.db.order.findUniqueOrThrow({ where: { id: o.orderId } })).status !== "DELIVERED") {
        if (Date.now() > end) throw new Error("the receipt-confirm job did not run");
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await runner.stop();
    }
    expect((await t.db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).deliveredBy).toBe("AUTO");
  });

  it("the sweep confirms parcels whose job was lost, and leaves refunded ones alone", async () => {
    const s = await scene();
    const lost = await selfOrder(s, "shipped");
    const refunded = await selfOrder(s, "shipped");
    await t.db.$transaction((tx) => transitionOrder(tx, refunded.orderId, "refund"));
    const old = new Date(Date.now() - RECEIPT_AUTO_CONFIRM_MS - DAY);
    await t.db.shipment.updateMany({ where: { orderId: { in: [lost.orderId, refunded.orderId] } }, data: { shippedAt: old } });
    expect(await autoConfirmOverdue(t.db)).toBe(1);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: refunded.orderId } })).status).toBe("REFUNDED");
    expect((await t.db.order.findUniqueOrThrow({ where: { id: lost.orderId } })).status).toBe("DELIVERED");
    expect(await autoConfirmOverdue(t.db)).toBe(0);
  });
});

describe("asking for after-sales (售后)", () => {
  it("only the recipient may ask: the sender, a stranger and the merchant are answered as for a missing order, and nothing is written", async () => {
    const s = await scene();
    const g = await acceptedGift(s);
    for (const who of [s.sender, s.stranger, s.merchant]) expect(await outcome(ask(who.id, g.orderId))).toBe("afterSale.errors.notFound");
    expect(await outcome(ask(s.recipient.id, "no-such-order"))).toBe("afterSale.errors.notFound");
    expect(await t.db.afterSaleRequest.count({ where: { orderId: g.orderId } })).toBe(0);
    expect(await outcome(ask(s.recipient.id, g.orderId))).toBe("ok");
    const request = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: g.orderId } });
    expect(request).toMatchObject({ claimId: g.claimId, requesterId: s.recipient.id, status: "REQUESTED", kind: "REFUND_ONLY" });
    // The chat is told that, not why.
    const notice = await t.db.message.findFirstOrThrow({ where: { threadId: s.thread.id, systemKey: "afterSaleRequested" } });
    expect(notice.systemArg).toEqual({ name: s.recipient.name, product: s.product.title });
  });

  it("is open from delivery for 7 days, for a delivered parcel, one request at a time", async () => {
    const s = await scene();
    const shipped = await acceptedGift(s, "shipped");
    expect(await outcome(ask(s.recipient.id, shipped.orderId))).toBe("afterSale.errors.notDelivered");

    const g = await acceptedGift(s);
    const deliveredAt = (await t.db.shipment.findFirstOrThrow({ where: { claimId: g.claimId } })).deliveredAt!;
    const late = new Date(deliveredAt.getTime() + AFTER_SALE_WINDOW_MS + 1000);
    expect(await outcome(requestAfterSale(t.db, s.recipient.id, { orderId: g.orderId, kind: "REFUND_ONLY", reason: "too late" }, late))).toBe(
      "afterSale.errors.windowClosed",
    );
    const lastDay = new Date(deliveredAt.getTime() + AFTER_SALE_WINDOW_MS - 60_000);
    expect(await outcome(requestAfterSale(t.db, s.recipient.id, { orderId: g.orderId, kind: "RETURN_AND_REFUND", reason: "just in time" }, lastDay))).toBe("ok");
    expect(await outcome(ask(s.recipient.id, g.orderId))).toBe("afterSale.errors.alreadyOpen");
    expect(await t.db.afterSaleRequest.count({ where: { orderId: g.orderId } })).toBe(1);
  });

  it("bad input answers with field errors and writes nothing", async () => {
    const s = await scene();
    const g = await acceptedGift(s);
    expect(await outcome(ask(s.recipient.id, g.orderId, { reason: " x " }))).toBe("reason:afterSale.errors.reasonTooShort");
    expect(await outcome(ask(s.recipient.id, g.orderId, { reason: "y".repeat(301) }))).toBe("reason:afterSale.errors.reasonTooLong");
    expect(await outcome(ask(s.recipient.id, g.orderId, { kind: "EXCHANGE" as never }))).toBe("kind:afterSale.errors.kindRequired");
    expect(await outcome(ask(s.recipient.id, g.orderId, { photoKey: "../../etc/passwd" }))).toBe("photoKey:afterSale.errors.photoInvalid");
    // A well-formed key that was never uploaded.
    expect(await outcome(ask(s.recipient.id, g.orderId, { photoKey: `${"a".repeat(32)}.png` }))).toBe("photoKey:afterSale.errors.photoInvalid");
    expect(await t.db.afterSaleRequest.count({ where: { orderId: g.orderId } })).toBe(0);
    expect(await t.db.message.count({ where: { threadId: s.thread.id, systemKey: "afterSaleRequested" } })).toBe(0);
  });

  it("the requester may withdraw an undecided request; nobody else may", async () => {
    const s = await scene();
    const g = await acceptedGift(s);
    await ask(s.recipient.id, g.orderId);
    const r = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: g.orderId } });
    for (const who of [s.sender, s.stranger, s.merchant]) expect(await outcome(withdrawAfterSale(t.db, who.id, { requestId: r.id }))).toBe("afterSale.errors.notFound");
    await withdrawAfterSale(t.db, s.recipient.id, { requestId: r.id });
    expect((await t.db.afterSaleRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("WITHDRAWN");
    expect(await outcome(withdrawAfterSale(t.db, s.recipient.id, { requestId: r.id }))).toBe("afterSale.errors.alreadyDecided");
    expect(await outcome(approveAfterSale(t.db, s.merchant.id, { requestId: r.id, amount: 100 }))).toBe("afterSale.errors.alreadyDecided");
    // Withdrawn, the recipient may ask again.
    expect(await outcome(ask(s.recipient.id, g.orderId))).toBe("ok");
  });
});

describe("the shop decides", () => {
  it("only the shop's owner decides; another merchant, the sender and the recipient are answered as for a missing request", async () => {
    const s = await scene();
    const g = await acceptedGift(s);
    await ask(s.recipient.id, g.orderId);
    const r = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: g.orderId } });
    for (const who of [s.otherMerchant, s.sender, s.recipient, s.stranger]) {
      expect(await outcome(approveAfterSale(t.db, who.id, { requestId: r.id, amount: PRICE }))).toBe("afterSale.errors.notFound");
      expect(await outcome(rejectAfterSale(t.db, who.id, { requestId: r.id, reason: "no" }))).toBe("afterSale.errors.notFound");
    }
    expect((await t.db.afterSaleRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("REQUESTED");
    expect(await t.db.refund.count({ where: { orderId: g.orderId } })).toBe(0);
  });

  it("a partial refund within bounds goes to the sender's payment; the rest later closes the parcel", async () => {
    const s = await scene();
    const g = await acceptedGift(s);
    await ask(s.recipient.id, g.orderId);
    const first = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: g.orderId } });
    // Bounds: at least 1 fen, at most the price; refusals write nothing.
    expect(await outcome(approveAfterSale(t.db, s.merchant.id, { requestId: first.id, amount: PRICE + 1 }))).toBe("amount:afterSale.errors.amountTooHigh");
    expect(await outcome(approveAfterSale(t.db, s.merchant.id, { requestId: first.id, amount: 0 }))).toBe("amount:afterSale.errors.amountInvalid");
    expect(await outcome(approveAfterSale(t.db, s.merchant.id, { requestId: first.id, amount: 12.5 }))).toBe("amount:afterSale.errors.amountInvalid");
    expect(await t.db.refund.count({ where: { orderId: g.orderId } })).toBe(0);

    await approveAfterSale(t.db, s.merchant.id, { requestId: first.id, amount: 1000 });
    expect(await t.db.afterSaleRequest.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "APPROVED", refundAmount: 1000 });
    expect(await t.db.refund.findFirstOrThrow({ where: { orderId: g.orderId } })).toMatchObject({ amount: 1000, status: "SUCCEEDED", reason: "afterSale" });
    expect(await refundedAtStripe(g.orderId)).toBe(1000);
    // A part: the parcel and the order stay as they were.
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: g.claimId } })).status).toBe("DELIVERED");
    expect((await t.db.order.findUniqueOrThrow({ where: { id: g.orderId } })).status).toBe("PAID");
    expect(await t.db.message.count({ where: { threadId: s.thread.id, systemKey: "afterSalePartlyRefunded" } })).toBe(1);

    // Asked again: at most what is left.
    await ask(s.recipient.id, g.orderId);
    const second = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: g.orderId, status: "REQUESTED" } });
    expect(await outcome(approveAfterSale(t.db, s.merchant.id, { requestId: second.id, amount: PRICE - 1000 + 1 }))).toBe("amount:afterSale.errors.amountTooHigh");
    await approveAfterSale(t.db, s.merchant.id, { requestId: second.id, amount: PRICE - 1000 });
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: g.claimId } })).status).toBe("REFUNDED");
    expect(await t.db.order.findUniqueOrThrow({ where: { id: g.orderId } })).toMatchObject({ status: "REFUNDED", failureReason: "afterSale" });
    expect(await refundedAtStripe(g.orderId)).toBe(PRICE);
    expect(await outcome(ask(s.recipient.id, g.orderId))).toBe("afterSale.errors.refunded");

    // The sender reads "refunded", and nothing of the reason or the amounts of after-sales.
    const sent = await getSentGiftTimeline(t.db, s.sender.id, g.giftId);
    expect(sent?.status).toBe("REFUNDED");
    expect(sent?.claims[0].afterSales.map((a) => a.status)).toEqual(["APPROVED", "APPROVED"]);
  });

  it("two approvals racing: one refund, the other is told it was decided", async () => {
    const s = await scene();
    const g = await acceptedGift(s);
    await ask(s.recipient.id, g.orderId);
    const r = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: g.orderId } });
    const results = await Promise.all([
      outcome(approveAfterSale(t.db, s.merchant.id, { requestId: r.id, amount: PRICE })),
      outcome(approveAfterSale(t.db, s.merchant.id, { requestId: r.id, amount: PRICE })),
      outcome(rejectAfterSale(t.db, s.merchant.id, { requestId: r.id, reason: "racing" })),
    ]);
    expect(results.filter((x) => x === "ok")).toHaveLength(1);
    expect(results.filter((x) => x !== "ok").every((x) => x === "afterSale.errors.alreadyDecided")).toBe(true);
    expect(await t.db.refund.count({ where: { orderId: g.orderId } })).toBeLessThanOrEqual(1);
    const final = await t.db.afterSaleRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(await t.db.refund.count({ where: { orderId: g.orderId } })).toBe(final.status === "APPROVED" ? 1 : 0);
  });

  it("a rejection carries its reason to the requester; the sender only sees that it was rejected", async () => {
    const s = await scene();
    const g = await acceptedGift(s);
    await ask(s.recipient.id, g.orderId, { reason: "颜色不对 wrong colour" });
    const r = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: g.orderId } });
    expect(await outcome(rejectAfterSale(t.db, s.merchant.id, { requestId: r.id, reason: "" }))).toBe("reason:afterSale.errors.rejectReasonRequired");
    await rejectAfterSale(t.db, s.merchant.id, { requestId: r.id, reason: "照片显示完好 the photo shows it intact" });
    const mine = await getReceivedGiftTimeline(t.db, s.recipient.id, g.giftId);
    expect(mine?.afterSale?.requests[0]).toMatchObject({ status: "REJECTED", reason: "颜色不对 wrong colour", rejectReason: "照片显示完好 the photo shows it intact" });
    const sent = JSON.stringify(await getSentGiftTimeline(t.db, s.sender.id, g.giftId));
    expect(sent).toContain("REJECTED");
    for (const secret of ["颜色不对", "照片显示完好"]) expect(sent).not.toContain(secret);
    const notice = await t.db.message.findFirstOrThrow({ where: { threadId: s.thread.id, systemKey: "afterSaleRejected" } });
    expect(JSON.stringify(notice)).not.toContain("照片显示完好");
  });

  it("a self order: the buyer asks, the shop refunds in full, the order is refunded", async () => {
    const s = await scene();
    const o = await selfOrder(s);
    await ask(o.buyer.id, o.orderId);
    const r = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: o.orderId } });
    expect(r.claimId).toBeNull();
    await approveAfterSale(t.db, s.merchant.id, { requestId: r.id, amount: PRICE });
    expect(await t.db.order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({ status: "REFUNDED", failureReason: "afterSale" });
    expect(await refundedAtStripe(o.orderId)).toBe(PRICE);
    const tracking = await getOwnOrderTracking(t.db, o.buyer.id, o.orderId);
    expect(tracking?.afterSale).toMatchObject({ eligible: false, block: "refunded" });
    expect(tracking?.events.map((e) => e.kind)).toEqual(["paid", "shipped", "delivered", "afterSaleRequested", "afterSaleApproved"]);
    expect(await getOwnOrderTracking(t.db, s.sender.id, o.orderId)).toBeNull();
  });
});

describe("what each side sees", () => {
  it("the sender's timeline has carrier and tracking number but never the parcel's name, phone or address", async () => {
    const s = await scene();
    const g = await acceptedGift(s);
    await ask(s.recipient.id, g.orderId, { reason: "secret reason 秘密" });
    const sent = await getSentGiftTimeline(t.db, s.sender.id, g.giftId);
    expect(sent?.claims[0]).toMatchObject({ recipientName: s.recipient.name, status: "DELIVERED" });
    expect(sent?.claims[0].shipments[0]).toMatchObject({ carrier: "SF Express", trackingNumber: "SF1000200030" });
    const json = JSON.stringify(sent);
    for (const secret of [SAMPLE_ADDRESS.name, SAMPLE_ADDRESS.phone, SAMPLE_ADDRESS.detail, SAMPLE_ADDRESS.district, "secret reason"]) {
      expect(json.includes(secret), `the sender's timeline holds "${secret}"`).toBe(false);
    }
    // The recipient sees all of it; the sender cannot open the recipient's view, nor a stranger either.
    const mine = await getReceivedGiftTimeline(t.db, s.recipient.id, g.giftId);
    expect(mine?.parcel?.shipping).toMatchObject({ name: SAMPLE_ADDRESS.name, phone: SAMPLE_ADDRESS.phone, detail: SAMPLE_ADDRESS.detail });
    expect(await getReceivedGiftTimeline(t.db, s.sender.id, g.giftId)).toBeNull();
    expect(await getReceivedGiftTimeline(t.db, s.stranger.id, g.giftId)).toBeNull();
    expect(await getSentGiftTimeline(t.db, s.recipient.id, g.giftId)).toBeNull();
  });
});
