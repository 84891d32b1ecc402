import type { Db } from "@/lib/db/client";
import { areFriends, listFriends } from "@/lib/social/friends";

export type GiftRecipientChoice = { threadId: string | null; users: { id: string; name: string }[]; fixed: boolean };

/**
 * Who the sender may choose in the confirm-gift sheet. A one-to-one gift goes to a friend,
 * in their direct chat: from that chat the friend is fixed; from a product page the sender
 * picks among their friends. Null for a thread that is not the sender's direct chat with a
 * friend (group chats send group gifts instead).
 */
export async function giftRecipientChoices(db: Db, senderId: string, threadId?: string): Promise<GiftRecipientChoice | null> {
  if (threadId) {
    const thread = await db.thread.findFirst({
      where: { id: threadId, kind: "DIRECT", members: { some: { userId: senderId } } },
      select: { members: { where: { userId: { not: senderId } }, select: { user: { select: { id: true, name: true } } } } },
    });
    const friend = thread?.members[0]?.user;
    if (!friend || !(await areFriends(db, senderId, friend.id))) return null;
    return { threadId, users: [friend], fixed: true };
  }
  const users = (await listFriends(db, senderId)).map((f) => ({ id: f.id, name: f.name }));
  return { threadId: null, users, fixed: false };
}

export type GroupGiftChoice = { threadId: string; title: string; members: { id: string; name: string }[] };

/** The group a group gift or lottery is sent in, and the members who may take or enter it. Null if not the sender's group. */
export async function groupGiftChoices(db: Db, senderId: string, threadId: string): Promise<GroupGiftChoice | null> {
  const thread = await db.thread.findFirst({
    where: { id: threadId, kind: "GROUP", members: { some: { userId: senderId } } },
    select: { title: true, members: { where: { userId: { not: senderId } }, orderBy: { joinedAt: "asc" }, select: { user: { select: { id: true, name: true } } } } },
  });
  if (!thread) return null;
  return { threadId, title: thread.title ?? "", members: thread.members.map((m) => m.user) };
}
