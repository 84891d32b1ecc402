import { randomUUID } from "node:crypto";
import { postMessage } from "@/lib/chat/post-message";
import type { Prisma } from "@/lib/db/generated/client";
import { sendJob } from "@/lib/jobs/queue";
import { hashGiftToken, giftToken } from "./token";

/** A gift waits this long for its recipient before it is refunded. */
export const GIFT_ACCEPT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The recipient is reminded this long before the gift expires. */
export const GIFT_REMINDER_BEFORE_MS = 2 * 60 * 60 * 1000;

/**
 * Turns a paid gift order into the gift, posts its blue envelope card in the thread and
 * schedules its reminder and expiry. Runs inside the payment transaction (Gift.orderId is
 * unique: one gift per order), so the jobs exist exactly when the gift does.
 */
export async function createGiftForPaidOrder(
  tx: Prisma.TransactionClient,
  order: {
    id: string;
    buyerId: string;
    giftThreadId: string | null;
    giftRecipientId: string | null;
    giftMessage: string | null;
    quantity: number;
    paidAt: Date;
  },
) {
  if (!order.giftThreadId) throw new Error(`Gift order ${order.id} has no thread`);
  // The id is chosen here so the claim-link token (derived from it) is known at insert.
  const id = randomUUID();
  const expiresAt = new Date(order.paidAt.getTime() + GIFT_ACCEPT_WINDOW_MS);
  const gift = await tx.gift.create({
    data: {
      id,
      orderId: order.id,
      senderId: order.buyerId,
      threadId: order.giftThreadId,
      recipientId: order.giftRecipientId,
      mode: "SINGLE",
      units: order.quantity,
      message: order.giftMessage ?? "",
      tokenHash: hashGiftToken(giftToken(id)),
      expiresAt,
    },
    select: { id: true, expiresAt: true },
  });
  await sendJob(tx, "gift-reminder", { giftId: gift.id }, { startAfter: new Date(expiresAt.getTime() - GIFT_REMINDER_BEFORE_MS) });
  await sendJob(tx, "gift-expiry", { giftId: gift.id }, { startAfter: expiresAt });
  await postMessage(tx, { threadId: order.giftThreadId, senderId: order.buyerId, kind: "GIFT", giftId: gift.id });
  return gift;
}
