import { postMessage } from "@/lib/chat/post-message";
import type { Prisma } from "@/lib/db/generated/client";
import { transitionGift, transitionOrder } from "@/lib/lifecycle";
import { recordRefund } from "@/lib/payments/refunds";
import { publishGiftChanged } from "@/lib/realtime/publish";
import type { LockedGift } from "./lock";

/**
 * Closes a waiting gift that will not be (fully) taken: declined by its recipient or
 * expired. Units nobody took go back to stock and are refunded to the sender (one refund
 * for all of them); when nobody took anything the whole order is refunded. Runs in the
 * caller's transaction with the gift locked; returns the refund to settle after commit.
 */
export async function closeWaitingGift(
  tx: Prisma.TransactionClient,
  gift: LockedGift,
  how: { event: "decline" | "expire"; reason: "giftDeclined" | "giftExpired"; systemKey: string; systemArg?: Record<string, string> },
): Promise<string | null> {
  const claimed = await tx.giftClaim.count({ where: { giftId: gift.id } });
  const unclaimed = gift.units - claimed;
  await transitionGift(tx, gift.id, how.event, { closedAt: new Date() });
  const order = await tx.order.findUniqueOrThrow({ where: { id: gift.orderId }, select: { id: true, variantId: true, unitAmount: true } });
  if (unclaimed > 0) await tx.$executeRaw`UPDATE "Variant" SET stock = stock + ${unclaimed} WHERE id = ${order.variantId}`;
  if (claimed === 0) await transitionOrder(tx, order.id, "refund", { failureReason: how.reason });
  const refundId = await recordRefund(tx, {
    orderId: order.id,
    amount: order.unitAmount * unclaimed,
    reason: how.reason,
    key: `${how.reason}:${gift.id}`,
  });
  await postMessage(tx, { threadId: gift.threadId, senderId: null, kind: "SYSTEM", systemKey: how.systemKey, systemArg: how.systemArg });
  await publishGiftChanged(tx, gift.threadId, gift.id);
  return refundId;
}
