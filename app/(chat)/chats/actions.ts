"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { addGroupMembers, createGroupThread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { fail, failFromError, fieldErrorsOf, ok, type ActionResult } from "@/lib/validation/result";

// The services validate and check friendships and membership; these add the signed-in user.
async function run<T>(fn: (userId: string) => Promise<T>): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "chat.errors.signedOut");
  try {
    const data = await fn(user.id);
    revalidatePath("/chats");
    return ok(data);
  } catch (err) {
    if (err instanceof ZodError) return fail(fieldErrorsOf(err));
    return failFromError(err);
  }
}

export async function createGroupAction(input: { title: string; memberIds: string[] }): Promise<ActionResult<{ threadId: string }>> {
  return run(async (userId) => ({ threadId: (await createGroupThread(db, userId, input)).id }));
}

export async function addMembersAction(input: { threadId: string; memberIds: string[] }): Promise<ActionResult<{ added: number }>> {
  return run(async (userId) => ({ added: (await addGroupMembers(db, userId, input)).added.length }));
}
