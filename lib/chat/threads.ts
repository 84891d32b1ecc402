import type { Db } from "@/lib/db/client";
import type { MessageKind, ThreadKind } from "@/lib/db/generated/enums";

export type ThreadSummary = {
  id: string;
  kind: ThreadKind;
  /** Group name, or the other member's name in a direct chat. */
  title: string;
  memberCount: number;
  lastMessageAt: Date;
  lastMessage: { kind: MessageKind; body: string | null; senderName: string | null } | null;
  unread: number;
};

/** The user's threads, newest activity first, with a preview and an unread count each. */
export async function listThreadsForUser(db: Db, userId: string, opts: { take?: number } = {}): Promise<ThreadSummary[]> {
  const memberships = await db.threadMember.findMany({
    where: { userId },
    orderBy: { thread: { lastMessageAt: "desc" } },
    take: opts.take ?? 50,
    select: {
      lastReadAt: true,
      thread: {
        select: {
          id: true,
          kind: true,
          title: true,
          lastMessageAt: true,
          _count: { select: { members: true } },
          members: { where: { userId: { not: userId } }, take: 1, select: { user: { select: { name: true } } } },
          messages: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { kind: true, body: true, sender: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (memberships.length === 0) return [];

  // One grouped count for all threads instead of one query per thread.
  const unreadRows = await db.$queryRaw<{ threadId: string; unread: bigint }[]>`
    SELECT m."threadId", count(*)::bigint AS unread
      FROM "ThreadMember" tm
      JOIN "Message" m ON m."threadId" = tm."threadId"
     WHERE tm."userId" = ${userId}
       AND (m."senderId" IS NULL OR m."senderId" <> ${userId})
       AND (tm."lastReadAt" IS NULL OR m."createdAt" > tm."lastReadAt")
     GROUP BY m."threadId"`;
  const unread = new Map(unreadRows.map((r) => [r.threadId, Number(r.unread)]));

  return memberships.map(({ thread }) => {
    const last = thread.messages[0];
    return {
      id: thread.id,
      kind: thread.kind,
      title: thread.kind === "GROUP" ? (thread.title ?? "") : (thread.members[0]?.user.name ?? ""),
      memberCount: thread._count.members,
      lastMessageAt: thread.lastMessageAt,
      lastMessage: last ? { kind: last.kind, body: last.body, senderName: last.sender?.name ?? null } : null,
      unread: unread.get(thread.id) ?? 0,
    };
  });
}
