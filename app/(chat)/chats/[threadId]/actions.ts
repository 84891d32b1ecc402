"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { getThreadGiftCard, listMessages, listMessagesAfter, sendTextMessage } from "@/lib/chat/messages";
import { cursorSchema, sendTextSchema, threadIdSchema } from "@/lib/chat/schemas";
import { assertMember, markThreadRead } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";

// The services check membership on every call; these only add the signed-in user.

export const sendMessageAction = userAction(sendTextSchema, (input, { user }) => sendTextMessage(db, user.id, input), { rateLimit: "message" });

const newerSchema = z.object({ threadId: threadIdSchema, after: cursorSchema.nullable(), markRead: z.boolean() });

/** New messages since `after`; marks the thread read when the reader is looking at it. */
export const newerMessagesAction = userAction(
  newerSchema,
  async ({ threadId, after, markRead }, { user }) => {
    const page = await listMessagesAfter(db, user.id, threadId, { after, limit: 100 });
    if (markRead && page.messages.length > 0) await markThreadRead(db, user.id, threadId);
    return page;
  },
);

const olderSchema = z.object({ threadId: threadIdSchema, before: cursorSchema });

export const olderMessagesAction = userAction(olderSchema, ({ threadId, before }, { user }) => listMessages(db, user.id, threadId, { before }));

const giftSchema = z.object({ threadId: threadIdSchema, giftId: threadIdSchema });

export const giftCardAction = userAction(giftSchema, ({ threadId, giftId }, { user }) => getThreadGiftCard(db, user.id, threadId, giftId));

export const markReadAction = userAction(
  z.object({ threadId: threadIdSchema }),
  async ({ threadId }, { user }) => {
    await assertMember(db, user.id, threadId);
    await markThreadRead(db, user.id, threadId);
    return null;
  },
);
