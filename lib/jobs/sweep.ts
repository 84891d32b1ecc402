// Every minute, one worker (the queue is a singleton) looks for what the per-item jobs
// should have done and did not: a lost job, a crash between two steps, a row from before
// the queue existed. Each step is safe to repeat and to race with the jobs themselves.
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import { expireUnacceptedGifts } from "@/lib/gifting/expire";
import { drawLottery } from "@/lib/gifting/lottery";
import { transitionRefund } from "@/lib/lifecycle";
import { expireAbandonedCheckouts } from "@/lib/orders/checkout";
import { autoConfirmOverdue } from "@/lib/tracking/receipt";
import { sendJob } from "./queue";

/** The per-gift expiry job goes first; the sweep only takes gifts it left behind. */
const EXPIRY_GRACE_MS = 60_000;
/** A recorded refund whose settle job never ran by now has lost it. */
const ORPHAN_REFUND_MS = 10 * 60_000;
/** Past every retry of its job: a person has to look. */
const STUCK_REFUND_MS = 6 * 60 * 60_000;

export type SweepResult = {
  lotteriesDrawn: number;
  giftsExpired: number;
  checkoutsCancelled: number;
  refundsRequeued: number;
  refundsGivenUp: number;
  receiptsConfirmed: number;
};

export async function runSweep(db: Db, opts: { now?: Date; stripe?: Stripe } = {}): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const overdueDraws = await db.gift.findMany({
    where: { mode: "LOTTERY", status: "WAITING", drawAt: { lte: new Date(now.getTime() - EXPIRY_GRACE_MS) } },
    select: { id: true },
    take: 100,
  });
  let lotteriesDrawn = 0;
  for (const g of overdueDraws) if ((await drawLottery(db, g.id, { now, stripe: opts.stripe })) === "drawn") lotteriesDrawn++;
  const giftsExpired = await expireUnacceptedGifts(db, { now: new Date(now.getTime() - EXPIRY_GRACE_MS), stripe: opts.stripe });
  const checkoutsCancelled = await expireAbandonedCheckouts(db, { now, stripe: opts.stripe });

  const orphans = await db.refund.findMany({
    where: { status: "PENDING", attempts: 0, createdAt: { lt: new Date(now.getTime() - ORPHAN_REFUND_MS) } },
    select: { id: true },
    take: 100,
  });
  for (const r of orphans) await sendJob(db, "refund", { refundId: r.id });

  const stuck = await db.refund.findMany({
    where: { status: "PENDING", attempts: { gt: 0 }, createdAt: { lt: new Date(now.getTime() - STUCK_REFUND_MS) } },
    select: { id: true, lastError: true },
    take: 100,
  });
  for (const r of stuck) await transitionRefund(db, r.id, "giveUp", { lastError: r.lastError ?? "no answer from Stripe" }).catch(() => {});

  // Parcels past their automatic confirmation whose job was lost (the job goes first).
  const receiptsConfirmed = await autoConfirmOverdue(db, { now });

  return { lotteriesDrawn, giftsExpired, checkoutsCancelled, refundsRequeued: orphans.length, refundsGivenUp: stuck.length, receiptsConfirmed };
}
