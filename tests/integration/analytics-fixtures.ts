// Builders for analytics tests: paid orders, gifts, claims and refunds at chosen times,
// as the payment and gift flows leave them (the flows themselves always stamp "now").
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";
import type { GiftMode, GiftStatus, OrderKind, OrderStatus } from "../../lib/db/generated/enums.ts";
import { makeUser } from "../setup/fixtures.ts";

const uid = () => randomBytes(5).toString("hex");
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export async function category(db: Db, slug: string) {
  return db.category.upsert({ where: { slug }, create: { slug }, update: {} });
}

export async function shopOf(db: Db, owner: { id: string }, name = "Shop") {
  return db.shop.create({ data: { slug: `s-${uid()}`, name, ownerId: owner.id } });
}

export async function productIn(db: Db, shop: { id: string }, title: string, categorySlug: string, price: number) {
  const c = await category(db, categorySlug);
  const product = await db.product.create({
    data: { shopId: shop.id, categoryId: c.id, title, published: true, variants: { create: [{ name: "Regular", price, originalPrice: price, stock: 100 }] } },
    include: { variants: true },
  });
  return { ...product, variant: product.variants[0]! };
}

export type Product = Awaited<ReturnType<typeof productIn>>;

/** A paid order as the payment webhook leaves it (paidAt, a payment intent), at a chosen time. */
export async function paidOrder(
  db: Db,
  o: { buyer: { id: string }; product: Product; kind: OrderKind; paidAt: Date | null; quantity?: number; status?: OrderStatus; province?: string },
) {
  const quantity = o.quantity ?? 1;
  return db.order.create({
    data: {
      buyerId: o.buyer.id,
      shopId: o.product.shopId,
      productId: o.product.id,
      variantId: o.product.variant.id,
      kind: o.kind,
      status: o.status ?? (o.paidAt ? "PAID" : "PENDING_PAYMENT"),
      quantity,
      unitAmount: o.product.variant.price,
      totalAmount: o.product.variant.price * quantity,
      paidAt: o.paidAt,
      stripePaymentIntentId: o.paidAt ? `pi_${uid()}` : null,
      ...(o.kind === "SELF" && o.province
        ? { shipName: "张三", shipPhone: "13800001111", shipProvince: o.province, shipCity: "深圳市", shipDistrict: "南山区", shipDetail: "科技园路 1 号" }
        : {}),
    },
  });
}

/**
 * The gift of a paid gift order, and its claims: recipients who took or accepted a unit
 * (province null: a voucher), a lottery winner who has not accepted yet (WON), or one who
 * never did (FORFEITED: refunded, with neither address nor voucher).
 */
export async function giftOf(
  db: Db,
  order: { id: string; buyerId: string; variantId: string; quantity: number; paidAt: Date | null },
  g: {
    status: GiftStatus;
    thread: { id: string };
    mode?: GiftMode;
    recipient?: { id: string };
    expiresAt?: Date;
    claims?: { after: number; province: string | null; state?: "WON" | "FORFEITED" }[];
  },
) {
  const mode = g.mode ?? (order.quantity === 1 ? "SINGLE" : "GROUP");
  const gift = await db.gift.create({
    data: {
      orderId: order.id,
      senderId: order.buyerId,
      threadId: g.thread.id,
      recipientId: mode === "SINGLE" ? (g.recipient?.id ?? null) : null,
      mode,
      units: order.quantity,
      unitsClaimed: g.claims?.length ?? 0,
      status: g.status,
      tokenHash: createHash("sha256").update(uid()).digest("hex"),
      expiresAt: g.expiresAt ?? new Date(order.paidAt!.getTime() + 24 * HOUR),
    },
  });
  for (const c of g.claims ?? []) {
    const who = await makeUser(db, "Recipient");
    const accepted = !c.state;
    await db.giftClaim.create({
      data: {
        giftId: gift.id,
        recipientId: who.id,
        variantId: order.variantId,
        status: c.state === "WON" ? "WON" : c.state === "FORFEITED" ? "REFUNDED" : "ACCEPTED",
        acceptedAt: new Date(order.paidAt!.getTime() + c.after * MIN),
        ...(accepted && c.province
          ? { shipName: "李四", shipPhone: "13900002222", shipProvince: c.province, shipCity: "杭州市", shipDistrict: "西湖区", shipDetail: "文三路 259 号" }
          : accepted
            ? { voucherCode: `V-${uid()}` }
            : {}),
      },
    });
  }
  return gift;
}

export async function refundOf(db: Db, order: { id: string }, amount: number, reason: string) {
  return db.refund.create({ data: { orderId: order.id, amount, reason, status: "SUCCEEDED", idempotencyKey: `${reason}:${uid()}` } });
}


/** An after-sales request on an order, as the request service leaves it (REQUESTED). */
export async function afterSaleOf(db: Db, order: { id: string }, requester: { id: string }) {
  return db.afterSaleRequest.create({ data: { orderId: order.id, requesterId: requester.id, kind: "REFUND_ONLY", reason: "盒子压坏了" } });
}
