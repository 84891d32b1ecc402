// Gift lotteries (群礼物抽奖): members enter until the draw time; at the draw a job picks the
// winners with the published algorithm (draw.ts) from a seed committed to when the lottery
// was created; each winner accepts like any gift within 24 hours of the draw. Units nobody
// won are refunded at the draw, units not accepted at the end of the 24 hours.
import { createHash, createHmac, randomBytes } from "node:crypto";
import type Stripe from "stripe";
import { z } from "zod";
import { toShipColumns } from "@/lib/address/format";
import { shippingSnapshotSchema } from "@/lib/address/snapshot-schema";
import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createWonClaims, transitionClaim, transitionGift } from "@/lib/lifecycle";
import { recordRefund, settleRefundsNow } from "@/lib/payments/refunds";
import { publishGiftChanged } from "@/lib/realtime/publish";
import { DomainError } from "@/lib/validation/result";
import { voucherCode } from "./accept";
import { drawWinners, hexToBytes, type Hmac } from "./draw";
import { closeWaitingGift } from "./close";
import { chatOf, LOCKED_COLUMNS, lockGift, type LockedGift } from "./lock";
import { switchableVariant } from "./switch-variant";

/** A new lottery's secret seed and the commitment shown on its card from the start. */
export function newLotterySeed(): { seed: string; commitment: string } {
  const seed = randomBytes(32);
  return { seed: seed.toString("hex"), commitment: createHash("sha256").update(seed).digest("hex") };
}

export const nodeHmac: Hmac = async (key, message) => new Uint8Array(createHmac("sha256", key).update(message).digest());

export function seedCommitment(seedHex: string): string {
  return createHash("sha256").update(hexToBytes(seedHex)).digest("hex");
}

const giftIdSchema = z.object({ giftId: z.string().min(1).max(64) });

/** A member enters a lottery (once; entering twice is no error). Returns the number of entrants. */
export async function enterLottery(db: Db, userId: string, raw: z.input<typeof giftIdSchema>): Promise<{ entrants: number }> {
  const { giftId } = giftIdSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ threadId: string }[]>`
      WITH g AS (
        SELECT id, "threadId" FROM "Gift"
         WHERE id = ${giftId} AND mode = 'LOTTERY' AND status = 'WAITING' AND "drawAt" > now() AND "senderId" <> ${userId}
           AND EXISTS (SELECT 1 FROM "ThreadMember" m WHERE m."threadId" = "Gift"."threadId" AND m."userId" = ${userId})
           AND (NOT "entryRestricted" OR EXISTS (SELECT 1 FROM "LotteryEligible" e WHERE e."giftId" = "Gift".id AND e."userId" = ${userId}))
      ), ins AS (
        INSERT INTO "LotteryEntry" ("giftId", "userId") SELECT id, ${userId} FROM g ON CONFLICT DO NOTHING
      )
      SELECT "threadId" FROM g`;
    if (!row) throw await entryRefusal(tx, giftId, userId);
    await publishGiftChanged(tx, row.threadId, giftId);
    return { entrants: await tx.lotteryEntry.count({ where: { giftId } }) };
  });
}

async function entryRefusal(tx: Prisma.TransactionClient, giftId: string, userId: string): Promise<DomainError> {
  const gift = await tx.gift.findUnique({
    where: { id: giftId },
    select: {
      mode: true,
      senderId: true,
      entryRestricted: true,
      eligible: { where: { userId }, select: { userId: true } },
      thread: { select: { members: { where: { userId }, select: { userId: true } } } },
    },
  });
  if (!gift || gift.mode !== "LOTTERY" || !gift.thread?.members.length) return new DomainError("gift.notFound");
  if (gift.senderId === userId) return new DomainError("gift.lottery.senderCannotEnter");
  if (gift.entryRestricted && gift.eligible.length === 0) return new DomainError("gift.lottery.notEligible");
  return new DomainError("gift.lottery.closed");
}

export type DrawOutcome = "drawn" | "not-due" | "closed" | "busy";

/**
 * The draw, run by the lottery's job at its draw time (any worker; the row lock makes it
 * happen once). Reveals the seed, picks the winners, gives each a WON claim, refunds the
 * units nobody won, and tells the group who won.
 */
