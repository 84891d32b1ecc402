// The gifts page (礼物): gifts received and sent, newest first, and each gift's timeline.
// A received gift is the viewer's own parcel — their claim on a gift (one of several units,
// for a group gift) — and they see everything about it. A sent gift shows the sender where
// each recipient's parcel stands, carrier and tracking number included, but its queries
// never select the parcel's name, phone or address, nor an after-sales request's details.
import { fromShipColumns, shipColumnsSelect, type ShippingAddress } from "@/lib/address/format";
import { readParcelFacts } from "@/lib/after-sales/parcel";
import { afterSaleEligibility, type AfterSaleBlock } from "@/lib/after-sales/rules";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AfterSaleStatus, GiftMode, ProductKind } from "@/lib/db/generated/enums";
import { giftLink } from "@/lib/gifting/token";
import { giftPhase, orderDisplayStatus, voucherPhase, type DisplayStatus, type GiftPhase, type VoucherPhase } from "@/lib/lifecycle";
import {
  afterSaleSelect,
  afterSaleStatusSelect,
  afterSaleView,
  autoConfirmAt,
  byTime,
  parcelDisplayStatus,
  parcelEvents,
  shipmentSelect,
  shipmentView,
  voucherSelect,
  voucherView,
  type AfterSaleStatusView,
  type AfterSaleView,
  type ShipmentView,
  type TimelineEvent,
  type VoucherView,
} from "./parcel";

export const GIFTS_PAGE_SIZE = 20;

const productSelect = { id: true, title: true, kind: true, images: { orderBy: { position: "asc" as const }, take: 1, select: { url: true } } } as const;

type ProductCard = { id: string; title: string; kind: ProductKind; image: string | null };
const productCard = (p: { id: string; title: string; kind: ProductKind; images: { url: string }[] }): ProductCard => ({
  id: p.id,
  title: p.title,
  kind: p.kind,
  image: p.images[0]?.url ?? null,
});

/** One page of the gifts `where` finds, newest first, with what the pager needs. */
async function giftPage<S extends Prisma.GiftSelect>(db: Db, where: Prisma.GiftWhereInput, page: number | undefined, select: S) {
  const total = await db.gift.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / GIFTS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page ?? 1), pageCount);
  const rows = await db.gift.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * GIFTS_PAGE_SIZE,
    take: GIFTS_PAGE_SIZE,
    select,
  });
  return { rows: rows as Prisma.GiftGetPayload<{ select: S }>[], total, page: current, pageCount };
}

/** A gift the viewer has not (or not yet) taken reads as its gift's phase. */
function unclaimedStatus(phase: GiftPhase): DisplayStatus {
  return phase === "declined" ? "DECLINED" : phase === "expired" ? "EXPIRED" : "WAITING";
}

// ─── Lists ──────────────────────────────────────────────────────────────────

export type ReceivedGiftRow = {
  giftId: string;
  mode: GiftMode;
  createdAt: Date;
  senderName: string;
  product: ProductCard;
  variantName: string;
  status: DisplayStatus;
  afterSaleOpen: boolean;
};

const receivedWhere = (userId: string) => ({ OR: [{ recipientId: userId }, { claims: { some: { recipientId: userId } } }] });

export async function listReceivedGifts(db: Db, userId: string, opts: { page?: number } = {}) {
  const { rows, total, page, pageCount } = await giftPage(db, receivedWhere(userId), opts.page, {
    id: true,
    mode: true,
    status: true,
    expiresAt: true,
    createdAt: true,
    sender: { select: { name: true } },
    order: { select: { product: { select: productSelect }, variant: { select: { name: true } } } },
    claims: {
      where: { recipientId: userId },
      select: { status: true, variant: { select: { name: true } }, afterSales: { where: { status: "REQUESTED" }, select: { id: true } } },
    },
  });
  const items: ReceivedGiftRow[] = rows.map((g) => {
    const claim = g.claims[0];
    return {
      giftId: g.id,
      mode: g.mode,
      createdAt: g.createdAt,
      senderName: g.sender.name,
      product: productCard(g.order.product),
      variantName: claim?.variant.name ?? g.order.variant.name,
      status: claim ? parcelDisplayStatus(claim.status) : unclaimedStatus(giftPhase(g)),
      afterSaleOpen: (claim?.afterSales.length ?? 0) > 0,
    };
  });
  return { items, total, page, pageCount };
}

export type SentGiftRow = {
  giftId: string;
  mode: GiftMode;
  createdAt: Date;
  units: number;
  /** The one friend of a single gift; null for group gifts. */
  recipientName: string | null;
  claimedCount: number;
  product: ProductCard;
  status: DisplayStatus;
};

