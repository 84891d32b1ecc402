// Fulfilment: the merchant ships and delivers. Each transition is one guarded function:
// the order (and for gifts the claim) must be in the state the transition starts from,
// checked by a conditional UPDATE under a row lock, or it is refused with a DomainError
// (an i18n key) and nothing changes. For gift orders every change posts a system message
// in the gift's chat thread, which says the carrier, never the address or tracking number.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ClaimStatus, GiftMode, GiftStatus, OrderKind, OrderStatus } from "@/lib/db/generated/enums";
import { postMessage } from "@/lib/chat/post-message";
import { DomainError } from "@/lib/validation/result";

type Tx = Prisma.TransactionClient;

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

export const CARRIERS = ["SF Express", "JD Logistics", "EMS", "ZTO Express", "YTO Express", "STO Express", "Yunda"] as const;

export const shipSchema = z.object({
  orderId: id,
  /** Gift orders: which recipient's parcel (a single gift has one claim and may omit it). */
  claimId: id.optional(),
  carrier: z.string().trim().min(1, "validation.required").max(40, "merchant.fulfilment.carrierTooLong"),
  trackingNumber: z
    .string()
    .trim()
    .min(1, "validation.required")
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/, "merchant.fulfilment.trackingInvalid"),
});

export const deliverSchema = z.object({ orderId: id, claimId: id.optional() });

/**
 * The status a person reads. A paid gift nobody has accepted yet is "waiting" (for the
 * recipient); otherwise the order's own status.
 */
export type DisplayStatus = OrderStatus | "WAITING";

export function orderDisplayStatus(o: {
  kind: OrderKind;
  status: OrderStatus;
  gift: { status: GiftStatus; claimCount: number } | null;
}): DisplayStatus {
  if (o.kind === "GIFT" && o.status === "PAID" && o.gift && o.gift.status === "WAITING" && o.gift.claimCount === 0) {
    return "WAITING";
  }
  return o.status;
}

