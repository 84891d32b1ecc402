// Unread counters and newest-message pointers: kept by postMessage in the message's own
// transaction, read by the chat list and the badge instead of the messages.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { migrate, MIGRATIONS_DIR } from "../../lib/db/migrate.ts";
import { recountThreads } from "../../lib/chat/counters.ts";
import { sendTextMessage } from "../../lib/chat/messages.ts";
import { postMessage } from "../../lib/chat/post-message.ts";
import { countUnread, createGroupThread, getOrCreateDirectThread, listThreadsForUser, markThreadRead } from "../../lib/chat/threads.ts";
import { respondToFriendRequest, sendFriendRequest } from "../../lib/social/friends.ts";
import { newLanbaoId } from "../../lib/users/lanbao-id.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const COUNTERS_MIGRATION = "20261201200000_chat_counters";

let n = 0;
async function user(name = `User ${++n}`) {
  n++;
  return t.db.user.create({
    data: { name, email: `cc${n}-${Math.random().toString(36).slice(2, 8)}@example.com`, lanbaoId: newLanbaoId() },
    select: { id: true, name: true },
  });
}

async function befriend(a: { id: string }, b: { id: string }) {
  const { friendshipId } = await sendFriendRequest(t.db, a.id, { userId: b.id });
  await respondToFriendRequest(t.db, b.id, { friendshipId, accept: true });
}

async function pair() {
  const [a, b] = [await user("A"), await user("B")];
  await befriend(a, b);
  const { id } = await getOrCreateDirectThread(t.db, a.id, b.id);
  return { a, b, threadId: id };
}

async function counters(threadId: string) {
  const rows = await t.db.threadMember.findMany({ where: { threadId }, select: { userId: true, unreadCount: true } });
  return Object.fromEntries(rows.map((r) => [r.userId, r.unreadCount]));
}

describe("unread counters", () => {
  it("count others' messages per member, stop at 0 on read, and feed the list and the badge", async () => {
    const { a, b, threadId } = await pair();
    await sendTextMessage(t.db, a.id, { threadId, body: "one" });
    await sendTextMessage(t.db, a.id, { threadId, body: "two" });
    await sendTextMessage(t.db, b.id, { threadId, body: "mine" });
    expect(await counters(threadId)).toEqual({ [a.id]: 1, [b.id]: 2 });
    expect((await listThreadsForUser(t.db, b.id))[0]).toMatchObject({ id: threadId, unread: 2, lastMessage: { body: "mine", senderName: "B" } });
    expect(await countUnread(t.db, b.id)).toBe(2);

    await markThreadRead(t.db, b.id, threadId);
    expect(await counters(threadId)).toEqual({ [a.id]: 1, [b.id]: 0 });
    expect(await countUnread(t.db, b.id)).toBe(0);
    const member = await t.db.threadMember.findUniqueOrThrow({ where: { threadId_userId: { threadId, userId: b.id } } });
    const thread = await t.db.thread.findUniqueOrThrow({ where: { id: threadId } });
    expect(member.lastReadAt).toEqual(thread.lastMessageAt);
  });

  it("system messages count for everyone; the group's list preview follows the newest message", async () => {
    const [me, f1, f2] = [await user("Me"), await user("F1"), await user("F2")];
    await befriend(me, f1);
    await befriend(me, f2);
    const { id } = await createGroupThread(t.db, me.id, { title: "Trio", memberIds: [f1.id, f2.id] });
    expect(await counters(id)).toEqual({ [me.id]: 1, [f1.id]: 1, [f2.id]: 1 });
    const sent = await sendTextMessage(t.db, f1.id, { threadId: id, body: "hi all" });
    expect(await counters(id)).toEqual({ [me.id]: 2, [f1.id]: 1, [f2.id]: 2 });
    const thread = await t.db.thread.findUniqueOrThrow({ where: { id } });
    expect(thread.lastMessageId).toBe(sent.id);
    expect(thread.lastMessageAt.toISOString()).toBe(sent.createdAt);
    expect((await listThreadsForUser(t.db, f2.id))[0]).toMatchObject({ title: "Trio", unread: 2, lastMessage: { kind: "TEXT", body: "hi all", senderName: "F1" } });
  });

  it("stay exact under concurrent posts from both sides", async () => {
    const { a, b, threadId } = await pair();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => sendTextMessage(t.db, i % 4 === 0 ? b.id : a.id, { threadId, body: `m${i}` })),
    );
    // 30 from A (unread for B), 10 from B (unread for A).
    expect(await counters(threadId)).toEqual({ [a.id]: 10, [b.id]: 30 });
    const newest = await t.db.message.findFirstOrThrow({ where: { threadId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const thread = await t.db.thread.findUniqueOrThrow({ where: { id: threadId } });
    expect(thread.lastMessageAt).toEqual(newest.createdAt);
  });

  it("roll back with the message: a post in a failed transaction counts nothing", async () => {
    const { a, b, threadId } = await pair();
    const kept = await sendTextMessage(t.db, a.id, { threadId, body: "kept" });
    await t.db
      .$transaction(async (tx) => {
        await postMessage(tx, { threadId, senderId: a.id, kind: "TEXT", body: "lost" });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await counters(threadId)).toEqual({ [a.id]: 0, [b.id]: 1 });
    expect((await t.db.thread.findUniqueOrThrow({ where: { id: threadId } })).lastMessageId).toBe(kept.id);
  });

  it("are what the list reads, not the messages; recountThreads rebuilds them after a bulk insert", async () => {
    const { a, b, threadId } = await pair();
    await sendTextMessage(t.db, a.id, { threadId, body: "through the service" });
    // Rows written behind postMessage's back (as a bulk import would) are not seen...
    const base = Date.now() + 1000;
    await t.db.message.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({ threadId, senderId: i % 5 ? a.id : b.id, kind: "TEXT" as const, body: `bulk ${i}`, createdAt: new Date(base + i) })),
    });
    expect((await listThreadsForUser(t.db, b.id))[0]).toMatchObject({ unread: 1, lastMessage: { body: "through the service" } });
    // ...until recounted with the same definition.
    await recountThreads(t.db, [threadId]);
    expect((await listThreadsForUser(t.db, b.id))[0]).toMatchObject({ unread: 401, lastMessage: { body: "bulk 499" } });
    expect(await countUnread(t.db, a.id)).toBe(100);
  });
});

