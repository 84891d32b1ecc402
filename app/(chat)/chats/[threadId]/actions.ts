"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { getThreadGiftCard, sendTextMessage } from "@/lib/chat/messages";
import { sendTextSchema, threadIdSchema } from "@/lib/chat/schemas";
import { assertMember, markThreadRead } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";

// The services check membership on every call; these only add the signed-in user.

export const sendMessageAction = userAction(sendTextSchema, (input, { user }) => sendTextMessage(db, user.id, input), { rateLimit: "message" });

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
