import type { Db } from "@/lib/db/client";

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
  const rows = await db.friendship.findMany({
    where: { status: "ACCEPTED", OR: [{ userAId: senderId }, { userBId: senderId }] },
    select: { userA: { select: { id: true, name: true } }, userB: { select: { id: true, name: true } } },
  });
  const users = rows.map((r) => (r.userA.id === senderId ? r.userB : r.userA)).sort((a, b) => a.name.localeCompare(b.name));
  return { threadId: null, users, fixed: false };
}
