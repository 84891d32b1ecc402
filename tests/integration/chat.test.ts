import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/chat/cursor.ts";
import { listMessages, listMessagesAfter, sendTextMessage } from "../../lib/chat/messages.ts";
import {
  addGroupMembers,
  countUnread,
  createGroupThread,
  getOrCreateDirectThread,
  getThreadForMember,
  listThreadsForUser,
  markThreadRead,
} from "../../lib/chat/threads.ts";
import { respondToFriendRequest, sendFriendRequest } from "../../lib/social/friends.ts";
import { newLanbaoId } from "../../lib/users/lanbao-id.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();

let n = 0;
async function user(name = `User ${++n}`) {
  n++;
  return t.db.user.create({
    data: { name, email: `c${n}-${Math.random().toString(36).slice(2, 8)}@example.com`, lanbaoId: newLanbaoId() },
    select: { id: true, name: true },
  });
}

async function befriend(a: { id: string }, b: { id: string }) {
  const { friendshipId } = await sendFriendRequest(t.db, a.id, { userId: b.id });
  await respondToFriendRequest(t.db, b.id, { friendshipId, accept: true });
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

describe("direct threads", () => {
  it("only between friends, one per pair, found again from either side", async () => {
    const [a, b, stranger] = [await user(), await user(), await user()];
    expect(await errorOf(getOrCreateDirectThread(t.db, a.id, b.id))).toEqual({ _form: "chat.errors.notFriends" });
    await befriend(a, b);
    const first = await getOrCreateDirectThread(t.db, a.id, b.id);
    expect(first.created).toBe(true);
    expect(await getOrCreateDirectThread(t.db, b.id, a.id)).toEqual({ id: first.id, created: false });
    const thread = await t.db.thread.findUniqueOrThrow({ where: { id: first.id }, include: { members: true } });
    expect(thread.directKey).toBe([a.id, b.id].sort().join(":"));
    expect(thread.members.map((m) => m.userId).sort()).toEqual([a.id, b.id].sort());
    expect((await getThreadForMember(t.db, a.id, first.id))?.title).toBe(b.name);
    expect(await getThreadForMember(t.db, stranger.id, first.id)).toBeNull();
    expect(await errorOf(getOrCreateDirectThread(t.db, a.id, a.id))).toEqual({ _form: "chat.errors.notFriends" });
  });

  it("both opening the chat at once still makes one thread", async () => {
    const [a, b] = [await user(), await user()];
    await befriend(a, b);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => getOrCreateDirectThread(t.db, i % 2 ? a.id : b.id, i % 2 ? b.id : a.id)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.db.thread.count({ where: { directKey: [a.id, b.id].sort().join(":") } })).toBe(1);
  });
});

