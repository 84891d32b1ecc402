import type { Prisma } from "@/lib/db/generated/client";
import type { GiftMode, GiftStatus } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/validation/result";

export type LockedGift = {
  id: string;
  status: GiftStatus;
  mode: GiftMode;
  units: number;
  senderId: string;
  recipientId: string | null;
  expiresAt: Date;
  orderId: string;
  threadId: string;
};

/**
 * Locks a gift row for the rest of the transaction, so accept, decline and expiry of one
 * gift happen one after the other. With `recipientId`, a gift meant for someone else
 * answers exactly like a missing one.
 */
export async function lockGift(tx: Prisma.TransactionClient, giftId: string, recipientId?: string): Promise<LockedGift> {
  const [gift] = await tx.$queryRaw<LockedGift[]>`
    SELECT id, status, mode, units, "senderId", "recipientId", "expiresAt", "orderId", "threadId"
      FROM "Gift" WHERE id = ${giftId} FOR UPDATE`;
  if (!gift || (recipientId !== undefined && gift.recipientId !== recipientId)) throw new DomainError("gift.notFound");
  return gift;
}
