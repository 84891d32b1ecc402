// How a status reads to people. The one place that decides whether a gift is still open
// (a WAITING gift past its 24 hours is expired, even in the minutes before the expiry job
// has refunded it), and what an order's status is once its gift and parcels are counted.
import type { ClaimStatus, GiftStatus, OrderKind, OrderStatus, VoucherStatus } from "@/lib/db/generated/enums";

/**
 * waiting: can still be accepted (single), taken (group) or entered (lottery, before the
 * draw). drawn: a lottery's winners are picked and may accept. The rest are closed.
 */
export type GiftPhase = "waiting" | "drawn" | "accepted" | "declined" | "expired";

export function giftPhase(gift: { status: GiftStatus; expiresAt: Date | string }, now: Date = new Date()): GiftPhase {
  const past = new Date(gift.expiresAt).getTime() <= now.getTime();
  switch (gift.status) {
    case "WAITING":
      return past ? "expired" : "waiting";
    case "DRAWN":
      return past ? "expired" : "drawn";
    case "ACCEPTED":
      return "accepted";
    case "DECLINED":
      return "declined";
    case "EXPIRED":
      return "expired";
  }
}

/** Whether the recipient can still accept or decline. */
export function isGiftOpen(gift: { status: GiftStatus; expiresAt: Date | string }, now: Date = new Date()): boolean {
  return giftPhase(gift, now) === "waiting";
}

/**
 * An order's status as its buyer and merchant read it. Self orders read their own status;
 * a paid gift order reads its gift (waiting, declined, expired) and then its parcels.
 */
export type DisplayStatus = OrderStatus | "WAITING" | "ACCEPTED" | "DECLINED" | "EXPIRED";

export function orderDisplayStatus(
  o: { kind: OrderKind; status: OrderStatus; gift: { status: GiftStatus; expiresAt: Date | string; claims: ClaimStatus[] } | null },
  now: Date = new Date(),
): DisplayStatus {
  if (o.kind === "SELF" || !o.gift || o.status === "PENDING_PAYMENT" || o.status === "CANCELLED") return o.status;
  const phase = giftPhase(o.gift, now);
  if (phase === "declined") return "DECLINED";
  if (o.status === "REFUNDED") return phase === "expired" ? "EXPIRED" : "REFUNDED";
  // Parcels on their way count; a lottery winner who has not accepted yet is still waiting.
  const live = o.gift.claims.filter((c) => c !== "REFUNDED" && c !== "WON");
  if (live.length === 0) {
    if (o.gift.claims.length > 0 && !o.gift.claims.includes("WON")) return "REFUNDED";
    return phase === "expired" ? "EXPIRED" : "WAITING";
  }
  if (live.every((c) => c === "DELIVERED")) return "DELIVERED";
  if (live.every((c) => c === "SHIPPED" || c === "DELIVERED")) return "SHIPPED";
  return "ACCEPTED";
}

/** Prisma select of what orderDisplayStatus needs of an order's gift. */
export const displayGiftSelect = { status: true, expiresAt: true, claims: { select: { status: true } } } as const;

/** The selected gift, as orderDisplayStatus takes it. */
export function displayGift(g: { status: GiftStatus; expiresAt: Date; claims: { status: ClaimStatus }[] } | null | undefined) {
  return g ? { status: g.status, expiresAt: g.expiresAt, claims: g.claims.map((c) => c.status) } : null;
}

export type VoucherPhase = "active" | "redeemed" | "void" | "expired";

/** A voucher code as people read it: an unused code past its validity is expired, job or no job. */
export function voucherPhase(v: { status: VoucherStatus; expiresAt: Date | string }, now: Date = new Date()): VoucherPhase {
  switch (v.status) {
    case "ACTIVE":
      return new Date(v.expiresAt).getTime() <= now.getTime() ? "expired" : "active";
    case "REDEEMED":
      return "redeemed";
    case "VOID":
      return "void";
  }
}
