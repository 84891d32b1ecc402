// The transition tables of every entity with a status. This file is the only statement of
// which status may follow which; transition.ts applies them, docs/lifecycle.md draws them.
// Each event names the statuses it may start from and the one it leads to.
import type { AfterSaleStatus, ClaimStatus, GiftStatus, OrderStatus, RefundStatus, VoucherStatus } from "@/lib/db/generated/enums";

export type Transition<S extends string> = { readonly from: readonly S[]; readonly to: S };
export type Table<S extends string> = Readonly<Record<string, Transition<S>>>;

/** An order's money, and for a self order its parcel. A gift order stays PAID while its gift moves. */
export const ORDER_EVENTS = {
  /** Stripe says the Checkout Session is paid. */
  pay: { from: ["PENDING_PAYMENT"], to: "PAID" },
  /** The checkout failed, expired or was abandoned before payment. */
  cancel: { from: ["PENDING_PAYMENT"], to: "CANCELLED" },
  /** Self orders: the merchant ships the parcel. */
  ship: { from: ["PAID"], to: "SHIPPED" },
  /** Self orders: the parcel arrived. */
  deliver: { from: ["SHIPPED"], to: "DELIVERED" },
  /** Self orders: the buyer confirms receipt (确认收货), or 10 days after shipping it is confirmed for them. */
  confirmReceipt: { from: ["SHIPPED"], to: "DELIVERED" },
  /** All the money goes back (sold out, declined, expired with nothing taken, ...). */
  refund: { from: ["PAID", "SHIPPED", "DELIVERED"], to: "REFUNDED" },
  /** A payment that arrived after the order had been given up: it is returned. */
  refundLatePayment: { from: ["CANCELLED"], to: "REFUNDED" },
} as const satisfies Table<OrderStatus>;

/** A gift in a chat: for one friend, units for a group, or a lottery. */
export const GIFT_EVENTS = {
  /** Single: the recipient accepts. */
  accept: { from: ["WAITING"], to: "ACCEPTED" },
  /** Single: the recipient declines (拒收). */
  decline: { from: ["WAITING"], to: "DECLINED" },
  /** Lottery: the winners are drawn at the draw time. */
  draw: { from: ["WAITING"], to: "DRAWN" },
  /** Group: the last unit is taken. Lottery: the last winner accepts. */
  complete: { from: ["WAITING", "DRAWN"], to: "ACCEPTED" },
  /** 24 hours are up (for a lottery: after the draw): what nobody took is refunded. */
  expire: { from: ["WAITING", "DRAWN"], to: "EXPIRED" },
} as const satisfies Table<GiftStatus>;

/** One recipient's unit of a gift: their parcel (or voucher). */
export const CLAIM_EVENTS = {
  /** A lottery winner accepts with an address. */
  accept: { from: ["WON"], to: "ACCEPTED" },
  /** A lottery winner did not accept in time: the unit is refunded. */
  forfeit: { from: ["WON"], to: "REFUNDED" },
  ship: { from: ["ACCEPTED"], to: "SHIPPED" },
  deliver: { from: ["SHIPPED"], to: "DELIVERED" },
  /** The recipient confirms receipt (确认收货), or 10 days after shipping it is confirmed for them. */
  confirmReceipt: { from: ["SHIPPED"], to: "DELIVERED" },
  refund: { from: ["ACCEPTED", "SHIPPED", "DELIVERED"], to: "REFUNDED" },
} as const satisfies Table<ClaimStatus>;

/** Money going back to the payer: recorded first, settled at Stripe after the commit. */
export const REFUND_EVENTS = {
  succeed: { from: ["PENDING"], to: "SUCCEEDED" },
  /** Every retry failed: it waits for a person ("needs attention"). */
  giveUp: { from: ["PENDING"], to: "FAILED" },
  /** A person asked to try again. */
  retry: { from: ["FAILED"], to: "PENDING" },
} as const satisfies Table<RefundStatus>;

/** 售后: a request for a refund or a return, decided by the shop. */
export const AFTER_SALE_EVENTS = {
  /** The shop refunds all or part of the price to the original payment. */
  approve: { from: ["REQUESTED"], to: "APPROVED" },
  /** The shop says no, with a reason. */
  reject: { from: ["REQUESTED"], to: "REJECTED" },
  /** The requester takes it back before the shop decides. */
  withdraw: { from: ["REQUESTED"], to: "WITHDRAWN" },
} as const satisfies Table<AfterSaleStatus>;

/** A voucher's code. An ACTIVE code past its validity reads expired (voucherPhase). */
export const VOUCHER_EVENTS = {
  /** The shop redeems it at the counter: once. */
  redeem: { from: ["ACTIVE"], to: "REDEEMED" },
  /** Its price went back to the payer: the code is dead. */
  void: { from: ["ACTIVE"], to: "VOID" },
} as const satisfies Table<VoucherStatus>;

export type OrderEvent = keyof typeof ORDER_EVENTS;
export type GiftEvent = keyof typeof GIFT_EVENTS;
export type ClaimEvent = keyof typeof CLAIM_EVENTS;
export type RefundEvent = keyof typeof REFUND_EVENTS;
export type AfterSaleEvent = keyof typeof AFTER_SALE_EVENTS;
export type VoucherEvent = keyof typeof VOUCHER_EVENTS;

/** Every table, by the entity (and database table) it governs. */
export const MACHINES = {
  Order: ORDER_EVENTS,
  Gift: GIFT_EVENTS,
  GiftClaim: CLAIM_EVENTS,
  Refund: REFUND_EVENTS,
  AfterSaleRequest: AFTER_SALE_EVENTS,
  Voucher: VOUCHER_EVENTS,
} as const;
export type Entity = keyof typeof MACHINES;

/** Whether `event` may happen to something in `status`. */
export function canTransition<E extends Entity>(entity: E, status: string, event: keyof (typeof MACHINES)[E]): boolean {
  const t = MACHINES[entity][event] as Transition<string> | undefined;
  return !!t && t.from.includes(status);
}
