import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import { settleRefundsNow } from "@/lib/payments/refunds";
import { closeWaitingGift } from "./close";
import { LOCKED_COLUMNS, type LockedGift } from "./lock";

export type ExpireOutcome = "expired" | "not-due" | "closed" | "busy";

/**
 * Gifts nobody accepted within 24 hours fail: the gift expires, what nobody took is
 * refunded to the original payment method, the stock goes back, and the thread is told.
 * Run by the gift's expiry job at its `expiresAt` (and by the sweep for anything missed);
 * any number of workers may call it for the same gift: one expires it, the others find it
 * locked or closed.
 */
export async function expireGift(db: Db, giftId: string, opts: { now?: Date; stripe?: Stripe } = {}): Promise<ExpireOutcome> {
  const now = opts.now ?? new Date();
  const result = await db.$transaction(
    async (tx) => {
      const [gift] = await tx.$queryRaw<LockedGift[]>`
        SELECT ${LOCKED_COLUMNS} FROM "Gift" WHERE id = ${giftId} FOR UPDATE SKIP LOCKED`;
      if (!gift) return { outcome: "busy" as const, refundId: null };
      if (gift.status !== "WAITING" && gift.status !== "DRAWN") return { outcome: "closed" as const, refundId: null };
      if (gift.expiresAt > now) return { outcome: "not-due" as const, refundId: null };
      const refundId = await closeWaitingGift(tx, gift, { event: "expire", reason: "giftExpired", systemKey: "giftExpired" });
      return { outcome: "expired" as const, refundId };
    },
    { timeout: 30_000 },
  );
  await settleRefundsNow(db, [result.refundId], { stripe: opts.stripe });
  return result.outcome;
}

/** The sweep's part: every waiting gift past its time, oldest first. Returns how many expired. */
export async function expireUnacceptedGifts(db: Db, opts: { now?: Date; stripe?: Stripe; batch?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const due = await db.gift.findMany({
    where: { status: { in: ["WAITING", "DRAWN"] }, expiresAt: { lte: now } },
    orderBy: { expiresAt: "asc" },
    take: opts.batch ?? 100,
    select: { id: true },
  });
  let expired = 0;
  for (const g of due) if ((await expireGift(db, g.id, opts)) === "expired") expired++;
  return expired;
}
