// What a shopper sees of their own orders (/orders). A self order shows the buyer's own
// address and tracking; a gift order shows its progress, carrier and tracking number, but
// nothing of where it goes: no recipient address, parcel name or phone reaches the sender.
import { formatAddressLine, fromShipColumns, shipColumnsSelect } from "@/lib/address/format";
import type { Db } from "@/lib/db/client";
import type { ClaimStatus, GiftStatus, OrderKind, OrderStatus } from "@/lib/db/generated/enums";
import { displayGift, displayGiftSelect, orderDisplayStatus, type DisplayStatus } from "@/lib/lifecycle";

export const BUYER_ORDERS_PAGE_SIZE = 20;

export type BuyerOrderRow = {
  id: string;
  createdAt: Date;
  kind: OrderKind;
  status: OrderStatus;
  displayStatus: DisplayStatus;
  productId: string;
  productTitle: string;
  imageUrl: string | null;
  variantName: string;
  shopName: string;
  quantity: number;
  totalAmount: number;
  currency: string;
  recipientName: string | null;
};

const rowSelect = {
  id: true,
  createdAt: true,
  kind: true,
  status: true,
  quantity: true,
  totalAmount: true,
  currency: true,
  product: { select: { id: true, title: true, images: { orderBy: { position: "asc" as const }, take: 1, select: { url: true } } } },
  variant: { select: { name: true } },
  shop: { select: { name: true } },
  gift: { select: { ...displayGiftSelect, recipient: { select: { name: true } } } },
} as const;

type Row = {
  id: string;
  createdAt: Date;
  kind: OrderKind;
  status: OrderStatus;
  quantity: number;
  totalAmount: number;
  currency: string;
  product: { id: string; title: string; images: { url: string }[] };
  variant: { name: string };
  shop: { name: string };
  gift: { status: GiftStatus; expiresAt: Date; claims: { status: ClaimStatus }[]; recipient: { name: string } | null } | null;
};

function toRow(o: Row): BuyerOrderRow {
  return {
    id: o.id,
    createdAt: o.createdAt,
    kind: o.kind,
    status: o.status,
    displayStatus: orderDisplayStatus({ kind: o.kind, status: o.status, gift: displayGift(o.gift) }),
    productId: o.product.id,
    productTitle: o.product.title,
    imageUrl: o.product.images[0]?.url ?? null,
    variantName: o.variant.name,
    shopName: o.shop.name,
    quantity: o.quantity,
    totalAmount: o.totalAmount,
    currency: o.currency,
    recipientName: o.gift?.recipient?.name ?? null,
  };
}

/** The user's orders, newest first (optionally only self or gift orders). */
export async function listBuyerOrders(db: Db, buyerId: string, opts: { page?: number; kind?: OrderKind } = {}) {
  const where = { buyerId, ...(opts.kind ? { kind: opts.kind } : {}) };
  const total = await db.order.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / BUYER_ORDERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page ?? 1), pageCount);
  const rows = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * BUYER_ORDERS_PAGE_SIZE,
    take: BUYER_ORDERS_PAGE_SIZE,
    select: rowSelect,
  });
  return { items: rows.map(toRow), page, pageCount, total };
}

export type BuyerOrderDetail = BuyerOrderRow & {
  paidAt: Date | null;
  unitAmount: number;
  failureReason: string | null;
  /** Self orders only. */
  shipping: { name: string; phone: string; address: string } | null;
  /** Carrier and tracking number of each parcel (a gift's too; never where it goes). */
  shipments: { carrier: string; trackingNumber: string; shippedAt: Date; deliveredAt: Date | null }[];
  giftStatus: GiftStatus | null;
  /** Gift orders: the gift, whose timeline is on the gifts page. */
  giftId: string | null;
};

/** One of the user's orders, or null (someone else's order looks like no order). */
export async function getBuyerOrder(db: Db, buyerId: string, orderId: string): Promise<BuyerOrderDetail | null> {
  const o = await db.order.findFirst({
    where: { id: orderId, buyerId },
    select: {
      ...rowSelect,
      gift: { select: { ...rowSelect.gift.select, id: true } },
      paidAt: true,
      unitAmount: true,
      failureReason: true,
      ...shipColumnsSelect,
      shipments: { orderBy: { shippedAt: "asc" }, select: { carrier: true, trackingNumber: true, shippedAt: true, deliveredAt: true } },
    },
  });
  if (!o) return null;
  const self = o.kind === "SELF";
  const address = self ? fromShipColumns(o) : null;
  return {
    ...toRow(o),
    paidAt: o.paidAt,
    unitAmount: o.unitAmount,
    failureReason: o.failureReason,
    shipping: address ? { name: address.name, phone: address.phone, address: formatAddressLine(address) } : null,
    shipments: o.shipments,
    giftStatus: o.gift?.status ?? null,
    giftId: o.gift?.id ?? null,
  };
}
