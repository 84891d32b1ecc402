import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  findUser,
  listFriendRequests,
  listFriends,
  respondToFriendRequest,
  sendFriendRequest,
} from "../../lib/social/friends.ts";
import { newLanbaoId } from "../../lib/users/lanbao-id.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();

let n = 0;
async function user(name = `User ${++n}`) {
  return t.db.user.create({
    data: { name, email: `u${n}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`, lanbaoId: newLanbaoId() },
    select: { id: true, name: true, email: true, lanbaoId: true },
  });
}

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return { [err.field ?? "_form"]: err.key };
    if (err instanceof ZodError) return Object.fromEntries(err.issues.map((i) => [i.path.join("."), i.message]));
    throw err;
  }
  throw new Error("expected an error");
}

async function rowsFor(a: string, b: string) {
  return t.db.friendship.findMany({ where: { OR: [{ userAId: a, userBId: b }, { userAId: b, userBId: a }] } });
}

describe("finding people", () => {
  it("finds by exact email (any case) or Lanbao ID and says how we stand", async () => {
    const [me, mei] = [await user("Me"), await user("Mei")];
    expect(await findUser(t.db, me.id, { query: `  ${mei.email.toUpperCase()} ` })).toMatchObject({ id: mei.id, name: "Mei", relation: "none" });
    expect(await findUser(t.db, me.id, { query: mei.lanbaoId.toUpperCase() })).toMatchObject({ id: mei.id, relation: "none" });
    await sendFriendRequest(t.db, me.id, { userId: mei.id });
    expect((await findUser(t.db, me.id, { query: mei.lanbaoId })).relation).toBe("outgoing");
    expect((await findUser(t.db, mei.id, { query: me.lanbaoId })).relation).toBe("incoming");
  });

  it("explains bad input, strangers and yourself", async () => {
    const me = await user();
    expect(await errorOf(findUser(t.db, me.id, { query: "  " }))).toEqual({ query: "validation.required" });
    expect(await errorOf(findUser(t.db, me.id, { query: "hello" }))).toEqual({ query: "friends.errors.queryInvalid" });
    expect(await errorOf(findUser(t.db, me.id, { query: "nobody@example.com" }))).toEqual({ query: "friends.errors.notFound" });
    expect(await errorOf(findUser(t.db, me.id, { query: "lbzzzzzzzz" }))).toEqual({ query: "friends.errors.notFound" });
    expect(await errorOf(findUser(t.db, me.id, { query: me.email }))).toEqual({ query: "friends.errors.self" });
  });
});

