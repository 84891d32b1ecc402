import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";

/**
 * Two hours before a gift expires, a system message in its chat reminds whoever can still
 * take it (each reader sees it in their own language): the recipient of a single gift, the
 * group for units left, a lottery's winners who have not accepted. Posted at most once per
 * gift, and only while something is still waiting.
 */
export async function remindRecipient(db: Db, giftId: string, now: Date = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const marked = await tx.gift.updateMany({
      where: { id: giftId, status: { in: ["WAITING", "DRAWN"] }, remindedAt: null, expiresAt: { gt: now } },
      data: { remindedAt: now },
    });
    if (marked.count === 0) return false;
    const gift = await tx.gift.findUniqueOrThrow({
      where: { id: giftId },
      select: {
        mode: true,
        units: true,
        unitsClaimed: true,
        threadId: true,
        recipient: { select: { name: true } },
        claims: { where: { status: "WON" }, select: { recipient: { select: { name: true } } } },
      },
    });
    const reminder: { systemKey: string; systemArg: Record<string, string | number> } | null =
      gift.mode === "SINGLE"
        ? { systemKey: "giftReminder", systemArg: { name: gift.recipient?.name ?? "" } }
        : gift.mode === "GROUP"
          ? { systemKey: "groupGiftReminder", systemArg: { left: gift.units - gift.unitsClaimed } }
          : gift.claims.length > 0
            ? { systemKey: "lotteryReminder", systemArg: { names: gift.claims.map((c) => c.recipient.name).join(", ") } }
            : null; // a lottery not drawn yet, or every winner accepted
    // A passphrase gift is in no chat: there is nowhere to post a reminder.
    if (!reminder || !gift.threadId) return false;
    await postMessage(tx, { threadId: gift.threadId, senderId: null, kind: "SYSTEM", ...reminder });
    return true;
  });
}
