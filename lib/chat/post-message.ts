import type { Message } from "@/lib/db/generated/client";
import type { MessageKind } from "@/lib/db/generated/enums";
import { publish } from "@/lib/realtime/publish";
import { giftCardsOf, toChatMessage, type ChatMessage, type DbOrTx } from "./message-view";

export type { DbOrTx } from "./message-view";

export type PostMessageInput = {
  threadId: string;
  senderId: string | null;
  kind: MessageKind;
  body?: string;
  giftId?: string;
  /** SYSTEM messages: an i18n key under "system" and its parameters, rendered per reader. */
  systemKey?: string;
  systemArg?: Record<string, string | number>;
};

/** The stored row, and the message as every member of the thread sees it. */
export type PostedMessage = Message & { chatMessage: ChatMessage };

type Fanout = { bumped: string[]; senderName: string | null; senderIsMember: boolean };

/** An interactive-transaction client has no $transaction of its own. */
function inTransaction(db: DbOrTx): boolean {
  return !("$transaction" in db) || typeof (db as { $transaction?: unknown }).$transaction !== "function";
}

/**
 * Stores a message and, in the same transaction, points the thread at it and counts it
 * unread for every other member, then notifies the members with the message itself, so
 * an open thread draws it without asking again. The low-level primitive: callers have
 * already checked who may post. Inside a caller's transaction everything commits (and
 * the NOTIFY is delivered) with that transaction; otherwise it runs in one of its own.
 */
export async function postMessage(db: DbOrTx, input: PostMessageInput): Promise<PostedMessage> {
  if (inTransaction(db)) return post(db, input);
  return (db as Extract<DbOrTx, { $transaction: unknown }>).$transaction((tx) => post(tx, input));
}

async function post(tx: DbOrTx, input: PostMessageInput): Promise<PostedMessage> {
  const message = await tx.message.create({
    data: {
      threadId: input.threadId,
      senderId: input.senderId,
      kind: input.kind,
      body: input.body,
      giftId: input.giftId,
      systemKey: input.systemKey,
      systemArg: input.systemArg,
    },
  });
  // The thread row first, then the members': every post to a thread takes the locks in
  // that order (the Thread row serialises them), so concurrent posts cannot deadlock.
  // Clocks of several app processes may differ a little: the pointer never goes back.
  const [fanout] = await tx.$queryRaw<Fanout[]>`
    WITH thread AS (
      UPDATE "Thread"
         SET "lastMessageAt" = GREATEST("lastMessageAt", ${message.createdAt}::timestamp(3)),
             "lastMessageId" = CASE WHEN ${message.createdAt}::timestamp(3) >= "lastMessageAt" THEN ${message.id} ELSE "lastMessageId" END
       WHERE "id" = ${input.threadId}
      RETURNING "id"
    ), bumped AS (
      UPDATE "ThreadMember"
         SET "unreadCount" = "unreadCount" + 1
       WHERE "threadId" = (SELECT "id" FROM thread) AND "userId" IS DISTINCT FROM ${input.senderId}
      RETURNING "userId"
    )
    SELECT coalesce((SELECT array_agg("userId") FROM bumped), '{}') AS "bumped",
           (SELECT "name" FROM "User" WHERE "id" = ${input.senderId}) AS "senderName",
           EXISTS (SELECT 1 FROM "ThreadMember" WHERE "threadId" = ${input.threadId} AND "userId" = ${input.senderId}) AS "senderIsMember"`;

  const card = message.kind === "GIFT" && message.giftId ? ((await giftCardsOf(tx, [message.giftId])).get(message.giftId) ?? null) : null;
  const chatMessage = toChatMessage(
    { ...message, sender: message.senderId ? { id: message.senderId, name: fanout?.senderName ?? "" } : null },
    card,
  );
  const members = [...(fanout?.bumped ?? []), ...(fanout?.senderIsMember && input.senderId ? [input.senderId] : [])];
  await publish(tx, members, { type: "message", threadId: input.threadId, messageId: message.id, message: chatMessage });
  return { ...message, chatMessage };
}
