import { randomBytes } from "node:crypto";
import { z } from "zod";
import { toShipColumns } from "@/lib/address/format";
import { shippingSnapshotSchema } from "@/lib/address/snapshot-schema";
import { postMessage } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";
import { isGiftOpen, transitionGift } from "@/lib/lifecycle";
import { publishGiftChanged } from "@/lib/realtime/publish";
import { DomainError } from "@/lib/validation/result";
import { issueClaimVoucher } from "@/lib/vouchers/issue";
import { lockGift } from "./lock";
import { switchableVariant } from "./switch-variant";

export const acceptGiftSchema = z.object({
  giftId: z.string().min(1).max(64),
  /** Another variant of the same product at the same price; defaults to the one paid for. */
  variantId: z.string().min(1).max(64).optional(),
  /** Already validated and resolved address (lib/address); null for vouchers. */
  shipping: shippingSnapshotSchema.nullable(),
});
export type AcceptGiftInput = z.input<typeof acceptGiftSchema>;

export function voucherCode() {
  // 12 characters from an unambiguous alphabet, grouped for reading at a counter.
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(12);
  const raw = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/**
 * The recipient accepts a gift with an address (or none, for a voucher). The gift row is
 * locked for the whole transaction and GiftClaim is unique per (gift, recipient), so two
 * accepts racing — or an accept racing a decline or the expiry — give exactly one outcome.
 */
export async function acceptGift(db: Db, userId: string, rawInput: AcceptGiftInput) {
  const input = acceptGiftSchema.parse(rawInput);
  return db.$transaction(
    async (tx) => {
      const gift = await lockGift(tx, input.giftId, userId);
      if (gift.status === "ACCEPTED") throw new DomainError("gift.alreadyAccepted");
      if (gift.status === "DECLINED") throw new DomainError("gift.alreadyDeclined");
      if (!isGiftOpen(gift)) throw new DomainError("gift.expired");

      const order = await tx.order.findUniqueOrThrow({
        where: { id: gift.orderId },
        select: { variantId: true, product: { select: { kind: true } } },
      });
      const variantId = input.variantId ?? order.variantId;
      if (variantId !== order.variantId) {
        await switchableVariant(tx, gift.orderId, variantId);
        const took = await tx.$executeRaw`UPDATE "Variant" SET stock = stock - 1 WHERE id = ${variantId} AND stock >= 1`;
        if (took === 0) throw new DomainError("gift.variantOutOfStock", "variantId");
        await tx.$executeRaw`UPDATE "Variant" SET stock = stock + 1 WHERE id = ${order.variantId}`;
      }

      const isVoucher = order.product.kind === "VOUCHER";
      if (!isVoucher && !input.shipping) throw new DomainError("gift.addressRequired", "address");
      const claim = await tx.giftClaim.create({
        data: {
          giftId: gift.id,
          recipientId: userId,
          variantId,
          voucherCode: isVoucher ? voucherCode() : null,
          ...(!isVoucher && input.shipping ? toShipColumns(input.shipping) : {}),
        },
        select: { id: true, voucherCode: true },
      });
      if (claim.voucherCode) await issueClaimVoucher(tx, claim.id);
      await transitionGift(tx, gift.id, "accept", { closedAt: new Date() });

      // A passphrase gift has no chat to tell; its sender sees the change on the gift's page.
      if (gift.threadId) {
        const recipient = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
        await postMessage(tx, { threadId: gift.threadId, senderId: null, kind: "SYSTEM", systemKey: "giftAccepted", systemArg: { name: recipient.name } });
        await publishGiftChanged(tx, gift.threadId, gift.id);
      }
      return claim;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
