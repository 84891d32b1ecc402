// The merchant's orders, gift and self orders of all their shops in one list, and one
// order's detail. The merchant sees where each parcel goes: the buyer's address for self
// orders, the recipient's (GiftClaim.ship*) for accepted gifts; a gift nobody has
// accepted yet has no address at all.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ClaimStatus, GiftMode, GiftStatus, OrderKind, OrderStatus, ProductKind } from "@/lib/db/generated/enums";
import { orderDisplayStatus, type DisplayStatus } from "@/lib/orders/fulfilment";
import { DomainError } from "@/lib/validation/result";

export const MERCHANT_ORDERS_PAGE_SIZE = 25;

export const ORDER_STATUSES = ["PENDING_PAYMENT", "PAID", "ACCEPTED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"] as const;
/** Status filters: the stored statuses, plus "waiting" (gift not accepted yet) and "to ship". */
export const ORDER_FILTERS = ["TO_SHIP", "WAITING", ...ORDER_STATUSES] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

export const orderListSchema = z.object({
  status: z.enum(ORDER_FILTERS).optional().catch(undefined),
  kind: z.enum(["SELF", "GIFT"]).optional().catch(undefined),
  shopId: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type OrderListFilters = z.input<typeof orderListSchema>;

export type Shipping = { name: string; phone: string; province: string; city: string; district: string; detail: string };

export type MerchantOrderRow = {
  id: string;
  createdAt: Date;
  shopName: string;
  productTitle: string;
  variantName: string;
  kind: OrderKind;
  status: OrderStatus;
  displayStatus: DisplayStatus;
  quantity: number;
  totalAmount: number;
  currency: string;
  buyerName: string;
  recipientName: string | null;
};

function statusWhere(status: OrderFilter | undefined): Prisma.OrderWhereInput {
  if (!status) return { status: { not: "PENDING_PAYMENT" } };
  if (status === "WAITING") return { kind: "GIFT", status: "PAID", gift: { status: "WAITING", claims: { none: {} } } };
  if (status === "TO_SHIP") {
    return {
      product: { kind: "PHYSICAL" },
      OR: [
        { kind: "SELF", status: "PAID" },
        { kind: "GIFT", status: { notIn: ["CANCELLED", "REFUNDED"] }, gift: { claims: { some: { status: "ACCEPTED" } } } },
      ],
    };
  }
  return { status };
}

export async function listMerchantOrders(db: Db, userId: string, raw: OrderListFilters = {}) {
  const f = orderListSchema.parse(raw);
  const where: Prisma.OrderWhereInput = {
    shop: { ownerId: userId },
    ...(f.shopId ? { shopId: f.shopId } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...statusWhere(f.status),
  };
  const total = await db.order.count({ where });
  const perPage = MERCHANT_ORDERS_PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(f.page ?? 1, pageCount);
  const rows = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * perPage,
    take: perPage,
    select: {
      id: true,
      createdAt: true,
      kind: true,
      status: true,
      quantity: true,
      totalAmount: true,
      currency: true,
      shop: { select: { name: true } },
      product: { select: { title: true } },
      variant: { select: { name: true } },
      buyer: { select: { name: true } },
      gift: { select: { status: true, recipient: { select: { name: true } }, _count: { select: { claims: true } } } },
    },
  });
  const items: MerchantOrderRow[] = rows.map((o) => ({
    id: o.id,
    createdAt: o.createdAt,
    shopName: o.shop.name,
    productTitle: o.product.title,
    variantName: o.variant.name,
    kind: o.kind,
    status: o.status,
    displayStatus: orderDisplayStatus({
      kind: o.kind,
      status: o.status,
      gift: o.gift ? { status: o.gift.status, claimCount: o.gift._count.claims } : null,
    }),
    quantity: o.quantity,
    totalAmount: o.totalAmount,
    currency: o.currency,
    buyerName: o.buyer.name,
    recipientName: o.gift?.recipient?.name ?? null,
  }));
  return { items, total, page, pageCount, filters: f };
}

export type MerchantOrderDetail = {
  id: string;
  createdAt: Date;
  paidAt: Date | null;
  kind: OrderKind;
  status: OrderStatus;
  displayStatus: DisplayStatus;
  failureReason: string | null;
  quantity: number;
  unitAmount: number;
  totalAmount: number;
  currency: string;
  shop: { id: string; name: string };
  product: { id: string; title: string; kind: ProductKind };
  variantName: string;
  buyerName: string;
  /** Self orders: the buyer's address. */
  shipping: Shipping | null;
  gift: {
    mode: GiftMode;
    status: GiftStatus;
    units: number;
    expiresAt: Date;
    senderName: string;
    recipientName: string | null;
  } | null;
  claims: {
    id: string;
    status: ClaimStatus;
    recipientName: string;
    variantName: string;
    acceptedAt: Date;
    shipping: Shipping | null;
    voucherCode: string | null;
  }[];
  shipments: { id: string; claimId: string | null; carrier: string; trackingNumber: string; shippedAt: Date; deliveredAt: Date | null }[];
};

function shippingOf(s: {
  shipName: string | null;
  shipPhone: string | null;
  shipProvince: string | null;
  shipCity: string | null;
  shipDistrict: string | null;
  shipDetail: string | null;
}): Shipping | null {
  if (!s.shipName && !s.shipDetail) return null;
  return {
    name: s.shipName ?? "",
    phone: s.shipPhone ?? "",
    province: s.shipProvince ?? "",
    city: s.shipCity ?? "",
    district: s.shipDistrict ?? "",
    detail: s.shipDetail ?? "",
  };
}

const shipSelect = {
  shipName: true,
  shipPhone: true,
  shipProvince: true,
  shipCity: true,
  shipDistrict: true,
  shipDetail: true,
} as const;

/** One order of the user's shops, or DomainError merchant.errors.orderNotFound. */
export async function getMerchantOrder(db: Db, userId: string, orderId: string): Promise<MerchantOrderDetail> {
  const o = await db.order.findFirst({
    where: { id: orderId, shop: { ownerId: userId } },
    select: {
      id: true,
      createdAt: true,
      paidAt: true,
      kind: true,
      status: true,
      failureReason: true,
      quantity: true,
      unitAmount: true,
      totalAmount: true,
      currency: true,
      ...shipSelect,
      shop: { select: { id: true, name: true } },
      product: { select: { id: true, title: true, kind: true } },
      variant: { select: { name: true } },
      buyer: { select: { name: true } },
      gift: {
        select: {
          mode: true,
          status: true,
          units: true,
          expiresAt: true,
          sender: { select: { name: true } },
          recipient: { select: { name: true } },
          claims: {
            orderBy: { acceptedAt: "asc" },
            select: {
              id: true,
              status: true,
              acceptedAt: true,
              voucherCode: true,
              ...shipSelect,
              recipient: { select: { name: true } },
              variant: { select: { name: true } },
            },
          },
        },
      },
      shipments: {
        orderBy: { shippedAt: "asc" },
        select: { id: true, claimId: true, carrier: true, trackingNumber: true, shippedAt: true, deliveredAt: true },
      },
    },
  });
  if (!o) throw new DomainError("merchant.errors.orderNotFound");
  const claims = o.gift?.claims ?? [];
  return {
    id: o.id,
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    kind: o.kind,
    status: o.status,
    displayStatus: orderDisplayStatus({
      kind: o.kind,
      status: o.status,
      gift: o.gift ? { status: o.gift.status, claimCount: claims.length } : null,
    }),
    failureReason: o.failureReason,
    quantity: o.quantity,
    unitAmount: o.unitAmount,
    totalAmount: o.totalAmount,
    currency: o.currency,
    shop: o.shop,
    product: o.product,
    variantName: o.variant.name,
    buyerName: o.buyer.name,
    shipping: o.kind === "SELF" ? shippingOf(o) : null,
    gift: o.gift
      ? {
          mode: o.gift.mode,
          status: o.gift.status,
          units: o.gift.units,
          expiresAt: o.gift.expiresAt,
          senderName: o.gift.sender.name,
          recipientName: o.gift.recipient?.name ?? null,
        }
      : null,
    claims: claims.map((c) => ({
      id: c.id,
      status: c.status,
      recipientName: c.recipient.name,
      variantName: c.variant.name,
      acceptedAt: c.acceptedAt,
      shipping: shippingOf(c),
      voucherCode: c.voucherCode,
    })),
    shipments: o.shipments,
  };
}