export async function listSentGifts(db: Db, userId: string, opts: { page?: number } = {}) {
  const { rows, total, page, pageCount } = await giftPage(db, { senderId: userId }, opts.page, {
    id: true,
    mode: true,
    status: true,
    units: true,
    expiresAt: true,
    createdAt: true,
    recipient: { select: { name: true } },
    order: { select: { status: true, product: { select: productSelect } } },
    claims: { select: { status: true } },
  });
  const items: SentGiftRow[] = rows.map((g) => ({
    giftId: g.id,
    mode: g.mode,
    createdAt: g.createdAt,
    units: g.units,
    recipientName: g.recipient?.name ?? null,
    claimedCount: g.claims.length,
    product: productCard(g.order.product),
    status: orderDisplayStatus({
      kind: "GIFT",
      status: g.order.status,
      gift: { status: g.status, expiresAt: g.expiresAt, claims: g.claims.map((c) => c.status) },
    }),
  }));
  return { items, total, page, pageCount };
}

// ─── The recipient's timeline ───────────────────────────────────────────────

export type AfterSalePanel = {
  eligible: boolean;
  block: AfterSaleBlock | null;
  /** End of the 7 days, once the parcel arrived. */
  until: Date | null;
  refundable: number;
  currency: string;
  requests: AfterSaleView[];
};

export type ReceivedGiftTimeline = {
  role: "recipient";
  giftId: string;
  orderId: string;
  mode: GiftMode;
  message: string;
  senderName: string;
  /** Null for a passphrase gift, which is in no chat. */
  threadId: string | null;
  /** The gift sheet, where a waiting gift is accepted or declined. */
  sheetHref: string;
  product: ProductCard;
  variantName: string;
  status: DisplayStatus;
  expiresAt: Date;
  parcel: {
    claimId: string;
    shipping: ShippingAddress | null;
    shipments: ShipmentView[];
    voucher: VoucherView | null;
  } | null;
  events: TimelineEvent[];
  receipt: { canConfirm: boolean; autoConfirmAt: Date | null };
  afterSale: AfterSalePanel | null;
};

/** The viewer's own parcel of a gift, or null when the gift is not theirs (also for its sender). */
export async function getReceivedGiftTimeline(db: Db, userId: string, giftId: string, now: Date = new Date()): Promise<ReceivedGiftTimeline | null> {
  if (!giftId || giftId.length > 64) return null;
  const g = await db.gift.findFirst({
    where: { id: giftId, ...receivedWhere(userId) },
    select: {
      id: true,
      mode: true,
      status: true,
      expiresAt: true,
      closedAt: true,
      createdAt: true,
      message: true,
      threadId: true,
      sender: { select: { name: true } },
      order: {
        select: {
          id: true,
          totalAmount: true,
          unitAmount: true,
          currency: true,
          product: { select: productSelect },
          variant: { select: { name: true } },
        },
      },
      claims: {
        where: { recipientId: userId },
        select: {
          id: true,
          status: true,
          acceptedAt: true,
          ...shipColumnsSelect,
          variant: { select: { name: true } },
          shipments: { orderBy: { shippedAt: "asc" }, select: shipmentSelect },
          voucher: { select: voucherSelect },
          afterSales: { orderBy: { createdAt: "asc" }, select: afterSaleSelect },
        },
      },
    },
  });
  if (!g) return null;
  const claim = g.claims[0];
  const phase = giftPhase(g, now);
  const events: TimelineEvent[] = [{ kind: "sent", at: g.createdAt }];
  let parcel: ReceivedGiftTimeline["parcel"] = null;
  let afterSale: AfterSalePanel | null = null;
  if (claim) {
    const shipments = claim.shipments.map(shipmentView);
    const voucher = claim.voucher ? voucherView(claim.voucher, now) : null;
    const requests = claim.afterSales.map(afterSaleView);
    parcel = { claimId: claim.id, shipping: fromShipColumns(claim), shipments, voucher };
    events.push(...parcelEvents({ acceptedAt: claim.acceptedAt, shipments, vouchers: voucher ? [voucher] : [], afterSales: requests }));
    const facts = await readParcelFacts(db, { orderId: g.order.id, claimId: claim.id }, { status: claim.status, productKind: g.order.product.kind, ...g.order });
    const e = afterSaleEligibility(facts, now);
    afterSale = {
      eligible: e.eligible,
      block: e.eligible ? null : e.block,
      until: e.until,
      refundable: facts.refundable,
      currency: g.order.currency,
      requests,
    };
  } else if (phase === "declined" || phase === "expired") {
    events.push({ kind: phase, at: g.closedAt ?? g.expiresAt });
  }
  const shipments = parcel?.shipments ?? [];
  return {
    role: "recipient",
    giftId: g.id,
    orderId: g.order.id,
    mode: g.mode,
    message: g.message,
    senderName: g.sender.name,
    threadId: g.threadId,
    sheetHref: giftLink(g.id),
    product: productCard(g.order.product),
    variantName: claim?.variant.name ?? g.order.variant.name,
    status: claim ? parcelDisplayStatus(claim.status) : unclaimedStatus(phase),
    expiresAt: g.expiresAt,
    parcel,
    events: byTime(events),
    receipt: { canConfirm: claim?.status === "SHIPPED", autoConfirmAt: claim?.status === "SHIPPED" ? autoConfirmAt(shipments) : null },
    afterSale,
  };
}

