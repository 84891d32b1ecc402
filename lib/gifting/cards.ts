import type { Db } from "@/lib/db/client";
import type { GiftMode, GiftStatus } from "@/lib/db/generated/enums";
import { giftLink } from "./token";

/**
 * What a blue envelope card shows in a thread. Deliberately holds nothing about where
 * the gift goes: every member of the thread, the sender included, receives this.
 */
export type GiftCardData = {
  giftId: string;
  href: string;
  mode: GiftMode;
  status: GiftStatus;
  units: number;
  unitsClaimed: number;
  message: string;
  senderId: string;
  senderName: string;
  recipientId: string | null;
  recipientName: string | null;
  productTitle: string;
  productImage: string | null;
  expiresAt: string;
  /** Lotteries: when the draw is, how many entered, and the seed's SHA-256 shown from the start. */
  lottery: { drawAt: string; entrants: number; commitment: string; drawn: boolean } | null;
};

/** Card data for the given gifts, keyed by gift id. */
export async function getGiftCards(db: Db, giftIds: string[]): Promise<Map<string, GiftCardData>> {
  if (giftIds.length === 0) return new Map();
  const gifts = await db.gift.findMany({
    where: { id: { in: [...new Set(giftIds)] } },
    select: {
      id: true,
      mode: true,
      status: true,
      units: true,
      message: true,
      expiresAt: true,
      sender: { select: { id: true, name: true } },
      recipient: { select: { id: true, name: true } },
      unitsClaimed: true,
      drawAt: true,
      seedCommitment: true,
      drawnAt: true,
      _count: { select: { entries: true } },
      order: {
        select: {
          product: {
            select: { title: true, images: { orderBy: { position: "asc" }, take: 1, select: { url: true } } },
          },
        },
      },
    },
  });
  return new Map(
    gifts.map((g) => [
      g.id,
      {
        giftId: g.id,
        href: giftLink(g.id),
        mode: g.mode,
        status: g.status,
        units: g.units,
        unitsClaimed: g.unitsClaimed,
        message: g.message,
        senderId: g.sender.id,
        senderName: g.sender.name,
        recipientId: g.recipient?.id ?? null,
        recipientName: g.recipient?.name ?? null,
        productTitle: g.order.product.title,
        productImage: g.order.product.images[0]?.url ?? null,
        expiresAt: g.expiresAt.toISOString(),
        lottery:
          g.mode === "LOTTERY" && g.drawAt && g.seedCommitment
            ? { drawAt: g.drawAt.toISOString(), entrants: g._count.entries, commitment: g.seedCommitment, drawn: g.drawnAt !== null }
            : null,
      },
    ]),
  );
}
