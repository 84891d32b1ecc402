import type { DbOrTx } from "@/lib/chat/post-message";
import type { Db } from "@/lib/db/client";
import { publish } from "@/lib/realtime/publish";
import { DomainError } from "@/lib/validation/result";
import { findUserSchema, friendRequestSchema, respondSchema } from "./schemas";

/** How the acting user stands with someone they looked up. */
export type Relation = "friends" | "outgoing" | "incoming" | "none";

export type PersonSummary = { id: string; name: string; lanbaoId: string };
export type FoundUser = PersonSummary & { relation: Relation; friendshipId: string | null };
export type FriendSummary = PersonSummary & { friendshipId: string; since: Date };
export type FriendRequest = { friendshipId: string; user: PersonSummary; createdAt: Date };

export type SendRequestResult = {
  friendshipId: string;
  /** requested: new or re-sent; accepted: they had asked us; otherwise nothing changed. */
  outcome: "requested" | "accepted" | "alreadyRequested" | "alreadyFriends";
};

const person = { id: true, name: true, lanbaoId: true } as const;

/** Friendship rows store each pair once, smaller id first. */
export function pairOf(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

function relationOf(row: { requesterId: string; status: string } | null, me: string): Relation {
  if (!row || row.status === "DECLINED") return "none";
  if (row.status === "ACCEPTED") return "friends";
  return row.requesterId === me ? "outgoing" : "incoming";
}

/** Looks someone up by exact email or Lanbao ID; nothing fuzzy, so people cannot be enumerated. */
export async function findUser(db: Db, actingUserId: string, input: unknown): Promise<FoundUser> {
  const { query } = findUserSchema.parse(input);
  const user = await db.user.findUnique({
    where: query.includes("@") ? { email: query } : { lanbaoId: query },
    select: person,
  });
  if (!user) throw new DomainError("friends.errors.notFound", "query");
  if (user.id === actingUserId) throw new DomainError("friends.errors.self", "query");
  const [a, b] = pairOf(actingUserId, user.id);
  const row = await db.friendship.findUnique({
    where: { userAId_userBId: { userAId: a, userBId: b } },
    select: { id: true, requesterId: true, status: true },
  });
  return { ...user, relation: relationOf(row, actingUserId), friendshipId: row?.id ?? null };
}

/**
 * Asks someone to be friends. One row per pair, so both sides asking at once (or twice)
 * ends in one row: the insert is ON CONFLICT DO NOTHING and the row is then locked, so
 * the second request sees the first and accepts it instead of competing with it.
 */
export async function sendFriendRequest(db: Db, actingUserId: string, input: unknown): Promise<SendRequestResult> {
  const { userId: otherId } = friendRequestSchema.parse(input);
  if (otherId === actingUserId) throw new DomainError("friends.errors.self");
  const other = await db.user.findUnique({ where: { id: otherId }, select: { id: true } });
  if (!other) throw new DomainError("friends.errors.notFound");
  const [userAId, userBId] = pairOf(actingUserId, otherId);

  return db.$transaction(async (tx) => {
    const inserted = await tx.friendship.createMany({
      data: [{ userAId, userBId, requesterId: actingUserId }],
      skipDuplicates: true,
    });
    const [row] = await tx.$queryRaw<{ id: string; requesterId: string; status: string }[]>`
      SELECT id, "requesterId", status::text AS status FROM "Friendship"
       WHERE "userAId" = ${userAId} AND "userBId" = ${userBId} FOR UPDATE`;
    let outcome: SendRequestResult["outcome"];
    if (inserted.count === 1) {
      outcome = "requested";
    } else if (row.status === "ACCEPTED") {
      outcome = "alreadyFriends";
    } else if (row.status === "DECLINED") {
      // A declined request may be asked again, by either side.
      await tx.friendship.update({
        where: { id: row.id },
        data: { requesterId: actingUserId, status: "PENDING", createdAt: new Date(), respondedAt: null },
      });
      outcome = "requested";
    } else if (row.requesterId === actingUserId) {
      outcome = "alreadyRequested";
    } else {
      // They asked first: asking back is saying yes.
      await tx.friendship.update({ where: { id: row.id }, data: { status: "ACCEPTED", respondedAt: new Date() } });
      outcome = "accepted";
    }
    if (outcome === "requested" || outcome === "accepted") await notifyPair(tx, actingUserId, otherId);
    return { friendshipId: row.id, outcome };
  });
}

/** Accepts or declines a pending request. Only the person who was asked may answer. */
export async function respondToFriendRequest(
  db: Db,
  actingUserId: string,
  input: unknown,
): Promise<{ friendshipId: string; friendId: string; status: "ACCEPTED" | "DECLINED" }> {
  const { friendshipId, accept } = respondSchema.parse(input);
  const status = accept ? "ACCEPTED" : "DECLINED";
  const row = await db.friendship.findUnique({ where: { id: friendshipId }, select: { userAId: true, userBId: true, requesterId: true, status: true } });
  if (!row || (row.userAId !== actingUserId && row.userBId !== actingUserId)) throw new DomainError("friends.errors.requestNotFound");
  if (row.requesterId === actingUserId) throw new DomainError("friends.errors.notAddressee");
  const friendId = row.userAId === actingUserId ? row.userBId : row.userAId;

  // Conditional update: a double click or two tabs answer once, and a request that was
  // answered (or re-sent the other way) meanwhile is not overwritten.
  const updated = await db.friendship.updateMany({
    where: { id: friendshipId, status: "PENDING", requesterId: { not: actingUserId } },
    data: { status, respondedAt: new Date() },
  });
  if (updated.count === 0) {
    const now = await db.friendship.findUnique({ where: { id: friendshipId }, select: { status: true, requesterId: true } });
    if (now?.status === status && now.requesterId !== actingUserId) return { friendshipId, friendId, status };
    throw new DomainError("friends.errors.requestNotPending");
  }
  await notifyPair(db, actingUserId, friendId);
  return { friendshipId, friendId, status };
}

/** The user's friends, by name. */
export async function listFriends(db: Db, userId: string): Promise<FriendSummary[]> {
  const rows = await db.friendship.findMany({
    where: { status: "ACCEPTED", OR: [{ userAId: userId }, { userBId: userId }] },
    select: { id: true, createdAt: true, respondedAt: true, userA: { select: person }, userB: { select: person } },
  });
  return rows
    .map((r) => ({ ...(r.userA.id === userId ? r.userB : r.userA), friendshipId: r.id, since: r.respondedAt ?? r.createdAt }))
    .sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
}

/** Pending requests: asked of the user (incoming) and asked by the user (outgoing), newest first. */
export async function listFriendRequests(db: Db, userId: string): Promise<{ incoming: FriendRequest[]; outgoing: FriendRequest[] }> {
  const rows = await db.friendship.findMany({
    where: { status: "PENDING", OR: [{ userAId: userId }, { userBId: userId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, requesterId: true, createdAt: true, userA: { select: person }, userB: { select: person } },
  });
  const toRequest = (r: (typeof rows)[number]): FriendRequest => ({
    friendshipId: r.id,
    user: r.userA.id === userId ? r.userB : r.userA,
    createdAt: r.createdAt,
  });
  return {
    incoming: rows.filter((r) => r.requesterId !== userId).map(toRequest),
    outgoing: rows.filter((r) => r.requesterId === userId).map(toRequest),
  };
}

export async function areFriends(db: DbOrTx, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const [userAId, userBId] = pairOf(a, b);
  const row = await db.friendship.findUnique({ where: { userAId_userBId: { userAId, userBId } }, select: { status: true } });
  return row?.status === "ACCEPTED";
}

/** Which of `ids` are the user's friends. */
export async function friendIdsAmong(db: DbOrTx, userId: string, ids: string[]): Promise<Set<string>> {
  const others = [...new Set(ids)].filter((id) => id !== userId);
  if (others.length === 0) return new Set();
  const rows = await db.friendship.findMany({
    where: {
      status: "ACCEPTED",
      OR: [
        { userAId: userId, userBId: { in: others } },
        { userBId: userId, userAId: { in: others } },
      ],
    },
    select: { userAId: true, userBId: true },
  });
  return new Set(rows.map((r) => (r.userAId === userId ? r.userBId : r.userAId)));
}

/**
 * Friend lists live on the friends page and the chat list; the realtime channel has no
 * "friends" event, so a friendship change is announced as a change to the user's lists.
 */
async function notifyPair(db: DbOrTx, a: string, b: string) {
  await publish(db, [a, b], { type: "threads" });
}