describe("friend requests", () => {
  it("request → the addressee accepts → both list each other", async () => {
    const [a, b] = [await user("Ann"), await user("Bo")];
    const sent = await sendFriendRequest(t.db, a.id, { userId: b.id });
    expect(sent.outcome).toBe("requested");
    const row = (await rowsFor(a.id, b.id))[0];
    expect(row.userAId < row.userBId).toBe(true);
    expect(row).toMatchObject({ requesterId: a.id, status: "PENDING" });

    expect((await listFriendRequests(t.db, a.id)).outgoing.map((r) => r.user.id)).toEqual([b.id]);
    expect((await listFriendRequests(t.db, b.id)).incoming.map((r) => r.user.id)).toEqual([a.id]);

    await respondToFriendRequest(t.db, b.id, { friendshipId: sent.friendshipId, accept: true });
    expect((await listFriends(t.db, a.id)).map((f) => f.id)).toEqual([b.id]);
    expect((await listFriends(t.db, b.id)).map((f) => f.id)).toEqual([a.id]);
    expect(await listFriendRequests(t.db, b.id)).toEqual({ incoming: [], outgoing: [] });
    expect((await sendFriendRequest(t.db, b.id, { userId: a.id })).outcome).toBe("alreadyFriends");
  });

  it("cannot friend yourself or someone who does not exist", async () => {
    const a = await user();
    expect(await errorOf(sendFriendRequest(t.db, a.id, { userId: a.id }))).toEqual({ _form: "friends.errors.self" });
    expect(await errorOf(sendFriendRequest(t.db, a.id, { userId: "no-such-user" }))).toEqual({ _form: "friends.errors.notFound" });
    expect(await t.db.friendship.count({ where: { OR: [{ userAId: a.id }, { userBId: a.id }] } })).toBe(0);
  });

  it("only the addressee may accept or decline", async () => {
    const [a, b, c] = [await user(), await user(), await user()];
    const { friendshipId } = await sendFriendRequest(t.db, a.id, { userId: b.id });
    expect(await errorOf(respondToFriendRequest(t.db, a.id, { friendshipId, accept: true }))).toEqual({ _form: "friends.errors.notAddressee" });
    expect(await errorOf(respondToFriendRequest(t.db, c.id, { friendshipId, accept: true }))).toEqual({ _form: "friends.errors.requestNotFound" });
    expect((await rowsFor(a.id, b.id))[0].status).toBe("PENDING");
    await respondToFriendRequest(t.db, b.id, { friendshipId, accept: false });
    expect((await rowsFor(a.id, b.id))[0].status).toBe("DECLINED");
    // Answering the same way twice is harmless; changing a decided answer is not allowed.
    await respondToFriendRequest(t.db, b.id, { friendshipId, accept: false });
    expect(await errorOf(respondToFriendRequest(t.db, b.id, { friendshipId, accept: true }))).toEqual({ _form: "friends.errors.requestNotPending" });
  });

  it("a repeated request changes nothing; asking back accepts", async () => {
    const [a, b] = [await user(), await user()];
    const first = await sendFriendRequest(t.db, a.id, { userId: b.id });
    const again = await sendFriendRequest(t.db, a.id, { userId: b.id });
    expect(again).toEqual({ friendshipId: first.friendshipId, outcome: "alreadyRequested" });
    const back = await sendFriendRequest(t.db, b.id, { userId: a.id });
    expect(back).toEqual({ friendshipId: first.friendshipId, outcome: "accepted" });
    const rows = await rowsFor(a.id, b.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "ACCEPTED", requesterId: a.id });
  });

  it("a declined request can be sent again, by either side", async () => {
    const [a, b] = [await user(), await user()];
    const { friendshipId } = await sendFriendRequest(t.db, a.id, { userId: b.id });
    await respondToFriendRequest(t.db, b.id, { friendshipId, accept: false });
    expect((await findUser(t.db, a.id, { query: b.email })).relation).toBe("none");
    expect((await sendFriendRequest(t.db, a.id, { userId: b.id })).outcome).toBe("requested");
    expect((await rowsFor(a.id, b.id))[0]).toMatchObject({ status: "PENDING", requesterId: a.id, respondedAt: null });
    await respondToFriendRequest(t.db, b.id, { friendshipId, accept: false });
    // Now b changes their mind and asks a.
    expect((await sendFriendRequest(t.db, b.id, { userId: a.id })).outcome).toBe("requested");
    await respondToFriendRequest(t.db, a.id, { friendshipId, accept: true });
    expect((await listFriends(t.db, b.id)).map((f) => f.id)).toEqual([a.id]);
    expect(await rowsFor(a.id, b.id)).toHaveLength(1);
  });

  it("both asking at the same moment ends in one accepted friendship", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await user(), await user()];
      const results = await Promise.all([
        sendFriendRequest(t.db, a.id, { userId: b.id }),
        sendFriendRequest(t.db, b.id, { userId: a.id }),
        sendFriendRequest(t.db, a.id, { userId: b.id }),
      ]);
      const rows = await rowsFor(a.id, b.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].status).toBe("ACCEPTED");
      expect(new Set(results.map((r) => r.friendshipId))).toEqual(new Set([rows[0].id]));
      expect(results.filter((r) => r.outcome === "accepted")).toHaveLength(1);
    }
  });

  it("rejects malformed input with field messages", async () => {
    const a = await user();
    expect(await errorOf(sendFriendRequest(t.db, a.id, { userId: 42 }))).toEqual({ userId: "validation.invalid" });
    expect(await errorOf(respondToFriendRequest(t.db, a.id, { friendshipId: "x", accept: "yes" }))).toEqual({ accept: "validation.invalid" });
  });
});
