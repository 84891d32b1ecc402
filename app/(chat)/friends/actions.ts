"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getOrCreateDirectThread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { findUser, respondToFriendRequest, sendFriendRequest, type FoundUser, type SendRequestResult } from "@/lib/social/friends";
import { fail, failFromError, fieldErrorsOf, ok, type ActionResult } from "@/lib/validation/result";

// Each service validates its input and checks who may do what; these add the signed-in user.
async function run<T>(fn: (userId: string) => Promise<T>, revalidate = false): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "friends.errors.signedOut");
  try {
    const data = await fn(user.id);
    if (revalidate) {
      revalidatePath("/friends");
      revalidatePath("/chats");
    }
    return ok(data);
  } catch (err) {
    if (err instanceof ZodError) return fail(fieldErrorsOf(err));
    return failFromError(err);
  }
}

export async function searchUserAction(input: { query: string }): Promise<ActionResult<FoundUser>> {
  return run((userId) => findUser(db, userId, input));
}

export async function sendFriendRequestAction(input: { userId: string }): Promise<ActionResult<SendRequestResult>> {
  return run((userId) => sendFriendRequest(db, userId, input), true);
}

export async function respondFriendRequestAction(input: { friendshipId: string; accept: boolean }): Promise<ActionResult<{ status: "ACCEPTED" | "DECLINED" }>> {
  return run(async (userId) => ({ status: (await respondToFriendRequest(db, userId, input)).status }), true);
}

/** Opens the direct chat with a friend, creating it the first time. */
export async function openDirectChatAction(input: { friendId: string }): Promise<ActionResult<{ threadId: string }>> {
  return run(async (userId) => ({ threadId: (await getOrCreateDirectThread(db, userId, input?.friendId)).id }));
}
