// The merchant's orders, gift and self orders of all their shops in one list, and one
// order's detail. The merchant sees where each parcel goes: the buyer's address for self
// orders, the recipient's (GiftClaim.ship*) for accepted gifts; a gift nobody has
// accepted yet has no address at all.
import { z } from "zod";
import { fromShipColumns, shipColumnsSelect, type ShippingAddress } from "@/lib/address/format";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ClaimStatus, GiftMode, GiftStatus, OrderKind, OrderStatus, ProductKind, RefundStatus } from "@/lib/db/generated/enums";
import { readParcelFacts } from "@/lib/after-sales/parcel";
import { displayGift, displayGiftSelect, orderDisplayStatus, voucherPhase, type DisplayStatus, type VoucherPhase } from "@/lib/lifecycle";
import { retryRefund } from "@/lib/payments/refunds";
import { afterSaleSelect, afterSaleView, type AfterSaleView } from "@/lib/tracking/parcel";
import { DomainError } from "@/lib/validation/result";

export const MERCHANT_ORDERS_PAGE_SIZE = 25;

/** Status filters, as the merchant reads statuses (see orderDisplayStatus), plus "to ship". */
export const ORDER_FILTERS = [
  "TO_SHIP",
  "WAITING",
  "PENDING_PAYMENT",
  "PAID",
  "ACCEPTED",
  "SHIPPED",
  "DELIVERED",
  "DECLINED",
  "EXPIRED",
  "CANCELLED",
  "REFUNDED",
] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

