import type Stripe from "stripe";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { isGiftOpen } from "@/lib/lifecycle";
import { settleRefundsNow } from "@/lib/payments/refunds";
import { DomainError } from "@/lib/validation/result";
import { closeWaitingGift } from "./close";
import { lockGift } from "./lock";

export const declineGiftSchema = z.object({ giftId: z.string().min(1).max(64) });

/**
 * 拒收: the recipient turns a waiting gift down. The sender is refunded in full at once, the
 * stock goes back, and both sides' cards turn "Declined · refunded". The gift row is locked,
 * so a decline racing an accept (or the expiry) leaves exactly one of them done.
 */
export async function declineGift(db: Db, userId: string, raw: z.input<typeof declineGiftSchema>, deps: { stripe?: Stripe } = {}) {
  const { giftId } = declineGiftSchema.parse(raw);
  const refundId = await db.$transaction(
    async (tx) => {
      const gift = await lockGift(tx, giftId, userId);
      if (gift.status === "ACCEPTED") throw new DomainError("gift.alreadyAccepted");
      if (gift.status === "DECLINED") throw new DomainError("gift.alreadyDeclined");
      if (!isGiftOpen(gift)) throw new DomainError("gift.expired");
      const recipient = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
      return closeWaitingGift(tx, gift, { event: "decline", reason: "giftDeclined", systemKey: "giftDeclined", systemArg: { name: recipient.name } });
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
  // Stripe after the commit; if it fails now, the refund job retries.
  await settleRefundsNow(db, [refundId], deps);
  return { giftId };
}
