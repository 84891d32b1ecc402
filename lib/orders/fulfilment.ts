// Fulfilment: the merchant ships and delivers. A self order moves its own status; a gift
// moves the claim (the recipient's parcel), through the lifecycle's transitions, under a
// row lock on the order. A refused step is a DomainError (an i18n key) and changes nothing.
// For gifts every step posts a system message in the gift's chat thread, which says the
// carrier, never the address. Shipping also schedules the automatic receipt confirmation.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { postMessage } from "@/lib/chat/post-message";
import { sendJob } from "@/lib/jobs/queue";
import { TransitionError, transitionClaim, transitionOrder } from "@/lib/lifecycle";
import { RECEIPT_AUTO_CONFIRM_MS } from "@/lib/tracking/receipt";
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
          threadId: true,
          claims: { select: { id: true, status: true, recipient: { select: { name: true } } } },
        },
      },
    },
  });
}

type LockedOrder = Awaited<ReturnType<typeof lockOwnedOrder>>;

/** Why a refused step could not happen, as the merchant reads it. */
function refusalKey(status: string | null, action: "ship" | "deliver"): string {
  if (status === "PENDING_PAYMENT") return "merchant.fulfilment.notPaid";
  if (status === "CANCELLED" || status === "REFUNDED") return "merchant.fulfilment.closed";
  if (action === "ship") return "merchant.fulfilment.alreadyShipped";
  if (status === "DELIVERED") return "merchant.fulfilment.alreadyDelivered";
  return "merchant.fulfilment.notShipped";
}

/** Runs a transition; a refused one becomes the merchant's explanation. */
async function step<T>(action: "ship" | "deliver", run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof TransitionError) throw new DomainError(refusalKey(err.current, action));
    throw err;
  }
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

/** Mark shipped: creates a Shipment; order (self) or claim (gift) → SHIPPED. */
export async function markShipped(db: Db, merchantId: string, raw: z.input<typeof shipSchema>) {
  const input = shipSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const order = await lockOwnedOrder(tx, merchantId, input.orderId);
    if (order.product.kind === "VOUCHER") throw new DomainError("merchant.fulfilment.voucherNotShipped");
    const shippedAt = new Date();
    const shipment = { carrier: input.carrier, trackingNumber: input.trackingNumber.toUpperCase(), shippedAt };
    // Receipt is confirmed for the recipient if they never do (lib/tracking/receipt.ts).
    const autoConfirm = (shipmentId: string) =>
      sendJob(tx, "receipt-confirm", { shipmentId }, { startAfter: new Date(shippedAt.getTime() + RECEIPT_AUTO_CONFIRM_MS) });
    if (order.kind === "SELF") {
      await step("ship", () => transitionOrder(tx, order.id, "ship"));
      const created = await tx.shipment.create({ data: { orderId: order.id, ...shipment }, select: { id: true } });
      await autoConfirm(created.id);
      return created;
    }
    const { gift, claim } = pickClaim(order, input.claimId);
    await step("ship", () => transitionClaim(tx, claim.id, "ship"));
    const created = await tx.shipment.create({ data: { orderId: order.id, claimId: claim.id, ...shipment }, select: { id: true } });
    await autoConfirm(created.id);
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
      await step("deliver", () => transitionOrder(tx, order.id, "deliver"));
      await tx.shipment.updateMany({ where: { orderId: order.id, deliveredAt: null }, data: { deliveredAt: now, deliveredBy: "MERCHANT" } });
      return { orderId: order.id };
    }
    const { gift, claim } = pickClaim(order, input.claimId);
    await step("deliver", () => transitionClaim(tx, claim.id, "deliver"));
    await tx.shipment.updateMany({
      where: { orderId: order.id, claimId: claim.id, deliveredAt: null },
      data: { deliveredAt: now, deliveredBy: "MERCHANT" },
    });
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
