import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { MessageKind, ThreadKind } from "@/lib/db/generated/enums";
import { publish } from "@/lib/realtime/publish";
import { areFriends, friendIdsAmong, pairOf } from "@/lib/social/friends";
import { DomainError } from "@/lib/validation/result";
import { postMessage, type DbOrTx } from "./post-message";
import { addMembersSchema, createGroupSchema, GROUP_MAX_MEMBERS, GROUP_MIN_OTHERS, threadIdSchema } from "./schemas";

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

/**
 * The user's threads, newest activity first, with a preview and an unread count each.
 * Reads the thread's pointer to its newest message and the member's counter (both kept by
 * postMessage), never the messages themselves: the same cost at 100 or 100,000 messages.
 */
export async function listThreadsForUser(db: Db, userId: string, opts: { take?: number } = {}): Promise<ThreadSummary[]> {
  const memberships = await db.threadMember.findMany({
    where: { userId },
    orderBy: { thread: { lastMessageAt: "desc" } },
    take: opts.take ?? 50,
    select: {
      unreadCount: true,
      thread: {
        select: {
          id: true,
          kind: true,
          title: true,
          lastMessageAt: true,
          _count: { select: { members: true } },
          members: { where: { userId: { not: userId } }, take: 1, select: { user: { select: { name: true } } } },
          lastMessage: { select: { kind: true, body: true, sender: { select: { name: true } } } },
        },
      },
    },
  });
  return memberships.map(({ thread, unreadCount }) => {
    const last = thread.lastMessage;
    return {
      id: thread.id,
      kind: thread.kind,
      title: thread.kind === "GROUP" ? (thread.title ?? "") : (thread.members[0]?.user.name ?? ""),
      memberCount: thread._count.members,
      lastMessageAt: thread.lastMessageAt,
      lastMessage: last ? { kind: last.kind, body: last.body, senderName: last.sender?.name ?? null } : null,
      unread: unreadCount,
    };
  });
}

// ─── Membership, creation, read state ────────────────────────────────────────

export type ThreadDetail = {
  id: string;
  kind: ThreadKind;
  /** Group name, or the other member's name in a direct chat. */
  title: string;
  createdById: string;
  members: { id: string; name: string; lanbaoId: string }[];
};

/** The thread if the user is one of its members, else null (callers answer "not found"). */
export async function getThreadForMember(db: DbOrTx, userId: string, threadId: string): Promise<ThreadDetail | null> {
  const thread = await db.thread.findFirst({
    where: { id: threadId, members: { some: { userId } } },
    select: {
      id: true,
      kind: true,
      title: true,
      createdById: true,
      members: { orderBy: { joinedAt: "asc" }, select: { user: { select: { id: true, name: true, lanbaoId: true } } } },
    },
  });
  if (!thread) return null;
  const members = thread.members.map((m) => m.user);
  const other = members.find((m) => m.id !== userId);
  return {
    id: thread.id,
    kind: thread.kind,
    title: thread.kind === "GROUP" ? (thread.title ?? "") : (other?.name ?? ""),
    createdById: thread.createdById,
    members,
  };
}

/**
 * Throws unless the user is a member. Outsiders learn nothing, not even that the thread
 * exists. Plain SQL: it runs before every send and every read of a thread, and a primary-key
 * lookup costs several times less this way than through the query builder.
 */
