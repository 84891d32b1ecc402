import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { GiftCardData } from "@/lib/gifting/cards";
import { DomainError } from "@/lib/validation/result";
import { decodeCursor, type MessageKey } from "./cursor";
import { giftCardsOf, hydrate, messageSelect, type ChatMessage } from "./message-view";
import { postMessage } from "./post-message";
import { afterSchema, pageSchema, sendTextSchema, threadIdSchema } from "./schemas";
import { assertMember } from "./threads";

export type { ChatMessage } from "./message-view";

export type MessagePage = {
  /** Oldest first. */
  messages: ChatMessage[];
  /** Whether there is more beyond this page (older for listMessages, newer for listMessagesAfter). */
  hasMore: boolean;
};

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
  const { chatMessage } = await postMessage(db, { threadId, senderId: userId, kind: "TEXT", body });
  return chatMessage;
}

/** A gift card as members of its thread see it, for redrawing a card after its status changed. */
export async function getThreadGiftCard(db: Db, userId: string, threadId: string, giftId: string): Promise<GiftCardData | null> {
  await assertMember(db, userId, threadIdSchema.parse(threadId));
  const gift = await db.gift.findFirst({ where: { id: threadIdSchema.parse(giftId), threadId }, select: { id: true } });
  if (!gift) throw new DomainError("chat.errors.giftNotFound");
  return (await giftCardsOf(db, [gift.id])).get(gift.id) ?? null;
}
