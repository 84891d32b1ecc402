"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { ok, type ActionResult } from "@/lib/validation/result";

/** The signed-in user's unread total, for the badge next to "Chats" (0 when signed out, not an error). */
export async function unreadCountAction(): Promise<ActionResult<number>> {
  const user = await getCurrentUser();
  return ok(user ? await countUnread(db, user.id) : 0);
}