// ─── The sender's timeline ──────────────────────────────────────────────────

export type SentClaimView = {
  recipientName: string;
  variantName: string;
  status: DisplayStatus;
  acceptedAt: Date;
  shipments: ShipmentView[];
  voucher: { phase: VoucherPhase } | null;
  afterSales: AfterSaleStatusView[];
  events: TimelineEvent[];
};

export type SentGiftTimeline = {
  role: "sender";
  giftId: string;
  orderId: string;
  mode: GiftMode;
  units: number;
  message: string;
  recipientName: string | null;
  /** Null for a passphrase gift, which is in no chat. */
  threadId: string | null;
  product: ProductCard;
  variantName: string;
  status: DisplayStatus;
  expiresAt: Date;
  currency: string;
  /** Paid, declined or expired, and the refunds that were not an after-sales decision. */
  events: TimelineEvent[];
  claims: SentClaimView[];
};

/** A gift the viewer sent, or null. Never selects a parcel's name, phone or address. */
export async function getSentGiftTimeline(db: Db, userId: string, giftId: string, now: Date = new Date()): Promise<SentGiftTimeline | null> {
  if (!giftId || giftId.length > 64) return null;
  const g = await db.gift.findFirst({
    where: { id: giftId, senderId: userId },
    select: {
      id: true,
      mode: true,
      status: true,
      units: true,
      expiresAt: true,
      closedAt: true,
      createdAt: true,
      message: true,
      threadId: true,
      recipient: { select: { name: true } },
      order: {
        select: {
          id: true,
          status: true,
          paidAt: true,
          currency: true,
          product: { select: productSelect },
          variant: { select: { name: true } },
          refunds: {
            where: { reason: { not: "afterSale" }, status: { in: ["PENDING", "SUCCEEDED"] } },
            orderBy: { createdAt: "asc" },
            select: { amount: true, reason: true, createdAt: true },
          },
        },
      },
      claims: {
        orderBy: { acceptedAt: "asc" },
        select: {
          status: true,
          acceptedAt: true,
          recipient: { select: { name: true } },
          variant: { select: { name: true } },
          shipments: { orderBy: { shippedAt: "asc" }, select: shipmentSelect },
          voucher: { select: { status: true, expiresAt: true } },
          afterSales: { orderBy: { createdAt: "asc" }, select: afterSaleStatusSelect },
        },
      },
    },
  });
  if (!g) return null;
  const phase = giftPhase(g, now);
  const events: TimelineEvent[] = [{ kind: "paid", at: g.order.paidAt ?? g.createdAt }];
  if (phase === "declined" || phase === "expired") events.push({ kind: phase, at: g.closedAt ?? g.expiresAt });
  for (const r of g.order.refunds) events.push({ kind: "refunded", at: r.createdAt, amount: r.amount, reason: r.reason });
  const claims: SentClaimView[] = g.claims.map((c) => {
    const shipments = c.shipments.map(shipmentView);
    return {
      recipientName: c.recipient.name,
      variantName: c.variant.name,
      status: parcelDisplayStatus(c.status),
      acceptedAt: c.acceptedAt,
      shipments,
      voucher: c.voucher ? { phase: voucherPhase(c.voucher, now) } : null,
      afterSales: c.afterSales,
      events: byTime(parcelEvents({ acceptedAt: c.acceptedAt, shipments, vouchers: [], afterSales: c.afterSales })),
    };
  });
  return {
    role: "sender",
    giftId: g.id,
    orderId: g.order.id,
    mode: g.mode,
    units: g.units,
    message: g.message,
    recipientName: g.recipient?.name ?? null,
    threadId: g.threadId,
    product: productCard(g.order.product),
    variantName: g.order.variant.name,
    status: orderDisplayStatus({ kind: "GIFT", status: g.order.status, gift: { status: g.status, expiresAt: g.expiresAt, claims: g.claims.map((c) => c.status) } }, now),
    expiresAt: g.expiresAt,
    currency: g.order.currency,
    events: byTime(events),
    claims,
  };
}

/** Whether an after-sales request is still waiting for the shop (for status lines). */
export function isOpen(status: AfterSaleStatus): boolean {
  return status === "REQUESTED";
}
