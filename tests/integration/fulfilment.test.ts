import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getMerchantOrder, listMerchantOrders } from "../../lib/merchant/orders.ts";
import { markDelivered, markShipped } from "../../lib/orders/fulfilment.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeGiftOrder, makeProduct, makeSelfOrder, makeShop, makeUser, SECRET_ADDRESS } from "./catalog-fixtures.ts";

const t = useTestDatabase();

async function refusal(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof DomainError) return err.key;
    if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join(".")}:${i.message}`).join(",");
    throw err;
  }
  return "allowed";
}

async function world() {
  const cats = await makeCategories(t.db);
  const merchant = await makeUser(t.db, "Merchant");
  const shop = await makeShop(t.db, merchant.id);
  const product = await makeProduct(t.db, shop.id, cats.tea.id, { title: "Longjing 龙井" });
  const voucher = await makeProduct(t.db, shop.id, cats.tea.id, { kind: "VOUCHER", title: "Tea voucher" });
  const sender = await makeUser(t.db, "Sender");
  const recipient = await makeUser(t.db, "Recipient");
  return { merchant, shop, product, voucher, sender, recipient };
}

const ship = { carrier: "SF Express", trackingNumber: "sf1234567" };

describe("self orders", () => {
  it("ships a paid order, then delivers it; every other step is refused", async () => {
    const w = await world();
    const order = await makeSelfOrder(t.db, w.sender.id, w.product);
    expect(await refusal(() => markDelivered(t.db, w.merchant.id, { orderId: order.id }))).toBe("merchant.fulfilment.notShipped");
    await markShipped(t.db, w.merchant.id, { orderId: order.id, ...ship });
    const shipped = await t.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { shipments: true } });
    expect(shipped.status).toBe("SHIPPED");
    expect(shipped.shipments).toEqual([expect.objectContaining({ carrier: "SF Express", trackingNumber: "SF1234567", deliveredAt: null, claimId: null })]);
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: order.id, ...ship }))).toBe("merchant.fulfilment.alreadyShipped");
    await markDelivered(t.db, w.merchant.id, { orderId: order.id });
    const delivered = await t.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { shipments: true } });
    expect(delivered.status).toBe("DELIVERED");
    expect(delivered.shipments[0].deliveredAt).toBeInstanceOf(Date);
    expect(await refusal(() => markDelivered(t.db, w.merchant.id, { orderId: order.id }))).toBe("merchant.fulfilment.alreadyDelivered");
    expect(await t.db.shipment.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("refuses to ship unpaid, refunded and voucher orders, and checks the form", async () => {
    const w = await world();
    const unpaid = await makeSelfOrder(t.db, w.sender.id, w.product, "PENDING_PAYMENT");
    const refunded = await makeSelfOrder(t.db, w.sender.id, w.product, "REFUNDED");
    const voucher = await makeSelfOrder(t.db, w.sender.id, w.voucher);
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: unpaid.id, ...ship }))).toBe("merchant.fulfilment.notPaid");
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: refunded.id, ...ship }))).toBe("merchant.fulfilment.closed");
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: voucher.id, ...ship }))).toBe("merchant.fulfilment.voucherNotShipped");
    const paid = await makeSelfOrder(t.db, w.sender.id, w.product);
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: paid.id, carrier: " ", trackingNumber: "x" }))).toBe(
      "carrier:validation.required,trackingNumber:merchant.fulfilment.trackingInvalid",
    );
    expect(await t.db.shipment.count({ where: { orderId: { in: [unpaid.id, refunded.id, voucher.id, paid.id] } } })).toBe(0);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: paid.id } })).status).toBe("PAID");
  });
});

describe("gift orders", () => {
  it("a waiting gift cannot ship: there is no address yet, and the merchant sees none", async () => {
    const w = await world();
    const { order } = await makeGiftOrder(t.db, w.sender.id, w.recipient.id, w.product);
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: order.id, ...ship }))).toBe("merchant.fulfilment.waitingForRecipient");
    const detail = await getMerchantOrder(t.db, w.merchant.id, order.id);
    expect(detail.displayStatus).toBe("WAITING");
    expect(detail.claims).toEqual([]);
    expect(detail.shipping).toBeNull();
    expect((await listMerchantOrders(t.db, w.merchant.id, { status: "WAITING" })).items.map((o) => o.id)).toEqual([order.id]);
    expect((await listMerchantOrders(t.db, w.merchant.id, { status: "TO_SHIP" })).items).toEqual([]);
  });

  it("ships and delivers an accepted gift to the claim's address, telling the chat only the carrier", async () => {
    const w = await world();
    const { order, claim, thread } = await makeGiftOrder(t.db, w.sender.id, w.recipient.id, w.product, { accepted: true });
    const detail = await getMerchantOrder(t.db, w.merchant.id, order.id);
    expect(detail.claims[0].shipping).toMatchObject({ name: SECRET_ADDRESS.shipName, detail: SECRET_ADDRESS.shipDetail });
    expect((await listMerchantOrders(t.db, w.merchant.id, { status: "TO_SHIP", kind: "GIFT" })).items.map((o) => o.id)).toEqual([order.id]);

    await markShipped(t.db, w.merchant.id, { orderId: order.id, ...ship });
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: claim!.id } })).status).toBe("SHIPPED");
    // The parcel moves; the order keeps saying the money is paid, and reads "shipped".
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect((await getMerchantOrder(t.db, w.merchant.id, order.id)).displayStatus).toBe("SHIPPED");
    expect(await t.db.shipment.findFirst({ where: { orderId: order.id } })).toMatchObject({ claimId: claim!.id });
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: order.id, ...ship }))).toBe("merchant.fulfilment.alreadyShipped");

    await markDelivered(t.db, w.merchant.id, { orderId: order.id, claimId: claim!.id });
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: claim!.id } })).status).toBe("DELIVERED");
    expect((await getMerchantOrder(t.db, w.merchant.id, order.id)).displayStatus).toBe("DELIVERED");
    expect((await listMerchantOrders(t.db, w.merchant.id, { status: "DELIVERED" })).items.map((o) => o.id)).toEqual([order.id]);
    expect(await refusal(() => markDelivered(t.db, w.merchant.id, { orderId: order.id }))).toBe("merchant.fulfilment.alreadyDelivered");

    const messages = await t.db.message.findMany({ where: { threadId: thread.id }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => [m.kind, m.senderId, m.systemKey])).toEqual([
      ["SYSTEM", null, "orderShipped"],
      ["SYSTEM", null, "orderDelivered"],
    ]);
    expect(messages[0].systemArg).toEqual({ product: "Longjing 龙井", carrier: "SF Express", recipient: "Recipient" });
    const said = JSON.stringify(messages);
    for (const secret of [...Object.values(SECRET_ADDRESS), "SF1234567"]) expect(said).not.toContain(secret);
  });

  it("refuses gift transitions on a refunded gift and on a claim of another order, changing nothing", async () => {
    const w = await world();
    const a = await makeGiftOrder(t.db, w.sender.id, w.recipient.id, w.product, { accepted: true });
    const other = await makeUser(t.db, "Other");
    const b = await makeGiftOrder(t.db, w.sender.id, other.id, w.product, { accepted: true });
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: a.order.id, claimId: b.claim!.id, ...ship }))).toBe(
      "merchant.errors.orderNotFound",
    );
    await t.db.order.update({ where: { id: a.order.id }, data: { status: "REFUNDED" } });
    expect(await refusal(() => markShipped(t.db, w.merchant.id, { orderId: a.order.id, ...ship }))).toBe("merchant.fulfilment.closed");
    expect(await t.db.shipment.count({ where: { orderId: { in: [a.order.id, b.order.id] } } })).toBe(0);
    expect(await t.db.message.count({ where: { threadId: { in: [a.thread.id, b.thread.id] } } })).toBe(0);
    expect((await t.db.giftClaim.findUniqueOrThrow({ where: { id: b.claim!.id } })).status).toBe("ACCEPTED");
  });

  it("lets only one of two simultaneous ship requests through", async () => {
    const w = await world();
    const { order } = await makeGiftOrder(t.db, w.sender.id, w.recipient.id, w.product, { accepted: true });
    const results = await Promise.allSettled([
      markShipped(t.db, w.merchant.id, { orderId: order.id, ...ship }),
      markShipped(t.db, w.merchant.id, { orderId: order.id, carrier: "EMS", trackingNumber: "EMS0001" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.shipment.count({ where: { orderId: order.id } })).toBe(1);
  });
});
