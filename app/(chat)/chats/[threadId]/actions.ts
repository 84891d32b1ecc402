"use server";

import { z, ZodError } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { listMessages, listMessagesAfter, sendTextMessage, getThreadGiftCard, type ChatMessage, type MessagePage } from "@/lib/chat/messages";
import { assertMember, markThreadRead } from "@/lib/chat/threads";
import { threadIdSchema } from "@/lib/chat/schemas";
import { db } from "@/lib/db/client";
import type { GiftCardData } from "@/lib/gifting/cards";
import { fail, failFromError, fieldErrorsOf, ok, type ActionResult } from "@/lib/validation/result";

// The services check membership on every call; these only add the signed-in user.
async function run<T>(fn: (userId: string) => Promise<T>): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "chat.errors.signedOut");
  try {
    return ok(await fn(user.id));
  } catch (err) {
    if (err instanceof ZodError) return fail(fieldErrorsOf(err));
    return failFromError(err);
  }
}

export async function sendMessageAction(input: { threadId: string; body: string }): Promise<ActionResult<ChatMessage>> {
  return run((userId) => sendTextMessage(db, userId, input));
}

const newerSchema = z.object({ threadId: threadIdSchema, after: z.string().max(200).nullable(), markRead: z.boolean() });

/** New messages since `after`; marks the thread read when the reader is looking at it. */
export async function newerMessagesAction(input: { threadId: string; after: string | null; markRead: boolean }): Promise<ActionResult<MessagePage>> {
  return run(async (userId) => {
    const { threadId, after, markRead } = newerSchema.parse(input);
    const page = await listMessagesAfter(db, userId, threadId, { after, limit: 100 });
    if (markRead && page.messages.length > 0) await markThreadRead(db, userId, threadId);
    return page;
  });
}

const olderSchema = z.object({ threadId: threadIdSchema, before: z.string().min(1).max(200) });

export async function olderMessagesAction(input: { threadId: string; before: string }): Promise<ActionResult<MessagePage>> {
  return run((userId) => {
    const { threadId, before } = olderSchema.parse(input);
    return listMessages(db, userId, threadId, { before });
  });
}

const giftSchema = z.object({ threadId: threadIdSchema, giftId: threadIdSchema });

export async function giftCardAction(input: { threadId: string; giftId: string }): Promise<ActionResult<GiftCardData | null>> {
  return run((userId) => {
    const { threadId, giftId } = giftSchema.parse(input);
    return getThreadGiftCard(db, userId, threadId, giftId);
  });
}

export async function markReadAction(input: { threadId: string }): Promise<ActionResult> {
  return run(async (userId) => {
    const threadId = threadIdSchema.parse(input?.threadId);
    await assertMember(db, userId, threadId);
    await markThreadRead(db, userId, threadId);
    return null;
  });
}
