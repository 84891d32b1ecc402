// Group gifts (群发礼物): one payment, several units in a group chat; any member but the
// sender takes one, at most one each, first come first served. Taking a unit and giving the
// address (or nothing, for a voucher) is one step, so no unit is ever held without an owner.
import { z } from "zod";
import { toShipColumns } from "@/lib/address/format";
import { shippingSnapshotSchema } from "@/lib/address/snapshot-schema";
import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";
import { takeUnit, type TakeRefusal, type TakeResult } from "@/lib/lifecycle/take-unit";
import { publishGiftChanged } from "@/lib/realtime/publish";
import { DomainError } from "@/lib/validation/result";
import { voucherCode } from "./accept";
import { switchableVariant } from "./switch-variant";
import { findGiftRoute, type GiftRoute } from "./token";

export const takeUnitSchema = z.object({
  giftId: z.string().min(1).max(64),
  variantId: z.string().min(1).max(64).optional(),
  shipping: shippingSnapshotSchema.nullable(),
});

export type TakeOutcome = { claimId: string; left: number };

const REFUSALS: Record<TakeRefusal, string> = {
  alreadyTaken: "gift.group.alreadyTaken",
  allTaken: "gift.group.allTaken",
  expired: "gift.expired",
  sender: "gift.group.senderCannotTake",
  // A gift not theirs reads as missing.
  notFound: "gift.notFound",
};

/** Why a take found nothing to take, as the member reads it. */
function refusal(taken: TakeResult): DomainError {
  return new DomainError(REFUSALS[taken.refusal ?? "notFound"]);
}

/**
 * A member takes one unit of a group gift, with their address (none for a voucher). The
 * usual case is one statement (lib/lifecycle/take-unit.ts); switching to another variant
 * also moves stock, so that case runs the same statement in a transaction with the swap.
 * `known` is the gift as the caller already found it (by its link), to save a lookup.
 */
export async function takeGroupUnit(db: Db, userId: string, raw: z.input<typeof takeUnitSchema>, known?: GiftRoute): Promise<TakeOutcome> {
  const input = takeUnitSchema.parse(raw);
  const gift = known?.id === input.giftId ? known : await findGiftRoute(db, { giftId: input.giftId });
  if (!gift || gift.mode !== "GROUP") throw new DomainError("gift.notFound");
  const order = gift.order;
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
    if (!taken.claimId || !taken.threadId) throw refusal(taken);
  } else {
    taken = await db.$transaction(async (tx) => {
      await switchableVariant(tx, order.id, variantId);
      const result = await takeUnit(tx, claim);
      if (!result.claimId || !result.threadId) throw refusal(result);
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
