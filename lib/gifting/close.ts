import { postMessage } from "@/lib/chat/post-message";
import type { Prisma } from "@/lib/db/generated/client";
import { transitionClaim, transitionGift, transitionOrder } from "@/lib/lifecycle";
import { recordRefund } from "@/lib/payments/refunds";
import { publishGiftChanged } from "@/lib/realtime/publish";
import type { LockedGift } from "./lock";

/**
 * Closes a gift that will not be (fully) taken: declined by its recipient, or expired. Units
 * nobody holds go back to stock and are refunded to the sender, one refund for all of them:
 * for a single or group gift the units nobody took, for a drawn lottery the winners who did
 * not accept (their claims are forfeited). When nobody holds anything the whole order is
 * refunded. Runs in the caller's transaction with the gift locked; returns the refund to
 * settle after commit.
 */
export async function closeWaitingGift(
  tx: Prisma.TransactionClient,
  gift: LockedGift,
  how: { event: "decline" | "expire"; reason: "giftDeclined" | "giftExpired"; systemKey: string; systemArg?: Record<string, string> },
): Promise<string | null> {
  let refundUnits: number;
  let held: number;
  if (gift.status === "DRAWN") {
    const unaccepted = await tx.giftClaim.findMany({ where: { giftId: gift.id, status: "WON" }, select: { id: true } });
    for (const c of unaccepted) await transitionClaim(tx, c.id, "forfeit");
    refundUnits = unaccepted.length;
    held = gift.unitsClaimed - unaccepted.length;
  } else {
    refundUnits = gift.units - gift.unitsClaimed;
    held = gift.unitsClaimed;
  }
  await transitionGift(tx, gift.id, how.event, { closedAt: new Date() });
  const order = await tx.order.findUniqueOrThrow({ where: { id: gift.orderId }, select: { id: true, variantId: true, unitAmount: true } });
  if (refundUnits > 0) await tx.$executeRaw`UPDATE "Variant" SET stock = stock + ${refundUnits} WHERE id = ${order.variantId}`;
  if (held === 0) await transitionOrder(tx, order.id, "refund", { failureReason: how.reason });
  const refundId = await recordRefund(tx, {
    orderId: order.id,
    amount: order.unitAmount * refundUnits,
    reason: how.reason,
    key: `${how.reason}:${gift.id}`,
  });
  if (gift.threadId) {
    await postMessage(tx, { threadId: gift.threadId, senderId: null, kind: "SYSTEM", systemKey: how.systemKey, systemArg: how.systemArg });
    await publishGiftChanged(tx, gift.threadId, gift.id);
  }
  return refundId;
}
