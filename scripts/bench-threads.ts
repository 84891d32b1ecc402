// `npm run bench:threads`: whether the chat pages cost the same with a long history. Builds
// the app (production, .next-e2e), starts the end-to-end server and makes two new people
// with six direct chats each (through the services): one's first chat has 100 messages,
// the other's 100,000. It times the server's full answer for the chat list, the home page
// and that long thread for both, taking turns request by request (so a busy machine slows
// both alike), and prints the ratios.
//
// The history is inserted in bulk and its counters rebuilt with recountThreads (the path
// for bulk loads); the timed pages only read.
//
//   npm run bench:threads                  build, then measure
//   npm run bench:threads -- --no-build    reuse the last .next-e2e build
//   npm run bench:threads -- --samples 40
//
// Uses the e2e server's ports and data folder: do not run it while the Playwright suite runs.
import { signUp } from "../lib/auth/sign-up.ts";
import { recountThreads } from "../lib/chat/counters.ts";
import { getOrCreateDirectThread } from "../lib/chat/threads.ts";
import type { Db } from "../lib/db/client.ts";
import { respondToFriendRequest, sendFriendRequest } from "../lib/social/friends.ts";
import { appDb, base, buildApp, ms, numberArg, percentile, signInCookie, startAppServer, step, stopAll } from "./bench/harness.ts";

const SAMPLES = numberArg("--samples", 60);
const SMALL = 100;
const LARGE = 100_000;
const TARGET_RATIO = 1.2;

async function newPerson(db: Db, name: string) {
  const email = `${name.toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@bench.test`;
  await signUp(db, { name, email, password: "bench-password" });
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true } });
  return { ...user, password: "bench-password" };
}

/**
 * Grows the thread to `total` messages, the k-th at ANCHOR - (LARGE - k) seconds, senders
 * alternating, so the newest is the same moment whatever the size; the reader has read all
 * but the newest 40 (20 of them from the friend: the unread count).
 */
const ANCHOR = new Date(Date.now() - 60_000);
async function growThread(db: Db, threadId: string, reader: string, friend: string, total: number) {
  const have = await db.message.count({ where: { threadId } });
  if (total > have) {
    await db.$executeRaw`
      INSERT INTO "Message" ("id", "threadId", "senderId", "kind", "body", "createdAt")
      SELECT 'bench-' || ${threadId} || '-' || k, ${threadId}, CASE WHEN k % 2 = 0 THEN ${reader} ELSE ${friend} END,
             'TEXT', 'message ' || k, ${ANCHOR}::timestamp(3) - make_interval(secs => ${LARGE}::int - k)
        FROM generate_series(${have + 1}::int, ${total}::int) AS k`;
  }
  await db.$executeRaw`
    UPDATE "ThreadMember"
       SET "lastReadAt" = (SELECT max("createdAt") FROM "Message" WHERE "threadId" = ${threadId}) - interval '40 seconds'
     WHERE "threadId" = ${threadId} AND "userId" = ${reader}`;
  await recountThreads(db, [threadId]);
  await db.$executeRawUnsafe(`ANALYZE "Message"`);
}

async function fetchPage(path: string, cookie: string) {
  const t0 = performance.now();
  const res = await fetch(base + path, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return { ms: performance.now() - t0, body };
}

/** A reader with six direct chats (made through the services), the first `size` messages long. */
async function reader(db: Db, name: string, size: number) {
  const me = await newPerson(db, name);
  const threads: string[] = [];
  for (let i = 0; i < 6; i++) {
    const friend = await newPerson(db, `${name}Friend${i}`);
    const { friendshipId } = await sendFriendRequest(db, me.id, { userId: friend.id });
    await respondToFriendRequest(db, friend.id, { friendshipId, accept: true });
    const { id } = await getOrCreateDirectThread(db, me.id, friend.id);
    await growThread(db, id, me.id, friend.id, i === 0 ? size : 20);
    threads.push(id);
  }
  const cookie = await signInCookie(me.email, me.password);
  return { size, cookie, pages: [
    { name: "chat list", path: "/chats" },
    { name: "home", path: "/" },
    { name: "thread", path: `/chats/${threads[0]}` },
  ] };
}

let failed = false;
try {
  buildApp();
  await startAppServer();
  const db = appDb();
  step(`two readers, each with six chats; the first chat ${SMALL} messages long for one, ${LARGE.toLocaleString("en")} for the other`);
  const t0 = Date.now();
  const small = await reader(db, "Small", SMALL);
  const large = await reader(db, "Large", LARGE);
  console.log(`  made in ${((Date.now() - t0) / 1000).toFixed(1)} s (bulk insert, then recountThreads)`);
  await db.$disconnect();
  // The list shows what it should before anything is read: the long chat's 20 unread
  // messages and 70 in all (the other five chats have 10 each).
  for (const who of [small, large]) {
    const { body } = await fetchPage("/chats", who.cookie);
    if (!body.includes('aria-label="20 unread"') || !body.includes('aria-label="70 unread"')) throw new Error("the chat list does not show the unread counts");
  }

  // Interleaved, so that whatever else the machine is doing weighs on both sizes alike.
  step(`${SAMPLES} requests per page and size, interleaved, after 5 to warm up`);
  const times = new Map<string, number[]>();
  for (let i = -5; i < SAMPLES; i++) {
    for (const p of [0, 1, 2]) {
      for (const who of i % 2 ? [small, large] : [large, small]) {
        const r = await fetchPage(who.pages[p].path, who.cookie);
        if (i >= 0) (times.get(`${who.size}/${p}`) ?? times.set(`${who.size}/${p}`, []).get(`${who.size}/${p}`)!).push(r.ms);
      }
    }
  }

  console.log(`\nServer time per page (full HTML), ${SAMPLES} requests each, production build`);
  console.log(`page        ${`${SMALL} msgs p50`.padStart(14)} ${`${LARGE.toLocaleString("en")} msgs p50`.padStart(18)}   ratio p50   ratio p95`);
  for (const [p, { name }] of small.pages.entries()) {
    const a = times.get(`${SMALL}/${p}`)!;
    const b = times.get(`${LARGE}/${p}`)!;
    const r50 = percentile(b, 50) / percentile(a, 50);
    const r95 = percentile(b, 95) / percentile(a, 95);
    console.log(`${name.padEnd(11)} ${ms(percentile(a, 50)).padStart(14)} ${ms(percentile(b, 50)).padStart(18)}   ${r50.toFixed(2).padStart(9)}   ${r95.toFixed(2).padStart(9)}`);
    if (r50 > TARGET_RATIO) failed = true;
  }
  console.log(`\nTarget: ratio ≤ ${TARGET_RATIO} (p50): ${failed ? "not met" : "met"}.`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  failed = true;
} finally {
  step("stopping the server");
  await stopAll();
}
process.exit(failed ? 1 : 0);