describe("groups", () => {
  it("the creator and 2+ friends, announced with a system message", async () => {
    const [me, f1, f2, f3, stranger] = [await user("Me"), await user(), await user(), await user(), await user()];
    for (const f of [f1, f2, f3]) await befriend(me, f);

    expect(await errorOf(createGroupThread(t.db, me.id, { title: "Hikers", memberIds: [f1.id] }))).toEqual({ memberIds: "chat.errors.groupTooSmall" });
    expect(await errorOf(createGroupThread(t.db, me.id, { title: "Hikers", memberIds: [f1.id, f1.id, me.id] }))).toEqual({
      memberIds: "chat.errors.groupTooSmall",
    });
    expect(await errorOf(createGroupThread(t.db, me.id, { title: "Hikers", memberIds: [f1.id, stranger.id] }))).toEqual({
      memberIds: "chat.errors.notFriends",
    });
    expect(await errorOf(createGroupThread(t.db, me.id, { title: "  ", memberIds: [f1.id, f2.id] }))).toEqual({ title: "validation.required" });
    expect(await errorOf(createGroupThread(t.db, me.id, { title: "x".repeat(41), memberIds: [f1.id, f2.id] }))).toEqual({
      title: "chat.errors.titleTooLong",
    });

    const { id } = await createGroupThread(t.db, me.id, { title: " Hikers ", memberIds: [f1.id, f2.id] });
    const detail = await getThreadForMember(t.db, f1.id, id);
    expect(detail).toMatchObject({ kind: "GROUP", title: "Hikers", createdById: me.id });
    expect(detail!.members.map((m) => m.id).sort()).toEqual([me.id, f1.id, f2.id].sort());
    const page = await listMessages(t.db, f2.id, id);
    expect(page.messages).toMatchObject([{ kind: "SYSTEM", systemKey: "groupCreated", systemArg: { name: "Me", title: "Hikers" }, sender: null }]);
  });

  it("any member adds their own friends, not strangers, and never twice", async () => {
    const [me, f1, f2, g] = [await user(), await user(), await user(), await user("Gao")];
    await befriend(me, f1);
    await befriend(me, f2);
    await befriend(f1, g); // g is f1's friend, not mine
    const { id } = await createGroupThread(t.db, me.id, { title: "Team", memberIds: [f1.id, f2.id] });

    expect(await errorOf(addGroupMembers(t.db, me.id, { threadId: id, memberIds: [g.id] }))).toEqual({ memberIds: "chat.errors.notFriends" });
    expect(await errorOf(addGroupMembers(t.db, g.id, { threadId: id, memberIds: [f1.id] }))).toEqual({ _form: "chat.errors.threadNotFound" });
    expect(await addGroupMembers(t.db, f1.id, { threadId: id, memberIds: [g.id, me.id] })).toEqual({ added: [g.id] });
    expect(await addGroupMembers(t.db, f1.id, { threadId: id, memberIds: [g.id] })).toEqual({ added: [] });
    const last = (await listMessages(t.db, g.id, id)).messages.at(-1);
    expect(last).toMatchObject({ kind: "SYSTEM", systemKey: "membersAdded", systemArg: { names: "Gao", count: 1 } });

    const direct = await getOrCreateDirectThread(t.db, me.id, f1.id);
    expect(await errorOf(addGroupMembers(t.db, me.id, { threadId: direct.id, memberIds: [f2.id] }))).toEqual({ _form: "chat.errors.notGroup" });
  });
});

