import { randomUUID } from "node:crypto";
import type { Message } from "@/lib/db/generated/client";
import type { MessageKind } from "@/lib/db/generated/enums";
import { notifyFromRow, type RealtimeEvent } from "@/lib/realtime/publish";
import { encodeCursor } from "./cursor";
import { giftCardsOf, type ChatMessage, type DbOrTx } from "./message-view";

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

type Posted = { senderName: string | null };

/**
 * Stores a message, points the thread at it, counts it unread for every other member and
 * notifies the members with the message itself (so an open thread draws it without asking
 * again) — all in one SQL statement, so all of it commits together or not at all, and the
 * NOTIFY is delivered only on commit. The low-level primitive: callers have already checked
 * who may post. Inside a caller's transaction it commits with that transaction.
 *
 * Locks: the message insert's foreign key takes a KEY SHARE lock on the thread row, the
 * thread update a NO KEY UPDATE lock (the two do not conflict), and the members' counters
 * are updated only after the thread row (they depend on it), so posts to one thread queue
 * on the thread row and never deadlock. Clocks of several app processes may differ a
 * little: the thread's pointer never goes back.
 */
export async function postMessage(db: DbOrTx, input: PostMessageInput): Promise<PostedMessage> {
  // Chosen here (as Prisma would for a create) so the event can be written before the insert.
  const id = randomUUID();
  const createdAt = new Date();
  const card = input.kind === "GIFT" && input.giftId ? ((await giftCardsOf(db, [input.giftId])).get(input.giftId) ?? null) : null;
  const chatMessage: ChatMessage = {
    id,
    cursor: encodeCursor({ createdAt, id }),
    kind: input.kind,
    body: input.body ?? null,
    // The name is filled in by the statement, from the sender's row.
    sender: input.senderId ? { id: input.senderId, name: "" } : null,
    systemKey: input.systemKey ?? null,
    systemArg: input.systemArg ?? null,
    createdAt: createdAt.toISOString(),
    gift: input.giftId ? card : null,
  };
  const event: RealtimeEvent = { type: "message", threadId: input.threadId, messageId: id, message: chatMessage };
  const systemArg = input.systemArg === undefined ? null : JSON.stringify(input.systemArg);

  const [posted] = await db.$queryRaw<Posted[]>`
    WITH msg AS (
      INSERT INTO "Message" ("id", "threadId", "senderId", "kind", "body", "giftId", "systemKey", "systemArg", "createdAt")
      VALUES (${id}, ${input.threadId}, ${input.senderId}, ${input.kind}::"MessageKind", ${input.body ?? null}, ${input.giftId ?? null},
              ${input.systemKey ?? null}, ${systemArg}::jsonb, ${createdAt}::timestamp(3))
      RETURNING "id"
    ), thread AS (
      UPDATE "Thread"
         SET "lastMessageAt" = GREATEST("lastMessageAt", ${createdAt}::timestamp(3)),
             "lastMessageId" = CASE WHEN ${createdAt}::timestamp(3) >= "lastMessageAt" THEN ${id} ELSE "lastMessageId" END
       WHERE "id" = ${input.threadId}
      RETURNING "id"
    ), bumped AS (
      UPDATE "ThreadMember"
         SET "unreadCount" = "unreadCount" + 1
       WHERE "threadId" = (SELECT "id" FROM thread) AND "userId" IS DISTINCT FROM ${input.senderId}
      RETURNING "userId"
    ), fanout AS (
      SELECT (SELECT coalesce(array_agg("userId"), '{}') FROM bumped)
               || (SELECT coalesce(array_agg("userId"), '{}') FROM "ThreadMember" WHERE "threadId" = ${input.threadId} AND "userId" = ${input.senderId}) AS "users",
             (SELECT "name" FROM "User" WHERE "id" = ${input.senderId}) AS "senderName"
    )
    SELECT "senderName", ${notifyFromRow(event)}
      FROM fanout, msg`;

  const senderName = posted?.senderName ?? "";
  if (chatMessage.sender) chatMessage.sender.name = senderName;
  const message: Message = {
    id,
    threadId: input.threadId,
    senderId: input.senderId,
    kind: input.kind,
    body: input.body ?? null,
    giftId: input.giftId ?? null,
    systemKey: input.systemKey ?? null,
    systemArg: input.systemArg ?? null,
    createdAt,
  };
  return { ...message, chatMessage };
}
