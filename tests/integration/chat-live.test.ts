// Live events carry what they announce: a posted message and a gift card's new state
// arrive whole (so an open thread needs no further request), stay within NOTIFY's size
// limit, and hold only what every member of the thread may see.
import { afterAll, describe, expect, it } from "vitest";
import { listMessages, sendTextMessage } from "../../lib/chat/messages.ts";
import { postMessage } from "../../lib/chat/post-message.ts";
import { RealtimeListener, type ListenerEvent } from "../../lib/realtime/listener.ts";
import { MAX_PAYLOAD_BYTES, payloadsFor, publishGiftChanged } from "../../lib/realtime/publish.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeGiftOrder, makeProduct, makeShop, makeUser, SECRET_ADDRESS } from "./catalog-fixtures.ts";

const t = useTestDatabase();
let listener: RealtimeListener;
afterAll(async () => {
  await listener?.close();
});

async function ready() {
  listener ??= new RealtimeListener({ connectionString: t.url, log: () => {} });
  expect(await listener.ready()).toBe(true);
  return listener;
}

/** Everything delivered to `userId` until `until` matches (or 5 s pass). */
function collect(l: RealtimeListener, userId: string, until: (e: ListenerEvent) => boolean) {
  const seen: ListenerEvent[] = [];
  const done = new Promise<ListenerEvent[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching event; saw ${JSON.stringify(seen)}`));
    }, 5000);
    const off = l.subscribe(userId, (e) => {
      seen.push(e);
      if (!until(e)) return;
      clearTimeout(timer);
      off();
      resolve(seen);
    });
  });
  return done;
}

async function directThread(a: { id: string }, b: { id: string }) {
  return t.db.thread.create({
    data: { kind: "DIRECT", createdById: a.id, directKey: [a.id, b.id].sort().join(":"), members: { create: [{ userId: a.id }, { userId: b.id }] } },
  });
}

describe("message events", () => {
  it("carry the message itself, the same one the thread page lists, to every member", async () => {
    const l = await ready();
    const [ann, bo] = [await makeUser(t.db, "Ann"), await makeUser(t.db, "Bo")];
    const thread = await directThread(ann, bo);
    const isMsg = (e: ListenerEvent) => e.type === "message";
    const toBo = collect(l, bo.id, isMsg);
    const toAnn = collect(l, ann.id, isMsg);
    const sent = await sendTextMessage(t.db, ann.id, { threadId: thread.id, body: "你好 Bo, see \"this\"\nnext line" });
    const expected = { type: "message", threadId: thread.id, messageId: sent.id, message: sent };
    expect(await toBo).toEqual([expected]);
    expect(await toAnn).toEqual([expected]);
    expect((await listMessages(t.db, bo.id, thread.id)).messages).toEqual([sent]);
    expect(sent).toMatchObject({ kind: "TEXT", body: "你好 Bo, see \"this\"\nnext line", sender: { id: ann.id, name: "Ann" } });
  });

  it("a message too big for NOTIFY goes out as its id only, and still arrives", async () => {
    const l = await ready();
    // A full group with a 2000-character Chinese message: about 2.6 kB of member ids and 6 kB of text.
    const members = await Promise.all(Array.from({ length: 100 }, (_, i) => makeUser(t.db, `M${i}`)));
    const group = await t.db.thread.create({
      data: { kind: "GROUP", title: "Big", createdById: members[0].id, members: { create: members.map((m) => ({ userId: m.id })) } },
    });
    const got = collect(l, members[99].id, (e) => e.type === "message");
    const sent = await sendTextMessage(t.db, members[0].id, { threadId: group.id, body: "长".repeat(2000) });
    expect(await got).toEqual([{ type: "message", threadId: group.id, messageId: sent.id }]);
    // And a short one in the same group travels whole.
    const short = collect(l, members[99].id, (e) => e.type === "message");
    const hi = await sendTextMessage(t.db, members[1].id, { threadId: group.id, body: "hi" });
    expect(await short).toEqual([{ type: "message", threadId: group.id, messageId: hi.id, message: hi }]);
  });

  it("in a group too large for one payload, every member is told, the first and the last", async () => {
    const l = await ready();
    const members = await Promise.all(Array.from({ length: 400 }, (_, i) => makeUser(t.db, `L${i}`)));
    const group = await t.db.thread.create({
      data: { kind: "GROUP", title: "Huge", createdById: members[0].id, members: { create: members.map((m) => ({ userId: m.id })) } },
    });
    const first = collect(l, members[1].id, (e) => e.type === "message");
    const last = collect(l, members[399].id, (e) => e.type === "message");
    const sent = await sendTextMessage(t.db, members[0].id, { threadId: group.id, body: "hi all" });
    const slim = { type: "message", threadId: group.id, messageId: sent.id };
    expect(await first).toEqual([slim]);
    expect(await last).toEqual([slim]);
  });

  it("payloads stay under the limit whatever they carry", () => {
    const users = Array.from({ length: 100 }, (_, i) => `user-${i}-${"x".repeat(20)}`);
    const message = { id: "m", cursor: "c", kind: "TEXT" as const, body: "\u0001".repeat(2000), sender: null, systemKey: null, systemArg: null, createdAt: "", gift: null };
    const payloads = payloadsFor(users, { type: "message", threadId: "t", messageId: "m", message });
    expect(payloads).toHaveLength(1);
    expect(Buffer.byteLength(payloads[0])).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(JSON.parse(payloads[0])).toEqual({ users, event: { type: "message", threadId: "t", messageId: "m" } });
  });

  it("publish splits the users of a group too large for one payload", () => {
    const event = { type: "message" as const, threadId: "c".repeat(25), messageId: "c".repeat(25) };
    const many = Array.from({ length: 600 }, (_, i) => `cm${String(i).padStart(23, "0")}`);
    const split = payloadsFor(many, event);
    expect(split.length).toBeGreaterThan(1);
    for (const p of split) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(split.flatMap((p) => (JSON.parse(p) as { users: string[] }).users)).toEqual(many);
  });
});

describe("gift events", () => {
  async function giftWorld() {
    const cats = await makeCategories(t.db);
    const merchant = await makeUser(t.db, "Merchant");
    const shop = await makeShop(t.db, merchant.id);
    const product = await makeProduct(t.db, shop.id, cats.tea.id, { title: "Longjing 龙井", images: ["/p/longjing.webp"] });
    const sender = await makeUser(t.db, "Sender");
    const recipient = await makeUser(t.db, "Recipient");
    return { product, sender, recipient };
  }

  it("a gift message and a gift's change carry the card, and never where the parcel goes", async () => {
    const l = await ready();
    const w = await giftWorld();
    const { gift, thread } = await makeGiftOrder(t.db, w.sender.id, w.recipient.id, w.product, { accepted: true });

    const raw: string[] = [];
    const tap = (await import("pg")).default;
    const spy = new tap.Client({ connectionString: t.url });
    await spy.connect();
    spy.on("notification", (n) => raw.push(n.payload ?? ""));
    await spy.query("LISTEN lanbao_events");
    try {
      const posted = collect(l, w.recipient.id, (e) => e.type === "message");
      await t.db.$transaction((tx) => postMessage(tx, { threadId: thread.id, senderId: w.sender.id, kind: "GIFT", giftId: gift.id }));
      const [event] = await posted;
      expect(event).toMatchObject({
        type: "message",
        message: { kind: "GIFT", gift: { giftId: gift.id, status: "ACCEPTED", productTitle: "Longjing 龙井", productImage: "/p/longjing.webp" } },
      });

      const changed = collect(l, w.sender.id, (e) => e.type === "gift");
      await t.db.$transaction((tx) => publishGiftChanged(tx, thread.id, gift.id));
      const [giftEvent] = await changed;
      expect(giftEvent).toMatchObject({ type: "gift", threadId: thread.id, giftId: gift.id, card: { giftId: gift.id, status: "ACCEPTED", recipientName: "Recipient" } });

      // Both events as they crossed the database: nothing of the address.
      await new Promise((r) => setTimeout(r, 100));
      expect(raw).toHaveLength(2);
      for (const payload of raw) for (const value of Object.values(SECRET_ADDRESS)) expect(payload).not.toContain(value);
    } finally {
      await spy.end();
    }
  });
});
