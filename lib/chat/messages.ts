import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { MessageKind } from "@/lib/db/generated/enums";
import { getGiftCards, type GiftCardData } from "@/lib/gifting/cards";
import { DomainError } from "@/lib/validation/result";
import { decodeCursor, encodeCursor, type MessageKey } from "./cursor";
import { postMessage } from "./post-message";
import { afterSchema, pageSchema, sendTextSchema, threadIdSchema } from "./schemas";
import { assertMember } from "./threads";

/** A message as the thread page shows it; plain data, so it can cross to client components. */
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

export type MessagePage = {
  /** Oldest first. */
  messages: ChatMessage[];
  /** Whether there is more beyond this page (older for listMessages, newer for listMessagesAfter). */
  hasMore: boolean;
};

const messageSelect = {
  id: true,
  kind: true,
  body: true,
  giftId: true,
  systemKey: true,
  systemArg: true,
  createdAt: true,
  sender: { select: { id: true, name: true } },
} as const satisfies Prisma.MessageSelect;

type Row = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

function argOf(value: Prisma.JsonValue | null): Record<string, string | number> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}

async function hydrate(db: Db, rows: Row[]): Promise<ChatMessage[]> {
  const cards = await getGiftCards(
    db,
    rows.flatMap((r) => (r.kind === "GIFT" && r.giftId ? [r.giftId] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    cursor: encodeCursor(r),
    kind: r.kind,
    body: r.body,
    sender: r.sender,
    systemKey: r.systemKey,
    systemArg: argOf(r.systemArg),
    createdAt: r.createdAt.toISOString(),
    gift: r.giftId ? (cards.get(r.giftId) ?? null) : null,
  }));
}

/**
 * Strictly before / after a key in (createdAt, id) order. The plain createdAt bound lets
 * Postgres walk the (threadId, createdAt, id) index from the cursor instead of filtering
 * from the thread's end; the OR only settles ties on the same millisecond.
 */
function beyond(key: MessageKey, dir: "lt" | "gt"): Prisma.MessageWhereInput {
  return {
    createdAt: dir === "lt" ? { lte: key.createdAt } : { gte: key.createdAt },
    OR: [{ createdAt: { [dir]: key.createdAt } }, { createdAt: key.createdAt, id: { [dir]: key.id } }],
  };
}

/** A page of the thread's messages ending just before `before` (or at the newest), oldest first. */
export async function listMessages(db: Db, userId: string, threadId: string, opts: { before?: string; limit?: number } = {}): Promise<MessagePage> {
  const id = threadIdSchema.parse(threadId);
  const { before, limit } = pageSchema.parse(opts);
  await assertMember(db, userId, id);
  const rows = await db.message.findMany({
    where: { threadId: id, ...(before ? beyond(decodeCursor(before), "lt") : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: messageSelect,
  });
  const hasMore = rows.length > limit;
  return { messages: await hydrate(db, rows.slice(0, limit).reverse()), hasMore };
}

/** Messages after `after` (from the thread's start when null), oldest first: for catching up. */
export async function listMessagesAfter(
  db: Db,
  userId: string,
  threadId: string,
  opts: { after?: string | null; limit?: number } = {},
): Promise<MessagePage> {
  const id = threadIdSchema.parse(threadId);
  const { after, limit } = afterSchema.parse(opts);
  await assertMember(db, userId, id);
  const rows = await db.message.findMany({
    where: { threadId: id, ...(after ? beyond(decodeCursor(after), "gt") : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: messageSelect,
  });
  return { messages: await hydrate(db, rows.slice(0, limit)), hasMore: rows.length > limit };
}

/** Posts a text message as the user, who must be a member of the thread. */
export async function sendTextMessage(db: Db, userId: string, input: unknown): Promise<ChatMessage> {
  const { threadId, body } = sendTextSchema.parse(input);
  await assertMember(db, userId, threadId);
  const message = await postMessage(db, { threadId, senderId: userId, kind: "TEXT", body });
  const row = await db.message.findUniqueOrThrow({ where: { id: message.id }, select: messageSelect });
  return (await hydrate(db, [row]))[0];
}

/** A gift card as members of its thread see it, for redrawing a card after its status changed. */
export async function getThreadGiftCard(db: Db, userId: string, threadId: string, giftId: string): Promise<GiftCardData | null> {
  await assertMember(db, userId, threadIdSchema.parse(threadId));
  const gift = await db.gift.findFirst({ where: { id: threadIdSchema.parse(giftId), threadId }, select: { id: true } });
  if (!gift) throw new DomainError("chat.errors.giftNotFound");
  return (await getGiftCards(db, [gift.id])).get(gift.id) ?? null;
}
