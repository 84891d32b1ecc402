import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { MessageKind } from "@/lib/db/generated/enums";
import { publishToThread } from "@/lib/realtime/publish";

/** A Prisma client or an interactive-transaction client. */
export type DbOrTx = Db | Prisma.TransactionClient;

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

/**
 * Stores a message, bumps the thread's activity time and notifies the thread's members.
 * The low-level primitive: callers have already checked who may post. Inside a
 * transaction the NOTIFY is delivered only when the transaction commits.
 */
export async function postMessage(db: DbOrTx, input: PostMessageInput) {
  const message = await db.message.create({
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
  await db.thread.update({ where: { id: input.threadId }, data: { lastMessageAt: message.createdAt } });
  await publishToThread(db, input.threadId, { type: "message", threadId: input.threadId, messageId: message.id });
  return message;
}
