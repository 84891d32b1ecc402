import { Prisma } from "@/lib/db/generated/client";
import type { GiftMode, GiftStatus } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/validation/result";

export type LockedGift = {
  id: string;
  status: GiftStatus;
  mode: GiftMode;
  units: number;
  unitsClaimed: number;
  senderId: string;
  recipientId: string | null;
  expiresAt: Date;
  orderId: string;
  threadId: string;
};

/** The columns every locked gift carries. */
export const LOCKED_COLUMNS = Prisma.sql`id, status, mode, units, "unitsClaimed", "senderId", "recipientId", "expiresAt", "orderId", "threadId"`;

/**
 * Locks a gift row for the rest of the transaction, so accept, decline and expiry of one
 * gift happen one after the other. With `recipientId`, a gift meant for someone else
 * answers exactly like a missing one.
 */
export async function lockGift(tx: Prisma.TransactionClient, giftId: string, recipientId?: string): Promise<LockedGift> {
  const [gift] = await tx.$queryRaw<LockedGift[]>`
    SELECT ${LOCKED_COLUMNS} FROM "Gift" WHERE id = ${giftId} FOR UPDATE`;
  if (!gift || (recipientId !== undefined && gift.recipientId !== recipientId)) throw new DomainError("gift.notFound");
  return gift;
}