export async function drawLottery(db: Db, giftId: string, opts: { now?: Date; stripe?: Stripe } = {}): Promise<DrawOutcome> {
  const now = opts.now ?? new Date();
  const result = await db.$transaction(
    async (tx) => {
      const [gift] = await tx.$queryRaw<(LockedGift & { drawAt: Date | null })[]>`
        SELECT ${LOCKED_COLUMNS}, "drawAt" FROM "Gift" WHERE id = ${giftId} AND mode = 'LOTTERY' FOR UPDATE SKIP LOCKED`;
      if (!gift) return { outcome: "busy" as const, refundId: null };
      if (gift.status !== "WAITING") return { outcome: "closed" as const, refundId: null };
      if (!gift.drawAt || gift.drawAt > now) return { outcome: "not-due" as const, refundId: null };
      const { seed } = await tx.lotterySeed.findUniqueOrThrow({ where: { giftId } });
      const entrants = (await tx.lotteryEntry.findMany({ where: { giftId }, select: { userId: true } })).map((e) => e.userId);
      const winners = await drawWinners(seed, entrants, gift.units, nodeHmac);
      const reveal = { revealedSeed: seed, drawnAt: now };

      if (winners.length === 0) {
        await tx.gift.update({ where: { id: giftId }, data: reveal });
        const refundId = await closeWaitingGift(tx, gift, { event: "expire", reason: "giftExpired", systemKey: "lotteryNoEntrants" });
        return { outcome: "drawn" as const, refundId };
      }
      const order = await tx.order.findUniqueOrThrow({ where: { id: gift.orderId }, select: { id: true, variantId: true, unitAmount: true } });
      await createWonClaims(tx, winners.map((recipientId) => ({ giftId, recipientId, variantId: order.variantId })));
      await transitionGift(tx, giftId, "draw", { ...reveal, unitsClaimed: winners.length });
      const unwon = gift.units - winners.length;
      if (unwon > 0) await tx.$executeRaw`UPDATE "Variant" SET stock = stock + ${unwon} WHERE id = ${order.variantId}`;
      const refundId = await recordRefund(tx, {
        orderId: order.id,
        amount: order.unitAmount * unwon,
        reason: "lotteryUnwon",
        key: `lotteryUnwon:${giftId}`,
      });
      const names = await tx.user.findMany({ where: { id: { in: winners } }, select: { id: true, name: true } });
      const byId = new Map(names.map((u) => [u.id, u.name]));
      await postMessage(tx, {
        threadId: chatOf(gift),
        senderId: null,
        kind: "SYSTEM",
        systemKey: "lotteryDrawn",
        systemArg: { names: winners.map((w) => byId.get(w) ?? "").join(", "), count: winners.length },
      });
      await publishGiftChanged(tx, chatOf(gift), giftId);
      return { outcome: "drawn" as const, refundId };
    },
    { timeout: 30_000 },
  );
  await settleRefundsNow(db, [result.refundId], { stripe: opts.stripe });
  return result.outcome;
}

export const acceptWinSchema = z.object({
  giftId: z.string().min(1).max(64),
  variantId: z.string().min(1).max(64).optional(),
  shipping: shippingSnapshotSchema.nullable(),
});

/** A winner accepts their unit with an address (or none, for a voucher). */
export async function acceptLotteryWin(db: Db, userId: string, raw: z.input<typeof acceptWinSchema>) {
  const input = acceptWinSchema.parse(raw);
  return db.$transaction(
    async (tx) => {
      const gift = await lockGift(tx, input.giftId);
      const claim = await tx.giftClaim.findUnique({ where: { giftId_recipientId: { giftId: gift.id, recipientId: userId } } });
      if (gift.mode !== "LOTTERY" || !claim) throw new DomainError("gift.notFound");
      if (claim.status !== "WON") throw new DomainError("gift.alreadyAccepted");
      if (gift.status !== "DRAWN" || gift.expiresAt <= new Date()) throw new DomainError("gift.expired");
      const order = await tx.order.findUniqueOrThrow({ where: { id: gift.orderId }, select: { variantId: true, product: { select: { kind: true } } } });
      const isVoucher = order.product.kind === "VOUCHER";
      if (!isVoucher && !input.shipping) throw new DomainError("gift.addressRequired", "address");
      const variantId = input.variantId ?? order.variantId;
      if (variantId !== order.variantId) {
        await switchableVariant(tx, gift.orderId, variantId);
        const took = await tx.$executeRaw`UPDATE "Variant" SET stock = stock - 1 WHERE id = ${variantId} AND stock >= 1`;
        if (took === 0) throw new DomainError("gift.variantOutOfStock", "variantId");
        await tx.$executeRaw`UPDATE "Variant" SET stock = stock + 1 WHERE id = ${order.variantId}`;
      }
      await transitionClaim(tx, claim.id, "accept", {
        acceptedAt: new Date(),
        variantId,
        voucherCode: isVoucher ? voucherCode() : null,
        ...(isVoucher || !input.shipping ? {} : toShipColumns(input.shipping)),
      });
      if ((await tx.giftClaim.count({ where: { giftId: gift.id, status: "WON" } })) === 0) {
        await transitionGift(tx, gift.id, "complete", { closedAt: new Date() });
      }
      const me = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
      await postMessage(tx, { threadId: chatOf(gift), senderId: null, kind: "SYSTEM", systemKey: "giftAccepted", systemArg: { name: me.name } });
      await publishGiftChanged(tx, chatOf(gift), gift.id);
      return { claimId: claim.id };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}


