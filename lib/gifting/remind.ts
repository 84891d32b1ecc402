import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";

/**
 * Two hours before a gift expires, a system message in its chat reminds the recipient
 * (each reader sees it in their own language). Posted at most once per gift, and only
 * while the gift is still waiting.
 */
export async function remindRecipient(db: Db, giftId: string, now: Date = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const marked = await tx.gift.updateMany({
      where: { id: giftId, status: "WAITING", remindedAt: null, expiresAt: { gt: now } },
      data: { remindedAt: now },
    });
    if (marked.count === 0) return false;
    const gift = await tx.gift.findUniqueOrThrow({ where: { id: giftId }, select: { threadId: true, recipient: { select: { name: true } } } });
    await postMessage(tx, {
      threadId: gift.threadId,
      senderId: null,
      kind: "SYSTEM",
      systemKey: "giftReminder",
      systemArg: { name: gift.recipient?.name ?? "" },
    });
    return true;
  });
}
