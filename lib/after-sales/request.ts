// The recipient's side of after-sales (售后): ask for a refund or a return within the
// window, with a reason and an optional photo; take the request back before the shop
// decides. Only the parcel's recipient may ask: the recipient of an accepted gift, or the
// buyer of their own order. Anyone else — the gift's sender included — is answered exactly
// as if the order did not exist. Every step runs under the order's row lock.
import { z } from "zod";
import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { TransitionError, transitionAfterSale } from "@/lib/lifecycle";
import { publishGiftChanged } from "@/lib/realtime/publish";
import { imageExists, isStorageKey } from "@/lib/storage";
import { lockOrderRow } from "@/lib/tracking/receipt";
import { DomainError } from "@/lib/validation/result";
import { readParcelFacts, type ParcelRef } from "./parcel";
import { AFTER_SALE_REASON_MAX, AFTER_SALE_REASON_MIN, afterSaleEligibility } from "./rules";

type Tx = Prisma.TransactionClient;

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

export const AFTER_SALE_KINDS = ["REFUND_ONLY", "RETURN_AND_REFUND"] as const;

export const afterSaleRequestSchema = z.object({
  orderId: id,
  kind: z.enum(AFTER_SALE_KINDS, "afterSale.errors.kindRequired"),
  reason: z
    .string()
    .trim()
    .min(AFTER_SALE_REASON_MIN, "afterSale.errors.reasonTooShort")
    .max(AFTER_SALE_REASON_MAX, "afterSale.errors.reasonTooLong"),
  /** A photo uploaded first (POST /after-sales/photos), by its storage key. */
  photoKey: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isStorageKey(v), "afterSale.errors.photoInvalid"),
});

export const withdrawAfterSaleSchema = z.object({ requestId: id });

export const notFound = () => new DomainError("afterSale.errors.notFound");

/** The requester's parcel on an order, with the order row locked; notFound for anyone else's. */
export async function lockRequesterParcel(tx: Tx, userId: string, orderId: string) {
  if (!(await lockOrderRow(tx, orderId))) throw notFound();
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      kind: true,
      status: true,
      buyerId: true,
      totalAmount: true,
      unitAmount: true,
      buyer: { select: { name: true } },
      product: { select: { title: true, kind: true } },
      gift: {
        select: {
          id: true,
          threadId: true,
          claims: { where: { recipientId: userId }, select: { id: true, status: true, recipient: { select: { name: true } } } },
        },
      },
    },
  });
  const money = { totalAmount: order.totalAmount, unitAmount: order.unitAmount, productKind: order.product.kind };
  if (order.kind === "SELF") {
    if (order.buyerId !== userId) throw notFound();
    const ref: ParcelRef = { orderId, claimId: null };
    return { ref, ...money, status: order.status as string, productTitle: order.product.title, requesterName: order.buyer.name, gift: null };
  }
  const claim = order.gift?.claims[0];
  if (!order.gift || !claim) throw notFound();
  const ref: ParcelRef = { orderId, claimId: claim.id };
  return {
    ref,
    ...money,
    status: claim.status as string,
    productTitle: order.product.title,
    requesterName: claim.recipient.name,
    gift: { id: order.gift.id, threadId: order.gift.threadId },
  };
}

/** Posts a status-only notice in the gift's chat (no reason, photo or amount: the sender reads it too). */
export async function announce(
  tx: Tx,
  gift: { id: string; threadId: string } | null,
  systemKey: string,
  systemArg: Record<string, string>,
): Promise<void> {
  if (!gift) return;
  await postMessage(tx, { threadId: gift.threadId, senderId: null, kind: "SYSTEM", systemKey, systemArg });
  await publishGiftChanged(tx, gift.threadId, gift.id);
}

/**
 * The recipient asks for a refund or a return. Refusals: afterSale.errors.notFound (not
 * theirs), notDelivered, windowClosed, refunded, alreadyOpen, nothingLeft, voucherUsed;
 * field errors for the form. Nothing is written on a refusal.
 */
export async function requestAfterSale(db: Db, userId: string, raw: z.input<typeof afterSaleRequestSchema>, now: Date = new Date()) {
  const input = afterSaleRequestSchema.parse(raw);
  if (input.photoKey && !(await imageExists(input.photoKey))) throw new DomainError("afterSale.errors.photoInvalid", "photoKey");
  return db.$transaction(async (tx) => {
    const parcel = await lockRequesterParcel(tx, userId, input.orderId);
    const facts = await readParcelFacts(tx, parcel.ref, parcel);
    const eligibility = afterSaleEligibility(facts, now);
    if (!eligibility.eligible) throw new DomainError(`afterSale.errors.${eligibility.block}`);
    const request = await tx.afterSaleRequest.create({
      data: {
        orderId: parcel.ref.orderId,
        claimId: parcel.ref.claimId,
        requesterId: userId,
        kind: input.kind,
        reason: input.reason,
        photoKey: input.photoKey ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await announce(tx, parcel.gift, "afterSaleRequested", { name: parcel.requesterName, product: parcel.productTitle });
    return { requestId: request.id, orderId: parcel.ref.orderId, giftId: parcel.gift?.id ?? null };
  });
}

/** The requester takes an undecided request back. */
export async function withdrawAfterSale(db: Db, userId: string, raw: z.input<typeof withdrawAfterSaleSchema>, now: Date = new Date()) {
  const { requestId } = withdrawAfterSaleSchema.parse(raw);
  const found = await db.afterSaleRequest.findFirst({ where: { id: requestId, requesterId: userId }, select: { orderId: true } });
  if (!found) throw notFound();
  return db.$transaction(async (tx) => {
    const parcel = await lockRequesterParcel(tx, userId, found.orderId);
    try {
      await transitionAfterSale(tx, requestId, "withdraw", { decidedAt: now });
    } catch (err) {
      if (err instanceof TransitionError) throw new DomainError("afterSale.errors.alreadyDecided");
      throw err;
    }
    await announce(tx, parcel.gift, "afterSaleWithdrawn", { name: parcel.requesterName, product: parcel.productTitle });
    return { orderId: found.orderId, giftId: parcel.gift?.id ?? null };
  });
}
