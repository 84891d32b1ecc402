// The pieces of a parcel's timeline, shared by the gifts page (recipient and sender) and
// the buyer's own order page. What each side may see is decided by what its query selects:
// the sender's queries never select a parcel's name, phone or address, nor an after-sales
// request's reason, photo or amount.
import type { AfterSaleKind, AfterSaleStatus, DeliveryConfirmation, RefundStatus, VoucherStatus } from "@/lib/db/generated/enums";
import { voucherPhase, type DisplayStatus, type VoucherPhase } from "@/lib/lifecycle";
import { trackingUrl } from "./carriers";
import { RECEIPT_AUTO_CONFIRM_MS } from "./receipt";

export type ShipmentView = {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  shippedAt: Date;
  deliveredAt: Date | null;
  deliveredBy: DeliveryConfirmation | null;
};

export const shipmentSelect = { carrier: true, trackingNumber: true, shippedAt: true, deliveredAt: true, deliveredBy: true } as const;

export function shipmentView(s: Omit<ShipmentView, "trackingUrl">): ShipmentView {
  return { ...s, trackingUrl: trackingUrl(s.trackingNumber) };
}

export type VoucherView = { code: string; expiresAt: Date; phase: VoucherPhase; redeemedAt: Date | null; issuedAt: Date };

export const voucherSelect = { code: true, status: true, expiresAt: true, redeemedAt: true, createdAt: true } as const;

export function voucherView(v: { code: string; status: VoucherStatus; expiresAt: Date; redeemedAt: Date | null; createdAt: Date }, now = new Date()): VoucherView {
  return { code: v.code, expiresAt: v.expiresAt, phase: voucherPhase(v, now), redeemedAt: v.redeemedAt, issuedAt: v.createdAt };
}

/** A request as its requester and the shop read it. */
export type AfterSaleView = {
  id: string;
  kind: AfterSaleKind;
  status: AfterSaleStatus;
  reason: string;
  photoUrl: string | null;
  refundAmount: number | null;
  refundStatus: RefundStatus | null;
  rejectReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

export const afterSaleSelect = {
  id: true,
  kind: true,
  status: true,
  reason: true,
  photoKey: true,
  refundAmount: true,
  rejectReason: true,
  createdAt: true,
  decidedAt: true,
  refund: { select: { status: true } },
} as const;

export function afterSaleView(r: {
  id: string;
  kind: AfterSaleKind;
  status: AfterSaleStatus;
  reason: string;
  photoKey: string | null;
  refundAmount: number | null;
  rejectReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  refund: { status: RefundStatus } | null;
}): AfterSaleView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    photoUrl: r.photoKey ? `/after-sales/${r.id}/photo` : null,
    refundAmount: r.refundAmount,
    refundStatus: r.refund?.status ?? null,
    rejectReason: r.rejectReason,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
  };
}

/** What the sender of a gift learns of an after-sales request: where it stands, nothing else. */
export type AfterSaleStatusView = { status: AfterSaleStatus; createdAt: Date; decidedAt: Date | null };
export const afterSaleStatusSelect = { status: true, createdAt: true, decidedAt: true } as const;

export type TimelineEvent =
  | { kind: "paid" | "sent" | "accepted" | "declined" | "expired"; at: Date }
  | { kind: "shipped"; at: Date; carrier: string; trackingNumber: string; trackingUrl: string }
  | { kind: "delivered"; at: Date; by: DeliveryConfirmation | null }
  | { kind: "voucherIssued"; at: Date; expiresAt: Date }
  | { kind: "voucherRedeemed"; at: Date }
  | { kind: "refunded"; at: Date; amount: number | null; reason: string | null }
  | { kind: "afterSaleRequested"; at: Date }
  | { kind: "afterSaleApproved"; at: Date; amount: number | null }
  | { kind: "afterSaleRejected"; at: Date; reason: string | null }
  | { kind: "afterSaleWithdrawn"; at: Date };

/** The parcel's own events, oldest first: shipping, delivery, codes, after-sales. */
export function parcelEvents(p: {
  acceptedAt?: Date | null;
  shipments: ShipmentView[];
  vouchers: VoucherView[];
  afterSales: (AfterSaleStatusView & { refundAmount?: number | null; rejectReason?: string | null })[];
}): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (p.acceptedAt) events.push({ kind: "accepted", at: p.acceptedAt });
  for (const s of p.shipments) {
    events.push({ kind: "shipped", at: s.shippedAt, carrier: s.carrier, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl });
    if (s.deliveredAt) events.push({ kind: "delivered", at: s.deliveredAt, by: s.deliveredBy });
  }
  const firstCode = p.vouchers.reduce<VoucherView | null>((a, v) => (!a || v.issuedAt < a.issuedAt ? v : a), null);
  if (firstCode) events.push({ kind: "voucherIssued", at: firstCode.issuedAt, expiresAt: firstCode.expiresAt });
  for (const v of p.vouchers) if (v.redeemedAt) events.push({ kind: "voucherRedeemed", at: v.redeemedAt });
  for (const r of p.afterSales) {
    events.push({ kind: "afterSaleRequested", at: r.createdAt });
    if (!r.decidedAt) continue;
    if (r.status === "APPROVED") events.push({ kind: "afterSaleApproved", at: r.decidedAt, amount: r.refundAmount ?? null });
    else if (r.status === "REJECTED") events.push({ kind: "afterSaleRejected", at: r.decidedAt, reason: r.rejectReason ?? null });
    else if (r.status === "WITHDRAWN") events.push({ kind: "afterSaleWithdrawn", at: r.decidedAt });
  }
  return events;
}

export function byTime(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A claim's (or self order's) status as the badge reads it; statuses this page does not know read as waiting. */
export function parcelDisplayStatus(status: string): DisplayStatus {
  const known: DisplayStatus[] = ["ACCEPTED", "SHIPPED", "DELIVERED", "REFUNDED", "PAID", "CANCELLED", "PENDING_PAYMENT"];
  return (known as string[]).includes(status) ? (status as DisplayStatus) : "WAITING";
}

/** When a shipped parcel will be confirmed received if nobody does it first. */
export function autoConfirmAt(shipments: ShipmentView[]): Date | null {
  const open = shipments.filter((s) => !s.deliveredAt);
  if (open.length === 0) return null;
  return new Date(Math.min(...open.map((s) => s.shippedAt.getTime())) + RECEIPT_AUTO_CONFIRM_MS);
}
