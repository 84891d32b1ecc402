// The rules of after-sales (售后), as pure functions the services and pages share
// (docs/after-sales.md). Who may ask is decided by the services; here is when and how much.
import type { ProductKind } from "@/lib/db/generated/enums";

/** A refund or return may be asked for within 7 days of delivery (of the code, for a voucher). */
export const AFTER_SALE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
export const AFTER_SALE_REASON_MIN = 2;
export const AFTER_SALE_REASON_MAX = 300;
export const AFTER_SALE_REJECT_REASON_MAX = 300;

/** Why a parcel cannot get an after-sales request now (an i18n key under afterSale.errors). */
export type AfterSaleBlock = "notDelivered" | "windowClosed" | "refunded" | "alreadyOpen" | "nothingLeft" | "voucherUsed";

export type ParcelFacts = {
  productKind: ProductKind;
  /** The parcel's own status: a claim's, or a self order's. */
  status: string;
  /** When the parcel arrived (physical) or its code was issued (voucher); null if not yet. */
  deliveredAt: Date | null;
  /** Vouchers: whether any of its codes has been redeemed. */
  voucherRedeemed: boolean;
  hasOpenRequest: boolean;
  /** What may still be refunded for this parcel, in fen. */
  refundable: number;
};

/** Whether an after-sales request may be made for this parcel now, and until when. */
export function afterSaleEligibility(p: ParcelFacts, now: Date = new Date()): { eligible: true; until: Date } | { eligible: false; block: AfterSaleBlock; until: Date | null } {
  const until = p.deliveredAt ? new Date(p.deliveredAt.getTime() + AFTER_SALE_WINDOW_MS) : null;
  const no = (block: AfterSaleBlock) => ({ eligible: false as const, block, until });
  if (p.status === "REFUNDED") return no("refunded");
  if (p.productKind === "PHYSICAL" ? p.status !== "DELIVERED" : !p.deliveredAt) return no("notDelivered");
  if (!until || until.getTime() <= now.getTime()) return no("windowClosed");
  if (p.productKind === "VOUCHER" && p.voucherRedeemed) return no("voucherUsed");
  if (p.hasOpenRequest) return no("alreadyOpen");
  if (p.refundable <= 0) return no("nothingLeft");
  return { eligible: true, until };
}
