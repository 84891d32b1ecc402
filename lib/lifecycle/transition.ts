// Applies the transition tables (machines.ts). Each transition is one conditional
// `UPDATE … WHERE id = $1 AND status IN (allowed)`: when the row is not in a state the event
// may start from (someone else got there first, or the event makes no sense), nothing is
// written and a TransitionError says what the status was. No other code writes a status.
import type { Db } from "@/lib/db/client";
import type { AfterSaleRequest, Gift, GiftClaim, Order, Prisma, Refund, Voucher } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/validation/result";
import {
  MACHINES,
  type AfterSaleEvent,
  type ClaimEvent,
  type Entity,
  type GiftEvent,
  type OrderEvent,
  type RefundEvent,
  type Transition,
  type VoucherEvent,
} from "./machines";

type Tx = Db | Prisma.TransactionClient;

/** Refused transition. Its message key is generic; services that know the context map it to a better one. */
export class TransitionError extends DomainError {
  constructor(
    public readonly entity: Entity,
    public readonly entityId: string,
    public readonly event: string,
    /** The status found instead (null when the row does not exist). */
    public readonly current: string | null,
  ) {
    super("lifecycle.notAllowed");
    this.name = "TransitionError";
  }
}

/** The two Prisma calls a transition needs, the same for every entity. */
type Delegate = {
  updateManyAndReturn(args: { where: { id: string; status: { in: string[] } }; data: Record<string, unknown> }): Promise<unknown[]>;
  findUnique(args: { where: { id: string }; select: { status: true } }): Promise<{ status: string } | null>;
};

function delegate(tx: Tx, entity: Entity): Delegate {
  const byEntity = {
    Order: tx.order,
    Gift: tx.gift,
    GiftClaim: tx.giftClaim,
    Refund: tx.refund,
    AfterSaleRequest: tx.afterSaleRequest,
    Voucher: tx.voucher,
  };
  return byEntity[entity] as unknown as Delegate;
}

async function apply(tx: Tx, entity: Entity, id: string, event: string, data: object): Promise<unknown> {
  const t = (MACHINES[entity] as Record<string, Transition<string>>)[event];
  if (!t) throw new Error(`${entity} has no event "${event}"`);
  const d = delegate(tx, entity);
  const rows = await d.updateManyAndReturn({ where: { id, status: { in: [...t.from] } }, data: { ...data, status: t.to } });
  if (rows.length === 1) return rows[0];
  const found = await d.findUnique({ where: { id }, select: { status: true } });
  throw new TransitionError(entity, id, event, found?.status ?? null);
}

// Other columns may change in the same statement (timestamps, reasons), never the status.
type Data<T> = Omit<T, "status">;

export function transitionOrder(tx: Tx, id: string, event: OrderEvent, data: Data<Prisma.OrderUncheckedUpdateManyInput> = {}) {
  return apply(tx, "Order", id, event, data) as Promise<Order>;
}

export function transitionGift(tx: Tx, id: string, event: GiftEvent, data: Data<Prisma.GiftUncheckedUpdateManyInput> = {}) {
  return apply(tx, "Gift", id, event, data) as Promise<Gift>;
}

export function transitionClaim(tx: Tx, id: string, event: ClaimEvent, data: Data<Prisma.GiftClaimUncheckedUpdateManyInput> = {}) {
  return apply(tx, "GiftClaim", id, event, data) as Promise<GiftClaim>;
}

export function transitionRefund(tx: Tx, id: string, event: RefundEvent, data: Data<Prisma.RefundUncheckedUpdateManyInput> = {}) {
  return apply(tx, "Refund", id, event, data) as Promise<Refund>;
}

/**
 * A lottery's winners get their claims at the draw, born WON (they accept later). Every
 * other claim is born ACCEPTED, the column's default, when its recipient takes the gift.
 */
export function createWonClaims(tx: Tx, rows: { giftId: string; recipientId: string; variantId: string }[]) {
  return tx.giftClaim.createMany({ data: rows.map((r) => ({ ...r, status: "WON" as const })) });
}

export function transitionAfterSale(
  tx: Tx,
  id: string,
  event: AfterSaleEvent,
  data: Data<Prisma.AfterSaleRequestUncheckedUpdateManyInput> = {},
) {
  return apply(tx, "AfterSaleRequest", id, event, data) as Promise<AfterSaleRequest>;
}

export function transitionVoucher(tx: Tx, id: string, event: VoucherEvent, data: Data<Prisma.VoucherUpdateManyMutationInput> = {}) {
  return apply(tx, "Voucher", id, event, data) as Promise<Voucher>;
}
