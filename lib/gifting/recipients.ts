import type { Db } from "@/lib/db/client";
import { listFriends } from "@/lib/social/friends";

export type GiftRecipientChoice = { threadId: string | null; users: { id: string; name: string }[]; fixed: boolean };

/**
 * Who the sender may choose in the confirm-gift sheet. From a chat: its other members
 * (fixed in a direct chat). From a product page: the sender's friends. Null when the
 * sender is not a member of the given thread.
 */
export async function giftRecipientChoices(db: Db, senderId: string, threadId?: string): Promise<GiftRecipientChoice | null> {
  if (threadId) {
    const thread = await db.thread.findFirst({
      where: { id: threadId, members: { some: { userId: senderId } } },
      select: { kind: true, members: { where: { userId: { not: senderId } }, select: { user: { select: { id: true, name: true } } } } },
    });
    if (!thread) return null;
    return { threadId, users: thread.members.map((m) => m.user), fixed: thread.kind === "DIRECT" };
  }
  const users = (await listFriends(db, senderId)).map((f) => ({ id: f.id, name: f.name }));
  return { threadId: null, users, fixed: false };
}
