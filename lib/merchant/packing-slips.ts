// Packing slips: one per parcel, to print and put in the box. A slip says where the parcel
// goes and what is in it, the gift message, and "A gift from <sender>" only when the sender
// allowed it. It never carries a price: its query selects no amount at all.
import { z } from "zod";
import { formatAddressLine, fromShipColumns, shipColumnsSelect } from "@/lib/address/format";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { OrderKind } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/validation/result";

/** A batch prints at most this many slips (the "to ship" list of a busy day). */
export const MAX_SLIPS = 200;

export type PackingSlip = {
  /** One per parcel: the order for a self order, the claim for a gift. */
  key: string;
  orderId: string;
  orderNumber: string;
  kind: OrderKind;
  shopName: string;
  orderedAt: Date;
  shipTo: { name: string; phone: string; address: string };
  item: { title: string; variantName: string; quantity: number };
  giftMessage: string | null;
  /** Set only when the sender allowed their name on the slip. */
  giftFrom: string | null;
};

const slipOrderSelect = {
  id: true,
  kind: true,
  createdAt: true,
  quantity: true,
  giftSenderOnSlip: true,
  ...shipColumnsSelect,
  shop: { select: { name: true } },
  product: { select: { title: true, kind: true } },
  variant: { select: { name: true } },
  buyer: { select: { name: true } },
  gift: {
    select: {
      message: true,
      claims: {
        where: { status: { not: "REFUNDED" } },
        orderBy: { acceptedAt: "asc" },
        select: { id: true, status: true, ...shipColumnsSelect, variant: { select: { name: true } } },
      },
    },
  },
} satisfies Prisma.OrderSelect;

type SlipOrder = Prisma.OrderGetPayload<{ select: typeof slipOrderSelect }>;

const orderNumber = (id: string) => id.slice(-8).toUpperCase();

function shipTo(columns: Parameters<typeof fromShipColumns>[0]) {
  const a = fromShipColumns(columns);
  return a ? { name: a.name, phone: a.phone, address: formatAddressLine(a) } : null;
}

/** The slips of one order: its own parcel, or each accepted recipient's (optionally only those still to ship). */
function slipsOf(o: SlipOrder, onlyToShip: boolean): PackingSlip[] {
  if (o.product.kind !== "PHYSICAL") return [];
  const base = { orderId: o.id, orderNumber: orderNumber(o.id), kind: o.kind, shopName: o.shop.name, orderedAt: o.createdAt };
  if (o.kind === "SELF") {
    const to = shipTo(o);
    return to ? [{ ...base, key: o.id, shipTo: to, item: { title: o.product.title, variantName: o.variant.name, quantity: o.quantity }, giftMessage: null, giftFrom: null }] : [];
  }
  return (o.gift?.claims ?? [])
    .filter((c) => !onlyToShip || c.status === "ACCEPTED")
    .flatMap((c) => {
      const to = shipTo(c);
      if (!to) return [];
      return [
        {
          ...base,
          key: c.id,
          shipTo: to,
          item: { title: o.product.title, variantName: c.variant.name, quantity: 1 },
          giftMessage: o.gift?.message || null,
          giftFrom: o.giftSenderOnSlip ? o.buyer.name : null,
        },
      ];
    });
}

/** The slips of one order of the merchant's shops; merchant.errors.orderNotFound otherwise. */
export async function getOrderPackingSlips(db: Db, merchantId: string, orderId: string): Promise<PackingSlip[]> {
  const o = await db.order.findFirst({ where: { id: orderId, shop: { ownerId: merchantId }, status: { notIn: ["PENDING_PAYMENT", "CANCELLED"] } }, select: slipOrderSelect });
  if (!o) throw new DomainError("merchant.errors.orderNotFound");
  return slipsOf(o, false);
}

export const toShipSlipsSchema = z.object({ shopId: z.string().max(64).optional().catch(undefined) });

/** Every parcel waiting to ship in the merchant's shops (the "to ship" filter), oldest order first. */
export async function getToShipPackingSlips(db: Db, merchantId: string, raw: z.input<typeof toShipSlipsSchema> = {}): Promise<PackingSlip[]> {
  const f = toShipSlipsSchema.parse(raw);
  const orders = await db.order.findMany({
    where: {
      shop: { ownerId: merchantId },
      ...(f.shopId ? { shopId: f.shopId } : {}),
      product: { kind: "PHYSICAL" },
      OR: [{ kind: "SELF", status: "PAID" }, { kind: "GIFT", status: "PAID", gift: { claims: { some: { status: "ACCEPTED" } } } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_SLIPS,
    select: slipOrderSelect,
  });
  return orders.flatMap((o) => slipsOf(o, true)).slice(0, MAX_SLIPS);
}
