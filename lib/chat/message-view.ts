// A message as members of its thread see it: the same data whether it comes from a page
// of history, a catch-up read or a live event, so the client can merge them by id.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { MessageKind } from "@/lib/db/generated/enums";
import { getGiftCards, type GiftCardData } from "@/lib/gifting/cards";
import { encodeCursor } from "./cursor";

/** A Prisma client or an interactive-transaction client. */
export type DbOrTx = Db | Prisma.TransactionClient;

/** Plain data, so it can cross to client components and travel in live events. */
export type ChatMessage = {
  id: string;
  /** Opaque position for paging (see cursor.ts). */
  cursor: string;
  kind: MessageKind;
  body: string | null;
  sender: { id: string; name: string } | null;
  /** SYSTEM messages: a key under the "system" messages and its parameters. */
  systemKey: string | null;
  systemArg: Record<string, string | number> | null;
  /** ISO time. */
  createdAt: string;
  /** GIFT messages: the card to draw (null if the gift is gone). */
  gift: GiftCardData | null;
};

export const messageSelect = {
  id: true,
  kind: true,
  body: true,
  giftId: true,
  systemKey: true,
  systemArg: true,
  createdAt: true,
  sender: { select: { id: true, name: true } },
} as const satisfies Prisma.MessageSelect;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

function argOf(value: Prisma.JsonValue | null): Record<string, string | number> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}

export function toChatMessage(row: MessageRow, card: GiftCardData | null): ChatMessage {
  return {
    id: row.id,
    cursor: encodeCursor(row),
    kind: row.kind,
    body: row.body,
    sender: row.sender,
    systemKey: row.systemKey,
    systemArg: argOf(row.systemArg),
    createdAt: row.createdAt.toISOString(),
    gift: row.giftId ? card : null,
  };
}

/**
 * Gift cards for the given gifts. getGiftCards reads through a plain client; inside a
 * transaction the caller's transaction client reads the same tables (and sees the gift
 * it has just written), so it is passed as one.
 */
export function giftCardsOf(db: DbOrTx, giftIds: string[]): Promise<Map<string, GiftCardData>> {
  return getGiftCards(db as Db, giftIds);
}

export async function hydrate(db: DbOrTx, rows: MessageRow[]): Promise<ChatMessage[]> {
  const cards = await giftCardsOf(
    db,
    rows.flatMap((r) => (r.kind === "GIFT" && r.giftId ? [r.giftId] : [])),
  );
  return rows.map((r) => toChatMessage(r, r.giftId ? (cards.get(r.giftId) ?? null) : null));
}
