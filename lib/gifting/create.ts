import { randomUUID } from "node:crypto";
import { postMessage } from "@/lib/chat/post-message";
import type { Prisma } from "@/lib/db/generated/client";
import type { GiftMode } from "@/lib/db/generated/enums";
import { sendJob } from "@/lib/jobs/queue";
import { newLotterySeed } from "./lottery";
import { giftPassphrase, hashPassphrase } from "./passphrase";
import { hashGiftToken, giftToken } from "./token";

/** A gift waits this long for its recipient (a lottery: for its winners, after the draw) before it is refunded. */
export const GIFT_ACCEPT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The recipient is reminded this long before the gift expires. */
export const GIFT_REMINDER_BEFORE_MS = 2 * 60 * 60 * 1000;
/** A lottery paid for after (or just before) its draw time is drawn this long after payment. */
export const LOTTERY_MIN_LEAD_MS = 10_000;

/**
 * Turns a paid gift order into the gift, posts its blue envelope card in the thread and
 * schedules its jobs: the reminder, the expiry and, for a lottery, the draw. Runs inside the
 * payment transaction (Gift.orderId is unique: one gift per order), so the jobs exist
 * exactly when the gift does. A lottery's seed is drawn here and kept in LotterySeed; the
 * card shows only its SHA-256.
 */
export async function createGiftForPaidOrder(
  tx: Prisma.TransactionClient,
  order: {
    id: string;
    buyerId: string;
    giftThreadId: string | null;
    giftRecipientId: string | null;
    giftMessage: string | null;
    giftMode: GiftMode | null;
    giftDrawAt: Date | null;
    giftEligibleUserIds: Prisma.JsonValue | null;
    giftByPassphrase: boolean;
    quantity: number;
    paidAt: Date;
  },
) {
  // A passphrase gift lives outside any chat: no card is posted, and its recipient is
  // whoever claims it with the passphrase (lib/gifting/passphrase.ts).
  const byPassphrase = order.giftByPassphrase;
  if (!order.giftThreadId && !byPassphrase) throw new Error(`Gift order ${order.id} has no thread`);
  const mode = byPassphrase ? "SINGLE" : (order.giftMode ?? "SINGLE");
  // The id is chosen here so the claim-link token (derived from it) is known at insert.
  const id = randomUUID();
  const drawAt =
    mode === "LOTTERY" ? new Date(Math.max(order.giftDrawAt?.getTime() ?? 0, order.paidAt.getTime() + LOTTERY_MIN_LEAD_MS)) : null;
  const expiresAt = new Date((drawAt ?? order.paidAt).getTime() + GIFT_ACCEPT_WINDOW_MS);
  const eligible = Array.isArray(order.giftEligibleUserIds) ? order.giftEligibleUserIds.filter((v): v is string => typeof v === "string") : [];
  const lottery = mode === "LOTTERY" ? newLotterySeed() : null;
  const gift = await tx.gift.create({
    data: {
      id,
      orderId: order.id,
      senderId: order.buyerId,
      threadId: byPassphrase ? null : order.giftThreadId,
      recipientId: mode === "SINGLE" && !byPassphrase ? order.giftRecipientId : null,
      passphraseHash: byPassphrase ? hashPassphrase(id, giftPassphrase(id)) : null,
      mode,
      units: order.quantity,
      message: order.giftMessage ?? "",
      tokenHash: hashGiftToken(giftToken(id)),
      expiresAt,
      drawAt,
      seedCommitment: lottery?.commitment ?? null,
      entryRestricted: eligible.length > 0,
    },
    select: { id: true, expiresAt: true },
  });
  if (lottery) {
    await tx.lotterySeed.create({ data: { giftId: gift.id, seed: lottery.seed } });
    if (eligible.length) await tx.lotteryEligible.createMany({ data: eligible.map((userId) => ({ giftId: gift.id, userId })) });
    await sendJob(tx, "lottery-draw", { giftId: gift.id }, { startAfter: drawAt! });
  }
  await sendJob(tx, "gift-reminder", { giftId: gift.id }, { startAfter: new Date(expiresAt.getTime() - GIFT_REMINDER_BEFORE_MS) });
  await sendJob(tx, "gift-expiry", { giftId: gift.id }, { startAfter: expiresAt });
  if (order.giftThreadId && !byPassphrase) await postMessage(tx, { threadId: order.giftThreadId, senderId: order.buyerId, kind: "GIFT", giftId: gift.id });
  return gift;
}