async function lockOwnedOrder(tx: Tx, merchantId: string, orderId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Order" o JOIN "Shop" s ON s."id" = o."shopId"
     WHERE o."id" = ${orderId} AND s."ownerId" = ${merchantId}
       FOR UPDATE OF o`;
  if (locked.length === 0) throw new DomainError("merchant.errors.orderNotFound");
  return tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      kind: true,
      status: true,
      product: { select: { title: true, kind: true } },
      gift: {
        select: {
          id: true,
          mode: true,
          status: true,
          threadId: true,
          claims: { select: { id: true, status: true, recipient: { select: { name: true } } } },
        },
      },
    },
  });
}

type LockedOrder = Awaited<ReturnType<typeof lockOwnedOrder>>;

function refuseSelf(status: OrderStatus, action: "ship" | "deliver"): never {
  if (status === "PENDING_PAYMENT") throw new DomainError("merchant.fulfilment.notPaid");
  if (status === "CANCELLED" || status === "REFUNDED") throw new DomainError("merchant.fulfilment.closed");
  if (action === "ship") throw new DomainError("merchant.fulfilment.alreadyShipped");
  if (status === "DELIVERED") throw new DomainError("merchant.fulfilment.alreadyDelivered");
  throw new DomainError("merchant.fulfilment.notShipped");
}

/** The claim a gift transition acts on, or a refusal that says why there is none. */
function pickClaim(order: LockedOrder, claimId: string | undefined) {
  if (order.status === "PENDING_PAYMENT" || !order.gift) throw new DomainError("merchant.fulfilment.notPaid");
  if (order.status === "CANCELLED" || order.status === "REFUNDED") throw new DomainError("merchant.fulfilment.closed");
  const claims = order.gift.claims;
  if (claims.length === 0) throw new DomainError("merchant.fulfilment.waitingForRecipient");
  const claim = claimId ? claims.find((c) => c.id === claimId) : claims.length === 1 ? claims[0] : undefined;
  if (!claim) throw new DomainError(claimId ? "merchant.errors.orderNotFound" : "validation.required", claimId ? undefined : "claimId");
  return { gift: order.gift, claim };
}

/**
 * A gift order follows its parcels: SHIPPED once every (non-refunded) claim has shipped,
 * DELIVERED once every one has arrived. A group gift still open for claims keeps its status.
 */
async function syncGiftOrderStatus(tx: Tx, orderId: string, gift: { id: string; mode: GiftMode; status: GiftStatus }) {
  if (gift.mode !== "SINGLE" && gift.status === "WAITING") return;
  const claims = await tx.giftClaim.findMany({ where: { giftId: gift.id }, select: { status: true } });
  const live = claims.map((c) => c.status).filter((s): s is Exclude<ClaimStatus, "REFUNDED"> => s !== "REFUNDED");
  if (live.length === 0) return;
  const next: OrderStatus | null = live.every((s) => s === "DELIVERED")
    ? "DELIVERED"
    : live.every((s) => s === "SHIPPED" || s === "DELIVERED")
      ? "SHIPPED"
      : null;
  if (!next) return;
  await tx.order.updateMany({
    where: { id: orderId, status: { in: ["PAID", "ACCEPTED", "SHIPPED"] } },
    data: { status: next },
  });
}

/** Mark shipped: creates a Shipment; order (self) or claim (gift) → SHIPPED. */
export async function markShipped(db: Db, merchantId: string, raw: z.input<typeof shipSchema>) {
  const input = shipSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const order = await lockOwnedOrder(tx, merchantId, input.orderId);
    if (order.product.kind === "VOUCHER") throw new DomainError("merchant.fulfilment.voucherNotShipped");
    const shipment = { carrier: input.carrier, trackingNumber: input.trackingNumber.toUpperCase() };
    if (order.kind === "SELF") {
      const { count } = await tx.order.updateMany({ where: { id: order.id, status: "PAID" }, data: { status: "SHIPPED" } });
      if (count !== 1) refuseSelf(order.status, "ship");
      return tx.shipment.create({ data: { orderId: order.id, ...shipment }, select: { id: true } });
    }
    const { gift, claim } = pickClaim(order, input.claimId);
    const { count } = await tx.giftClaim.updateMany({ where: { id: claim.id, status: "ACCEPTED" }, data: { status: "SHIPPED" } });
    if (count !== 1) {
      throw new DomainError(claim.status === "REFUNDED" ? "merchant.fulfilment.closed" : "merchant.fulfilment.alreadyShipped");
    }
    const created = await tx.shipment.create({ data: { orderId: order.id, claimId: claim.id, ...shipment }, select: { id: true } });
    await syncGiftOrderStatus(tx, order.id, gift);
    await postMessage(tx, {
      threadId: gift.threadId,
      senderId: null,
      kind: "SYSTEM",
      systemKey: "orderShipped",
      systemArg: { product: order.product.title, carrier: input.carrier, recipient: claim.recipient.name },
    });
    return created;
  });
}

/** Mark delivered: order (self) or claim (gift) SHIPPED → DELIVERED; stamps the shipment. */
export async function markDelivered(db: Db, merchantId: string, raw: z.input<typeof deliverSchema>) {
  const input = deliverSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const order = await lockOwnedOrder(tx, merchantId, input.orderId);
    if (order.product.kind === "VOUCHER") throw new DomainError("merchant.fulfilment.voucherNotShipped");
    const now = new Date();
    if (order.kind === "SELF") {
      const { count } = await tx.order.updateMany({ where: { id: order.id, status: "SHIPPED" }, data: { status: "DELIVERED" } });
      if (count !== 1) refuseSelf(order.status, "deliver");
      await tx.shipment.updateMany({ where: { orderId: order.id, deliveredAt: null }, data: { deliveredAt: now } });
      return { orderId: order.id };
    }
    const { gift, claim } = pickClaim(order, input.claimId);
    const { count } = await tx.giftClaim.updateMany({ where: { id: claim.id, status: "SHIPPED" }, data: { status: "DELIVERED" } });
    if (count !== 1) {
      throw new DomainError(
        claim.status === "DELIVERED"
          ? "merchant.fulfilment.alreadyDelivered"
          : claim.status === "REFUNDED"
            ? "merchant.fulfilment.closed"
            : "merchant.fulfilment.notShipped",
      );
    }
    await tx.shipment.updateMany({ where: { orderId: order.id, claimId: claim.id, deliveredAt: null }, data: { deliveredAt: now } });
    await syncGiftOrderStatus(tx, order.id, gift);
    await postMessage(tx, {
      threadId: gift.threadId,
      senderId: null,
      kind: "SYSTEM",
      systemKey: "orderDelivered",
      systemArg: { product: order.product.title, recipient: claim.recipient.name },
    });
    return { orderId: order.id };
  });
}
