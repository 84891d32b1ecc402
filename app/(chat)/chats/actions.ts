"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/safe-action";
import { addMembersSchema, createGroupSchema } from "@/lib/chat/schemas";
import { addGroupMembers, createGroupThread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";

// The services check friendships and membership; these add the signed-in user.

export const createGroupAction = userAction(
  createGroupSchema,
  async (input, { user }) => {
    const thread = await createGroupThread(db, user.id, input);
    revalidatePath("/chats");
    return { threadId: thread.id };
  },
);

export const addMembersAction = userAction(
  addMembersSchema,
  async (input, { user }) => {
    const { added } = await addGroupMembers(db, user.id, input);
    revalidatePath("/chats");
    return { added: added.length };
  },
);
