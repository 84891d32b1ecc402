// Confirming receipt (确认收货). The parcel's recipient — the recipient of a gift, or the
// buyer of their own order — confirms that it arrived; a parcel nobody confirms is
// confirmed automatically RECEIPT_AUTO_CONFIRM_MS after it shipped (a job per shipment,
// and the sweep for lost jobs). Either way it is the lifecycle's confirmReceipt transition
// (SHIPPED → DELIVERED) under the order's row lock, and the shipment records who said so.
import { z } from "zod";
import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { DeliveryConfirmation } from "@/lib/db/generated/enums";
import { TransitionError, transitionClaim, transitionOrder } from "@/lib/lifecycle";
import { publishGiftChanged } from "@/lib/realtime/publish";
import { DomainError } from "@/lib/validation/result";

type Tx = Prisma.TransactionClient;

/** Taobao's rule of thumb: a parcel nobody confirms is taken as received 10 days after shipping. */
export const RECEIPT_AUTO_CONFIRM_MS = 10 * 24 * 60 * 60 * 1000;

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");
export const confirmReceiptSchema = z.object({ orderId: id });

/** The order row, locked for the rest of the transaction (fulfilment and after-sales lock it too). */
export async function lockOrderRow(tx: Tx, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  return rows.length === 1;
}

type Parcel = {
  orderId: string;
  /** Null for a self order. */
  claimId: string | null;
  threadId: string | null;
  giftId: string | null;
  productTitle: string;
  recipientName: string;
};

/** Marks the parcel delivered: the transition, the shipment's stamp, the chat's notice. */
async function confirm(tx: Tx, parcel: Parcel, by: DeliveryConfirmation, now: Date): Promise<void> {
  if (parcel.claimId) await transitionClaim(tx, parcel.claimId, "confirmReceipt");
  else await transitionOrder(tx, parcel.orderId, "confirmReceipt");
  await tx.shipment.updateMany({
    where: { orderId: parcel.orderId, claimId: parcel.claimId, deliveredAt: null },
    data: { deliveredAt: now, deliveredBy: by },
  });
  if (parcel.threadId && parcel.giftId) {
    await postMessage(tx, {
      threadId: parcel.threadId,
      senderId: null,
      kind: "SYSTEM",
      systemKey: by === "AUTO" ? "receiptAutoConfirmed" : "receiptConfirmed",
      systemArg: { product: parcel.productTitle, recipient: parcel.recipientName },
    });
    await publishGiftChanged(tx, parcel.threadId, parcel.giftId);
  }
}

function refusal(current: string | null): DomainError {
  if (current === "DELIVERED") return new DomainError("tracking.errors.alreadyDelivered");
  if (current === "REFUNDED" || current === "CANCELLED") return new DomainError("tracking.errors.closed");
  return new DomainError("tracking.errors.notShipped");
}

/**
 * The recipient confirms their parcel arrived. Someone else's order (the gift's sender
 * included) answers exactly like a missing one: tracking.errors.notFound.
 */
export async function confirmReceipt(db: Db, userId: string, raw: z.input<typeof confirmReceiptSchema>, now: Date = new Date()) {
  const { orderId } = confirmReceiptSchema.parse(raw);
  return db.$transaction(async (tx) => {
    if (!(await lockOrderRow(tx, orderId))) throw new DomainError("tracking.errors.notFound");
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: {
        kind: true,
        buyerId: true,
        buyer: { select: { name: true } },
        product: { select: { title: true, kind: true } },
        gift: { select: { id: true, threadId: true, claims: { where: { recipientId: userId }, select: { id: true, recipient: { select: { name: true } } } } } },
      },
    });
    let parcel: Parcel;
    if (order.kind === "SELF") {
      if (order.buyerId !== userId) throw new DomainError("tracking.errors.notFound");
      parcel = { orderId, claimId: null, threadId: null, giftId: null, productTitle: order.product.title, recipientName: order.buyer.name };
    } else {
      const claim = order.gift?.claims[0];
      if (!order.gift || !claim) throw new DomainError("tracking.errors.notFound");
      parcel = { orderId, claimId: claim.id, threadId: order.gift.threadId, giftId: order.gift.id, productTitle: order.product.title, recipientName: claim.recipient.name };
    }
    if (order.product.kind === "VOUCHER") throw new DomainError("tracking.errors.notShipped");
    try {
      await confirm(tx, parcel, "RECIPIENT", now);
    } catch (err) {
      if (err instanceof TransitionError) throw refusal(err.current);
      throw err;
    }
    return { orderId, claimId: parcel.claimId };
  });
}

export type AutoConfirmOutcome = "confirmed" | "not-due" | "settled" | "missing";

/**
 * The automatic confirmation of one shipment, RECEIPT_AUTO_CONFIRM_MS after it shipped. Safe
 * to run any number of times and to race the recipient: the transition happens once.
 */
export async function autoConfirmReceipt(db: Db, shipmentId: string, now: Date = new Date()): Promise<AutoConfirmOutcome> {
  const s = await db.shipment.findUnique({ where: { id: shipmentId }, select: { orderId: true, claimId: true, shippedAt: true, deliveredAt: true } });
  if (!s) return "missing";
  if (s.deliveredAt) return "settled";
  if (s.shippedAt.getTime() + RECEIPT_AUTO_CONFIRM_MS > now.getTime()) return "not-due";
  return db.$transaction(async (tx) => {
    await lockOrderRow(tx, s.orderId);
    const order = await tx.order.findUniqueOrThrow({
      where: { id: s.orderId },
      select: {
        buyer: { select: { name: true } },
        product: { select: { title: true } },
        gift: { select: { id: true, threadId: true } },
      },
    });
    const claim = s.claimId
      ? await tx.giftClaim.findUniqueOrThrow({ where: { id: s.claimId }, select: { recipient: { select: { name: true } } } })
      : null;
    const parcel: Parcel = {
      orderId: s.orderId,
      claimId: s.claimId,
      threadId: claim ? (order.gift?.threadId ?? null) : null,
      giftId: claim ? (order.gift?.id ?? null) : null,
      productTitle: order.product.title,
      recipientName: claim?.recipient.name ?? order.buyer.name,
    };
    try {
      await confirm(tx, parcel, "AUTO", now);
      return "confirmed" as const;
    } catch (err) {
      // Confirmed, delivered or refunded meanwhile: nothing left to do.
      if (err instanceof TransitionError) return "settled" as const;
      throw err;
    }
  });
}

/** The sweep's part: shipments past their automatic confirmation whose job was lost. */
export async function autoConfirmOverdue(db: Db, opts: { now?: Date; graceMs?: number; batch?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const due = await db.shipment.findMany({
    where: {
      deliveredAt: null,
      shippedAt: { lt: new Date(now.getTime() - RECEIPT_AUTO_CONFIRM_MS - (opts.graceMs ?? 60_000)) },
      // Only parcels still on their way (a refunded one keeps its undelivered shipment).
      OR: [{ claimId: null, order: { status: "SHIPPED" } }, { claim: { status: "SHIPPED" } }],
    },
    orderBy: { shippedAt: "asc" },
    take: opts.batch ?? 100,
    select: { id: true },
  });
  let confirmed = 0;
  for (const s of due) if ((await autoConfirmReceipt(db, s.id, now)) === "confirmed") confirmed++;
  return confirmed;
}
