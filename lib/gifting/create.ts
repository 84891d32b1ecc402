import { randomUUID } from "node:crypto";
import { postMessage } from "@/lib/chat/post-message";
import type { Prisma } from "@/lib/db/generated/client";
import { hashGiftToken, giftToken } from "./token";

/** A gift waits this long for its recipient before it is refunded. */
export const GIFT_ACCEPT_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Turns a paid gift order into the gift and posts its blue envelope card in the thread.
 * Runs inside the payment transaction (Gift.orderId is unique: one gift per order).
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
      expiresAt: new Date(order.paidAt.getTime() + GIFT_ACCEPT_WINDOW_MS),
    },
    select: { id: true },
  });
  await postMessage(tx, { threadId: order.giftThreadId, senderId: order.buyerId, kind: "GIFT", giftId: gift.id });
  return gift;
}
