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
  /** Null for a passphrase gift, which is in no chat. */
  threadId: string | null;
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

/** The chat of a group gift or lottery, which always has one (only passphrase gifts have none). */
export function chatOf(gift: { id: string; threadId: string | null }): string {
  if (!gift.threadId) throw new Error(`Gift ${gift.id} has no chat`);
  return gift.threadId;
}
