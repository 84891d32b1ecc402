// Group gifts (群发礼物): one payment, several units in a group chat; any member but the
// sender takes one, at most one each, first come first served. Taking a unit and giving the
// address (or nothing, for a voucher) is one step, so no unit is ever held without an owner.
import { z } from "zod";
import { shippingSnapshotSchema, toShipColumns } from "@/lib/address/format";
import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { takeUnit, type TakeResult } from "@/lib/lifecycle/take-unit";
import { publishGiftChanged } from "@/lib/realtime/publish";
import { DomainError } from "@/lib/validation/result";
import { voucherCode } from "./accept";
import { switchableVariant } from "./switch-variant";

export const takeUnitSchema = z.object({
  giftId: z.string().min(1).max(64),
  variantId: z.string().min(1).max(64).optional(),
  shipping: shippingSnapshotSchema.nullable(),
});

export type TakeOutcome = { claimId: string; left: number };

/** Why a take found nothing to take, as the member reads it (a gift not theirs reads as missing). */
async function refusal(db: Db | Prisma.TransactionClient, giftId: string, userId: string, taken: TakeResult): Promise<DomainError> {
  if (taken.open) {
    const mine = await db.giftClaim.findUnique({ where: { giftId_recipientId: { giftId, recipientId: userId } }, select: { id: true } });
    return new DomainError(mine ? "gift.group.alreadyTaken" : "gift.group.allTaken");
  }
  const gift = await db.gift.findUnique({
    where: { id: giftId },
    select: { mode: true, senderId: true, status: true, expiresAt: true, thread: { select: { members: { where: { userId }, select: { userId: true } } } } },
  });
  if (!gift || gift.mode !== "GROUP" || !gift.thread?.members.length) return new DomainError("gift.notFound");
  if (gift.senderId === userId) return new DomainError("gift.group.senderCannotTake");
  if (gift.status === "ACCEPTED") return new DomainError("gift.group.allTaken");
  return new DomainError("gift.expired");
}

/**
 * A member takes one unit of a group gift, with their address (none for a voucher). The
 * usual case is one statement (lib/lifecycle/take-unit.ts); switching to another variant
 * also moves stock, so that case runs the same statement in a transaction with the swap.
 */
export async function takeGroupUnit(db: Db, userId: string, raw: z.input<typeof takeUnitSchema>): Promise<TakeOutcome> {
  const input = takeUnitSchema.parse(raw);
  const order = await db.order.findFirst({
    where: { gift: { id: input.giftId, mode: "GROUP" } },
    select: { id: true, variantId: true, product: { select: { kind: true } } },
  });
  if (!order) throw new DomainError("gift.notFound");
  const isVoucher = order.product.kind === "VOUCHER";
  if (!isVoucher && !input.shipping) throw new DomainError("gift.addressRequired", "address");
  const variantId = input.variantId ?? order.variantId;
  const claim = {
    giftId: input.giftId,
    userId,
    variantId,
    voucherCode: isVoucher ? voucherCode() : null,
    ship: !isVoucher && input.shipping ? toShipColumns(input.shipping) : null,
  };

  let taken: TakeResult;
  if (variantId === order.variantId) {
    taken = await takeUnit(db, claim);
    if (!taken.claimId || !taken.threadId) throw await refusal(db, input.giftId, userId, taken);
  } else {
    taken = await db.$transaction(async (tx) => {
      await switchableVariant(tx, order.id, variantId);
      const result = await takeUnit(tx, claim);
      if (!result.claimId || !result.threadId) throw await refusal(tx, input.giftId, userId, result);
      const moved = await tx.$executeRaw`UPDATE "Variant" SET stock = stock - 1 WHERE id = ${variantId} AND stock >= 1`;
      if (moved === 0) throw new DomainError("gift.variantOutOfStock", "variantId");
      await tx.$executeRaw`UPDATE "Variant" SET stock = stock + 1 WHERE id = ${order.variantId}`;
      return result;
    });
  }
  // After the commit: the card's count for everyone in the group, and a line when all are gone.
  if (taken.completed) {
    await postMessage(db, { threadId: taken.threadId!, senderId: null, kind: "SYSTEM", systemKey: "groupGiftAllTaken", systemArg: { units: taken.units } });
  }
  await publishGiftChanged(db, taken.threadId!, input.giftId);
  return { claimId: taken.claimId!, left: taken.units - taken.unitsClaimed };
}