describe("the counters migration", () => {
  it("backfills pointers and counters for the threads already there", async () => {
    // A database migrated up to just before the counters, with history in it.
    const admin = new pg.Client({ connectionString: inject("testAdminUrl") });
    const name = `lanbao_bf_${process.pid}_${Date.now() % 100000}`;
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const url = new URL(inject("testAdminUrl"));
    url.pathname = `/${name}`;
    const dir = await mkdtemp(path.join(process.cwd(), ".tmp", "migrations-"));
    const c = new pg.Client({ connectionString: url.toString() });
    try {
      for (const m of await readdir(MIGRATIONS_DIR, { withFileTypes: true })) {
        if (m.isDirectory() && m.name < COUNTERS_MIGRATION) await cp(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
      }
      await migrate(url.toString(), { dir, log: () => {} });

      // Plain SQL: today's Prisma Client knows columns this older schema lacks.
      await c.connect();
      await c.query(`INSERT INTO "User" ("id", "name", "email", "lanbaoId", "updatedAt") VALUES ('ua', 'a', 'a@bf.test', 'lbbfa', now()), ('ub', 'b', 'b@bf.test', 'lbbfb', now())`);
      await c.query(`INSERT INTO "Thread" ("id", "kind", "createdById") VALUES ('th', 'DIRECT', 'ua'), ('empty', 'DIRECT', 'ub')`);
      await c.query(
        `INSERT INTO "ThreadMember" ("threadId", "userId", "lastReadAt") VALUES ('th', 'ua', NULL), ('th', 'ub', '2026-11-01 10:00:00'), ('empty', 'ub', NULL)`,
      );
      await c.query(`INSERT INTO "Message" ("id", "threadId", "senderId", "kind", "body", "createdAt") VALUES
        ('bf1', 'th', 'ua', 'TEXT', 'before b read', '2026-11-01 09:55:00'),
        ('bf2', 'th', NULL, 'SYSTEM', NULL, '2026-11-01 10:01:00'),
        ('bf3', 'th', 'ua', 'TEXT', 'after', '2026-11-01 10:02:00'),
        ('bf4', 'th', 'ub', 'TEXT', 'b''s own', '2026-11-01 10:03:00')`);

      await migrate(url.toString(), { log: () => {} });
      const threads = await c.query<{ id: string; lastMessageId: string | null }>(`SELECT "id", "lastMessageId" FROM "Thread"`);
      expect(Object.fromEntries(threads.rows.map((th) => [th.id, th.lastMessageId]))).toEqual({ th: "bf4", empty: null });
      const members = await c.query<{ key: string; unreadCount: number }>(`SELECT "threadId" || '/' || "userId" AS key, "unreadCount" FROM "ThreadMember"`);
      // a never read: the system notice and b's message. b read at 10:00: the notice and "after".
      expect(Object.fromEntries(members.rows.map((m) => [m.key, m.unreadCount]))).toEqual({ "th/ua": 2, "th/ub": 2, "empty/ub": 0 });
    } finally {
      await c.end().catch(() => {});
      await rm(dir, { recursive: true, force: true });
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    }
  });
});