export async function assertMember(db: DbOrTx, userId: string, threadId: string): Promise<void> {
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM "ThreadMember" WHERE "threadId" = ${threadId} AND "userId" = ${userId}`;
  if (rows.length === 0) throw new DomainError("chat.errors.threadNotFound");
}

export function directKeyOf(a: string, b: string): string {
  return pairOf(a, b).join(":");
}

/**
 * The one direct thread of two friends, created on first use. Two people opening the
 * chat at the same moment race on the unique directKey: the loser reads the winner's thread.
 */
export async function getOrCreateDirectThread(db: Db, userId: string, friendId: unknown): Promise<{ id: string; created: boolean }> {
  const otherId = threadIdSchema.parse(friendId);
  if (!(await areFriends(db, userId, otherId))) throw new DomainError("chat.errors.notFriends");
  const directKey = directKeyOf(userId, otherId);
  const existing = await db.thread.findUnique({ where: { directKey }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    const thread = await db.thread.create({
      data: {
        kind: "DIRECT",
        directKey,
        createdById: userId,
        members: { create: [{ userId }, { userId: otherId }] },
      },
      select: { id: true },
    });
    // A new, empty chat should show up in the friend's list too.
    await publish(db, [userId, otherId], { type: "threads" });
    return { id: thread.id, created: true };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await db.thread.findUnique({ where: { directKey }, select: { id: true } });
      if (winner) return { id: winner.id, created: false };
    }
    throw err;
  }
}

/** A group of the creator and at least two of their friends, opened with a notice to everyone. */
export async function createGroupThread(db: Db, userId: string, input: unknown): Promise<{ id: string }> {
  const { title, memberIds } = createGroupSchema.parse(input);
  const others = memberIds.filter((id) => id !== userId);
  if (others.length < GROUP_MIN_OTHERS) throw new DomainError("chat.errors.groupTooSmall", "memberIds");
  const friends = await friendIdsAmong(db, userId, others);
  if (others.some((id) => !friends.has(id))) throw new DomainError("chat.errors.notFriends", "memberIds");
  const creator = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });

  return db.$transaction(async (tx) => {
    const thread = await tx.thread.create({
      data: {
        kind: "GROUP",
        title,
        createdById: userId,
        members: { create: [userId, ...others].map((id) => ({ userId: id })) },
      },
      select: { id: true },
    });
    await postMessage(tx, { threadId: thread.id, senderId: null, kind: "SYSTEM", systemKey: "groupCreated", systemArg: { name: creator.name, title } });
    return thread;
  });
}

/** Any member may bring their own friends into a group; people already in it are skipped. */
export async function addGroupMembers(db: Db, userId: string, input: unknown): Promise<{ added: string[] }> {
  const { threadId, memberIds } = addMembersSchema.parse(input);
  const thread = await getThreadForMember(db, userId, threadId);
  if (!thread) throw new DomainError("chat.errors.threadNotFound");
  if (thread.kind !== "GROUP") throw new DomainError("chat.errors.notGroup");
  const present = new Set(thread.members.map((m) => m.id));
  const candidates = memberIds.filter((id) => !present.has(id));
  if (candidates.length === 0) return { added: [] };
  const friends = await friendIdsAmong(db, userId, candidates);
  if (candidates.some((id) => !friends.has(id))) throw new DomainError("chat.errors.notFriends", "memberIds");
  if (present.size + candidates.length > GROUP_MAX_MEMBERS) throw new DomainError("chat.errors.groupTooLarge", "memberIds");

  return db.$transaction(async (tx) => {
    const created = await tx.threadMember.createManyAndReturn({
      data: candidates.map((id) => ({ threadId, userId: id })),
      skipDuplicates: true,
      select: { user: { select: { id: true, name: true } } },
    });
    if (created.length > 0) {
      const actor = thread.members.find((m) => m.id === userId)!;
      await postMessage(tx, {
        threadId,
        senderId: null,
        kind: "SYSTEM",
        systemKey: "membersAdded",
        systemArg: { name: actor.name, names: created.map((c) => c.user.name).join(", "), count: created.length },
      });
    }
    return { added: created.map((c) => c.user.id) };
  });
}

/**
 * Marks everything in the thread read for the user: up to its newest message, never
 * backwards. Writes nothing when there is nothing new (opening a read thread is a read).
 */
export async function markThreadRead(db: DbOrTx, userId: string, threadId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "ThreadMember" tm
       SET "unreadCount" = 0,
           "lastReadAt" = GREATEST(tm."lastReadAt", t."lastMessageAt")
      FROM "Thread" t
     WHERE t."id" = tm."threadId" AND tm."threadId" = ${threadId} AND tm."userId" = ${userId}
       AND (tm."unreadCount" <> 0 OR tm."lastReadAt" IS NULL OR tm."lastReadAt" < t."lastMessageAt")`;
}

/** Unread messages over all the user's threads (the badge next to "Chats"): a sum of counters. */
export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const row = await db.threadMember.aggregate({ where: { userId }, _sum: { unreadCount: true } });
  return row._sum.unreadCount ?? 0;
}