describe("messages", () => {
  it("members post and read; outsiders can do neither", async () => {
    const [a, b, outsider] = [await user("A"), await user("B"), await user()];
    await befriend(a, b);
    const { id } = await getOrCreateDirectThread(t.db, a.id, b.id);
    const sent = await sendTextMessage(t.db, a.id, { threadId: id, body: "  你好 hello  " });
    expect(sent).toMatchObject({ kind: "TEXT", body: "你好 hello", sender: { id: a.id, name: "A" } });
    expect((await listMessages(t.db, b.id, id)).messages.map((m) => m.id)).toEqual([sent.id]);
    const thread = await t.db.thread.findUniqueOrThrow({ where: { id } });
    expect(thread.lastMessageAt.toISOString()).toBe(sent.createdAt);

    expect(await errorOf(sendTextMessage(t.db, outsider.id, { threadId: id, body: "let me in" }))).toEqual({ _form: "chat.errors.threadNotFound" });
    expect(await errorOf(listMessages(t.db, outsider.id, id))).toEqual({ _form: "chat.errors.threadNotFound" });
    expect(await errorOf(listMessagesAfter(t.db, outsider.id, id, { after: sent.cursor }))).toEqual({ _form: "chat.errors.threadNotFound" });
    expect(await t.db.message.count({ where: { threadId: id } })).toBe(1);
  });

  it("validates the text: 1..2000 characters after trimming", async () => {
    const [a, b] = [await user(), await user()];
    await befriend(a, b);
    const { id } = await getOrCreateDirectThread(t.db, a.id, b.id);
    expect(await errorOf(sendTextMessage(t.db, a.id, { threadId: id, body: " \n " }))).toEqual({ body: "validation.required" });
    expect(await errorOf(sendTextMessage(t.db, a.id, { threadId: id, body: "x".repeat(2001) }))).toEqual({ body: "chat.errors.messageTooLong" });
    await sendTextMessage(t.db, a.id, { threadId: id, body: "x".repeat(2000) });
    expect(await t.db.message.count({ where: { threadId: id } })).toBe(1);
  });

  it("pages back by cursor: every message exactly once, in order, ties broken by id", async () => {
    const [a, b] = [await user(), await user()];
    await befriend(a, b);
    const { id } = await getOrCreateDirectThread(t.db, a.id, b.id);
    // 75 messages; runs of them share a timestamp, so only the id can order them.
    const base = Date.UTC(2026, 0, 1, 8);
    await t.db.message.createMany({
      data: Array.from({ length: 75 }, (_, i) => ({
        threadId: id,
        senderId: i % 2 ? a.id : b.id,
        kind: "TEXT" as const,
        body: `m${i}`,
        createdAt: new Date(base + Math.floor(i / 10) * 1000),
      })),
    });
    const expected = (
      await t.db.message.findMany({ where: { threadId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } })
    ).map((m) => m.id);

    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await listMessages(t.db, a.id, id, { before, limit: 20 });
      pages++;
      seen.unshift(...page.messages.map((m) => m.id));
      if (!page.hasMore) break;
      before = page.messages[0].cursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(expected);

    // And forwards, for catching up.
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await listMessagesAfter(t.db, b.id, id, { after, limit: 16 });
      forward.push(...page.messages.map((m) => m.id));
      if (!page.hasMore) break;
      after = page.messages.at(-1)!.cursor;
    }
    expect(forward).toEqual(expected);
    const fromMiddle = await listMessagesAfter(t.db, b.id, id, { after: (await listMessages(t.db, a.id, id, { limit: 5 })).messages[0].cursor });
    expect(fromMiddle.messages.map((m) => m.id)).toEqual(expected.slice(71));
  });

  it("cursors round-trip exactly and refuse garbage", () => {
    const key = { createdAt: new Date("2026-02-03T04:05:06.789Z"), id: "cm123abc" };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(() => decodeCursor("not-a-cursor")).toThrow(DomainError);
    expect(() => decodeCursor(Buffer.from("abc.def").toString("base64url"))).toThrow(DomainError);
  });

  it("walks the (threadId, createdAt, id) index from the cursor", async () => {
    // The shape of listMessages' query with a cursor.
    const rows = await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT id FROM "Message"
        WHERE "threadId" = 'x' AND "createdAt" <= '2026-01-01' AND ("createdAt" < '2026-01-01' OR ("createdAt" = '2026-01-01' AND id < 'y'))
        ORDER BY "createdAt" DESC, id DESC LIMIT 31`,
    );
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/Index (Only )?Scan Backward using "?Message_threadId_createdAt_id_idx/);
    expect(plan).toMatch(/Index Cond: .*"createdAt" <=/);
  });
});

describe("threads list and unread", () => {
  it("newest activity first, unread counted until the thread is read", async () => {
    const [me, f1, f2] = [await user("Me"), await user("F1"), await user("F2")];
    await befriend(me, f1);
    await befriend(me, f2);
    const d1 = await getOrCreateDirectThread(t.db, me.id, f1.id);
    const d2 = await getOrCreateDirectThread(t.db, me.id, f2.id);
    await sendTextMessage(t.db, f1.id, { threadId: d1.id, body: "one" });
    await sendTextMessage(t.db, f1.id, { threadId: d1.id, body: "two" });
    await new Promise((r) => setTimeout(r, 5));
    await sendTextMessage(t.db, f2.id, { threadId: d2.id, body: "three" });
    await sendTextMessage(t.db, me.id, { threadId: d2.id, body: "mine does not count" });

    const list = await listThreadsForUser(t.db, me.id);
    expect(list.map((th) => [th.title, th.unread])).toEqual([
      ["F2", 1],
      ["F1", 2],
    ]);
    expect(await countUnread(t.db, me.id)).toBe(3);
    await markThreadRead(t.db, me.id, d1.id);
    expect(await countUnread(t.db, me.id)).toBe(1);
    expect((await listThreadsForUser(t.db, f1.id))[0]).toMatchObject({ title: "Me", unread: 0 });
  });
});