export const orderListSchema = z.object({
  status: z.enum(ORDER_FILTERS).optional().catch(undefined),
  kind: z.enum(["SELF", "GIFT"]).optional().catch(undefined),
  shopId: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type OrderListFilters = z.input<typeof orderListSchema>;

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

/** A gift order's parcels in a given state (gift orders keep their money status, PAID). */
const giftWithClaim = (claim: ClaimStatus): Prisma.OrderWhereInput => ({ kind: "GIFT", status: "PAID", gift: { claims: { some: { status: claim } } } });

function statusWhere(status: OrderFilter | undefined, now: Date): Prisma.OrderWhereInput {
  switch (status) {
    case undefined:
      return { status: { not: "PENDING_PAYMENT" } };
    case "WAITING":
      return { kind: "GIFT", status: "PAID", gift: { status: "WAITING", expiresAt: { gt: now }, claims: { none: {} } } };
    case "TO_SHIP":
      return { product: { kind: "PHYSICAL" }, OR: [{ kind: "SELF", status: "PAID" }, giftWithClaim("ACCEPTED")] };
    case "PAID":
      return { kind: "SELF", status: "PAID" };
    case "ACCEPTED":
      return giftWithClaim("ACCEPTED");
    case "SHIPPED":
    case "DELIVERED":
      return { OR: [{ kind: "SELF", status }, giftWithClaim(status)] };
    case "DECLINED":
      return { kind: "GIFT", gift: { status: "DECLINED" } };
    case "EXPIRED":
      return { kind: "GIFT", OR: [{ gift: { status: "EXPIRED" } }, { status: "PAID", gift: { status: "WAITING", expiresAt: { lte: now } } }] };
    case "REFUNDED":
      return { status: "REFUNDED", NOT: { gift: { status: { in: ["DECLINED", "EXPIRED"] } } } };
    default:
      return { status };
  }
}

export async function listMerchantOrders(db: Db, userId: string, raw: OrderListFilters = {}) {
  const f = orderListSchema.parse(raw);
  const where: Prisma.OrderWhereInput = {
    shop: { ownerId: userId },
    ...(f.shopId ? { shopId: f.shopId } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...statusWhere(f.status, new Date()),
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
      gift: { select: { ...displayGiftSelect, recipient: { select: { name: true } } } },
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
    displayStatus: orderDisplayStatus({ kind: o.kind, status: o.status, gift: displayGift(o.gift) }),
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
  shipping: ShippingAddress | null;
  gift: {
    mode: GiftMode;
    status: GiftStatus;
    units: number;
    expiresAt: Date;
    senderName: string;
    recipientName: string | null;
    /** 赠言, as the sender wrote it. */
    message: string;
    /** Whether the sender allowed "A gift from <name>" on the packing slip. */
    senderOnSlip: boolean;
  } | null;
  claims: {
    id: string;
    status: ClaimStatus;
    recipientName: string;
    variantName: string;
    acceptedAt: Date;
    shipping: ShippingAddress | null;
    voucherCode: string | null;
  }[];
  refunds: { id: string; amount: number; reason: string; status: RefundStatus; lastError: string | null; createdAt: Date }[];
  /** 售后 requests, newest first; an open one carries what may still be refunded for its parcel. */
  afterSales: (AfterSaleView & { claimId: string | null; requesterName: string; refundable: number | null })[];
  vouchers: { code: string; claimId: string | null; phase: VoucherPhase; expiresAt: Date; redeemedAt: Date | null }[];
  shipments: { id: string; claimId: string | null; carrier: string; trackingNumber: string; shippedAt: Date; deliveredAt: Date | null }[];
};

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
      giftSenderOnSlip: true,
      ...shipColumnsSelect,
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
          message: true,
          sender: { select: { name: true } },
          recipient: { select: { name: true } },
          claims: {
            orderBy: { acceptedAt: "asc" },
            select: {
              id: true,
              status: true,
              acceptedAt: true,
              voucherCode: true,
              ...shipColumnsSelect,
              recipient: { select: { name: true } },
              variant: { select: { name: true } },
            },
          },
        },
      },
      refunds: {
        orderBy: { createdAt: "asc" },
        select: { id: true, amount: true, reason: true, status: true, lastError: true, createdAt: true },
      },
      shipments: {
        orderBy: { shippedAt: "asc" },
        select: { id: true, claimId: true, carrier: true, trackingNumber: true, shippedAt: true, deliveredAt: true },
      },
      afterSales: {
        orderBy: { createdAt: "desc" },
        select: { ...afterSaleSelect, claimId: true, requester: { select: { name: true } } },
      },
      vouchers: { orderBy: { createdAt: "asc" }, select: { code: true, claimId: true, status: true, expiresAt: true, redeemedAt: true } },
    },
  });
  if (!o) throw new DomainError("merchant.errors.orderNotFound");
  const claims = o.gift?.claims ?? [];
  const afterSales = await Promise.all(
    o.afterSales.map(async (r) => {
      let refundable: number | null = null;
      if (r.status === "REQUESTED") {
        const status = r.claimId ? (claims.find((c) => c.id === r.claimId)?.status ?? "REFUNDED") : o.status;
        const facts = await readParcelFacts(db, { orderId: o.id, claimId: r.claimId }, { status, productKind: o.product.kind, totalAmount: o.totalAmount, unitAmount: o.unitAmount });
        refundable = facts.refundable;
      }
      return { ...afterSaleView(r), claimId: r.claimId, requesterName: r.requester.name, refundable };
    }),
  );
  return {
    id: o.id,
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    kind: o.kind,
    status: o.status,
    displayStatus: orderDisplayStatus({
      kind: o.kind,
      status: o.status,
      gift: o.gift ? { status: o.gift.status, expiresAt: o.gift.expiresAt, claims: claims.map((c) => c.status) } : null,
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
    shipping: o.kind === "SELF" ? fromShipColumns(o) : null,
    gift: o.gift
      ? {
          mode: o.gift.mode,
          status: o.gift.status,
          units: o.gift.units,
          expiresAt: o.gift.expiresAt,
          senderName: o.gift.sender.name,
          recipientName: o.gift.recipient?.name ?? null,
          message: o.gift.message,
          senderOnSlip: o.giftSenderOnSlip,
        }
      : null,
    claims: claims.map((c) => ({
      id: c.id,
      status: c.status,
      recipientName: c.recipient.name,
      variantName: c.variant.name,
      acceptedAt: c.acceptedAt,
      shipping: fromShipColumns(c),
      voucherCode: c.voucherCode,
    })),
    shipments: o.shipments,
    refunds: o.refunds,
    afterSales,
    vouchers: o.vouchers.map((v) => ({ code: v.code, claimId: v.claimId, phase: voucherPhase(v), expiresAt: v.expiresAt, redeemedAt: v.redeemedAt })),
  };
}

export const retryRefundSchema = z.object({ refundId: z.string().trim().min(1, "validation.required").max(64, "validation.invalid") });

/** The shop's owner asks to try a refund that needs attention again. */
export async function retryShopRefund(db: Db, merchantId: string, raw: z.input<typeof retryRefundSchema>) {
  const { refundId } = retryRefundSchema.parse(raw);
  const refund = await db.refund.findFirst({ where: { id: refundId, order: { shop: { ownerId: merchantId } } }, select: { id: true, orderId: true } });
  if (!refund) throw new DomainError("merchant.errors.refundNotFound");
  await retryRefund(db, refund.id);
  return { orderId: refund.orderId };
}
