"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { threadIdSchema } from "@/lib/chat/schemas";
import { getOrCreateDirectThread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { findUser, respondToFriendRequest, sendFriendRequest } from "@/lib/social/friends";
import { findUserSchema, friendRequestSchema, respondSchema } from "@/lib/social/schemas";

// Each service checks who may do what; these add the signed-in user.
function revalidateFriends() {
  revalidatePath("/friends");
  revalidatePath("/chats");
}

export const searchUserAction = userAction(findUserSchema, (input, { user }) => findUser(db, user.id, input));

export const sendFriendRequestAction = userAction(friendRequestSchema, async (input, { user }) => {
  const result = await sendFriendRequest(db, user.id, input);
  revalidateFriends();
  return result;
}, { rateLimit: "friendRequest" });

export const respondFriendRequestAction = userAction(respondSchema, async (input, { user }) => {
  const { status } = await respondToFriendRequest(db, user.id, input);
  revalidateFriends();
  return { status };
});

/** Opens the direct chat with a friend, creating it the first time. */
export const openDirectChatAction = userAction(z.object({ friendId: threadIdSchema }), async ({ friendId }, { user }) => ({
  threadId: (await getOrCreateDirectThread(db, user.id, friendId)).id,
}));
