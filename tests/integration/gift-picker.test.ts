// The gift picker's sections and search: friends-sent ranking by distinct friends in a
// 90-day window, only giftable products, hidden empty sections, no third-party pairs.
import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshStaleSearchText } from "../../lib/catalog/search-text.ts";
import { searchProducts } from "../../lib/catalog/search.ts";
import { listGiftZone } from "../../lib/catalog/shops.ts";
import type { Db } from "../../lib/db/client.ts";
import {
  FRIENDS_SENT_DAYS,
  giftPickerHeader,
  giftPickerSections,
  parsePickerQuery,
  searchGiftPicker,
  type PickerSection,
} from "../../lib/gifting/catalog.ts";
import { productGiftEligibility } from "../../lib/gifting/eligibility.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeProduct, makeShop, makeUser } from "./catalog-fixtures.ts";

const t = useTestDatabase();
const DAY = 24 * 3600_000;
const rnd = () => randomBytes(4).toString("hex");

type U = { id: string; name: string };
type P = { id: string; shopId: string; variants: { id: string; price: number }[] };

async function befriend(db: Db, a: U, b: U) {
  const [userAId, userBId] = [a.id, b.id].sort();
  await db.friendship.create({ data: { userAId, userBId, requesterId: a.id, status: "ACCEPTED", respondedAt: new Date() } });
}

const gifts: { senderId: string; recipientId: string }[] = [];

/** A paid gift from sender to recipient, sent `daysAgo` days ago, in a thread of theirs. */
async function sendGift(db: Db, sender: U, recipient: U, product: P, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY);
  const thread = await db.thread.create({
    data: { kind: "GROUP", title: `t-${rnd()}`, createdById: sender.id, members: { create: [{ userId: sender.id }, { userId: recipient.id }] } },
  });
  const v = product.variants[0];
  const order = await db.order.create({
    data: {
      buyerId: sender.id,
      shopId: product.shopId,
      productId: product.id,
      variantId: v.id,
      kind: "GIFT",
      status: "PAID",
      unitAmount: v.price,
      totalAmount: v.price,
      giftThreadId: thread.id,
      giftRecipientId: recipient.id,
      paidAt: at,
      createdAt: at,
    },
  });
  await db.gift.create({
    data: {
      orderId: order.id,
      senderId: sender.id,
      threadId: thread.id,
      recipientId: recipient.id,
      tokenHash: createHash("sha256").update(rnd()).digest("hex"),
      expiresAt: new Date(at.getTime() + DAY),
      createdAt: at,
    },
  });
  gifts.push({ senderId: sender.id, recipientId: recipient.id });
}

const ids = (s: PickerSection | undefined) => s?.products.map((p) => p.id) ?? [];
const section = (sections: PickerSection[], key: PickerSection["key"]) => sections.find((s) => s.key === key);

let viewer: U, chatFriend: U, f1: U, f2: U, f3: U, stranger: U, loner: U;
const p: Record<string, P> = {};
let viewerThreadId: string;
let followedShopId: string;
let offShopId: string;

beforeAll(async () => {
  const cats = await makeCategories(t.db);
  [viewer, chatFriend, f1, f2, f3, stranger, loner] = await Promise.all(
    ["Viewer Vivian", "Chat Friend Rita", "Friend Fang", "Friend Feng", "Friend Fei", "Stranger Sam", "Loner Lou"].map((n) => makeUser(t.db, n)),
  );
  for (const f of [chatFriend, f1, f2, f3]) await befriend(t.db, viewer, f);
  await befriend(t.db, f1, stranger); // friends of friends are not the viewer's friends
  const thread = await t.db.thread.create({
    data: {
      kind: "DIRECT",
      directKey: [viewer.id, chatFriend.id].sort().join(":"),
      createdById: viewer.id,
      members: { create: [{ userId: viewer.id }, { userId: chatFriend.id }] },
    },
  });
  viewerThreadId = thread.id;

  const merchant = await makeUser(t.db, "Merchant Mo");
  const shop = await makeShop(t.db, merchant.id, { name: "Everyday Shop" });
  const followed = await makeShop(t.db, merchant.id, { name: "Followed Shop" });
  const off = await makeShop(t.db, merchant.id, { name: "Gifting Off Shop", giftingEnabled: false });
  followedShopId = followed.id;
  offShopId = off.id;
  const add = async (key: string, shopId: string, categoryId: string, opts: Parameters<typeof makeProduct>[3] = {}) => {
    p[key] = await makeProduct(t.db, shopId, categoryId, { title: `Item ${key}`, ...opts });
  };
  await add("A", shop.id, cats.tea.id);
  await add("B", shop.id, cats.tea.id);
  await add("C", shop.id, cats.tea.id);
  await add("D", shop.id, cats.tea.id);
  await add("W", shop.id, cats.tea.id);
  await add("jewel", shop.id, cats.jewelry.id);
  await add("soldOut", shop.id, cats.tea.id, { variants: [{ stock: 0 }] });
  await add("tooDear", shop.id, cats.tea.id, { variants: [{ price: 1_000_000, originalPrice: 1_000_001 }] });
  await add("draft", shop.id, cats.tea.id, { published: false });
  await add("off", off.id, cats.tea.id, { giftZoneRank: 1 });
  await add("followedNew", followed.id, cats.tea.id);
  await add("followedZone", followed.id, cats.tea.id, { giftZoneRank: 1 });
  await add("followedSoldOut", followed.id, cats.tea.id, { giftZoneRank: 2, variants: [{ stock: 0 }] });
  await add("zone1", shop.id, cats.tea.id, { giftZoneRank: 2 });
  await add("zone0", shop.id, cats.tea.id, { giftZoneRank: 1 });
  await add("zoneSoldOut", shop.id, cats.tea.id, { giftZoneRank: 3, variants: [{ stock: 0 }] });
  await t.db.shopFollow.create({ data: { userId: viewer.id, shopId: followed.id } });

  // A: two different friends (to people the viewer does not know of). B: one friend, three times.
  await sendGift(t.db, f1, stranger, p.A, 10);
  await sendGift(t.db, f2, chatFriend, p.A, 5);
  await sendGift(t.db, f3, f1, p.B, 1);
  await sendGift(t.db, f3, f1, p.B, 2);
  await sendGift(t.db, f3, stranger, p.B, 3);
  // W: just inside the window; C: just outside it.
  await sendGift(t.db, f2, stranger, p.W, FRIENDS_SENT_DAYS - 1);
  await sendGift(t.db, f1, stranger, p.C, FRIENDS_SENT_DAYS + 1);
  // Not the viewer's friend: never counts.
  await sendGift(t.db, stranger, f1, p.D, 1);
  await sendGift(t.db, stranger, f2, p.D, 1);
  await sendGift(t.db, stranger, f3, p.D, 1);
  // Friends sent them, but they cannot be gifted now.
  await sendGift(t.db, f1, f2, p.jewel, 1);
  await sendGift(t.db, f2, f1, p.soldOut, 1);
  await sendGift(t.db, f3, f2, p.tooDear, 1);
  await sendGift(t.db, f1, f3, p.off, 1);
  // The viewer's own gifts: one to the chat friend, one received.
  await sendGift(t.db, viewer, chatFriend, p.D, 4);
  await sendGift(t.db, chatFriend, viewer, p.zone1, 2);
  await refreshStaleSearchText(t.db);
});

describe("gift picker sections", () => {
  it("ranks what friends sent by how many different friends sent it, within 90 days", async () => {
    const sections = await giftPickerSections(t.db, viewer.id);
    const friendsSent = section(sections, "friendsSent")!;
    // A (2 friends), then the one-friend products by their newest gift: B (one friend three
    // times, 1 day ago), zone1 (the chat friend's gift to the viewer, 2 days), W (89 days).
    expect(friendsSent.products.map((x) => [x.id, x.friendCount])).toEqual([
      [p.A.id, 2],
      [p.B.id, 1],
      [p.zone1.id, 1],
      [p.W.id, 1],
    ]);
    expect(ids(friendsSent)).not.toContain(p.C.id); // 91 days ago
    expect(ids(friendsSent)).not.toContain(p.D.id); // a stranger sent it 3 times; the viewer's own gift is not a friend's
  });

  it("moves the 90-day window with the clock", async () => {
    const later = await giftPickerSections(t.db, viewer.id, { now: new Date(Date.now() + 3 * DAY) });
    expect(ids(section(later, "friendsSent"))).not.toContain(p.W.id);
    const earlier = await giftPickerSections(t.db, viewer.id, { now: new Date(Date.now() - 3 * DAY) });
    expect(ids(section(earlier, "friendsSent"))).toEqual(expect.arrayContaining([p.A.id, p.C.id]));
  });

  it("shows followed shops, what the viewer sent, gift zones and more; each product once", async () => {
    const sections = await giftPickerSections(t.db, viewer.id);
    expect(sections.map((s) => (s.key === "giftZone" ? `zone:${s.shop.name}` : s.key))).toEqual([
      "friendsSent",
      "followedShops",
      "sentBefore",
      "zone:Everyday Shop",
      "more",
    ]);
    expect(ids(section(sections, "followedShops"))).toEqual([p.followedZone.id, p.followedNew.id]);
    expect(ids(section(sections, "sentBefore"))).toEqual([p.D.id]);
    // zone1 already showed under "Friends sent"; the followed shop's zone under its section.
    expect(ids(section(sections, "giftZone"))).toEqual([p.zone0.id]);
    const all = sections.flatMap(ids);
    expect(new Set(all).size).toBe(all.length);
  });

  it("lists only products that can be gifted right now", async () => {
    const sections = await giftPickerSections(t.db, viewer.id);
    const all = sections.flatMap(ids);
    for (const key of ["jewel", "soldOut", "tooDear", "draft", "off", "followedSoldOut", "zoneSoldOut"]) {
      expect(all, key).not.toContain(p[key].id);
    }
    const rows = await t.db.product.findMany({
      where: { id: { in: all } },
      select: {
        published: true,
        shop: { select: { giftingEnabled: true } },
        category: { select: { giftEligible: true } },
        variants: { select: { id: true, originalPrice: true, stock: true } },
      },
    });
    expect(rows).toHaveLength(all.length);
    for (const row of rows) expect(productGiftEligibility(row).eligible).toBe(true);
  });

  it("hides empty sections instead of showing them empty", async () => {
    const sections = await giftPickerSections(t.db, loner.id);
    expect(sections.map((s) => s.key)).toEqual(["giftZone", "giftZone", "more"]);
    expect(sections.every((s) => s.products.length > 0)).toBe(true);
    // With gifting off everywhere and nothing giftable, nothing at all.
    await t.db.shop.updateMany({ data: { giftingEnabled: false } });
    try {
      expect(await giftPickerSections(t.db, viewer.id)).toEqual([]);
    } finally {
      await t.db.shop.updateMany({ where: { id: { not: offShopId } }, data: { giftingEnabled: true } });
    }
  });

  it("never reveals a sender–recipient pair the viewer was not part of", async () => {
    const people = await t.db.user.findMany({ select: { id: true, name: true, email: true, lanbaoId: true } });
    const byId = new Map(people.map((u) => [u.id, u]));
    const responses = [
      await giftPickerSections(t.db, viewer.id),
      await giftPickerSections(t.db, viewer.id, { now: new Date(Date.now() - 3 * DAY) }),
      await searchGiftPicker(t.db, "item"),
      await giftPickerHeader(t.db, viewer.id, viewerThreadId),
    ].map((r) => JSON.stringify(r));
    const foreign = gifts.filter((g) => g.senderId !== viewer.id && g.recipientId !== viewer.id);
    expect(foreign.length).toBeGreaterThan(5);
    for (const body of responses) {
      for (const g of foreign) {
        for (const u of [byId.get(g.senderId)!, byId.get(g.recipientId)!]) {
          // The chat friend's name is the picker's header; they must not appear as anyone's sender or recipient.
          if (u.id === chatFriend.id && body.includes('"kind":"friend"')) continue;
          for (const secret of [u.id, u.email, u.lanbaoId, u.name]) expect(body.includes(secret), `${u.name} in ${body.slice(0, 80)}`).toBe(false);
        }
      }
    }
    // Even in the header, only the chat friend's name and id: nothing about gifts.
    expect(responses[3]).toBe(JSON.stringify({ kind: "friend", friend: { id: chatFriend.id, name: chatFriend.name } }));
  });
});

describe("gift picker search", () => {
  it("shows only giftable products, and searching from the picker ranks giftable ones first", async () => {
    const cats = await makeCategories(t.db);
    const merchant = await makeUser(t.db, "Mug Maker");
    const shop = await makeShop(t.db, merchant.id, { name: "Clay Works" });
    const jewelMug = await makeProduct(t.db, shop.id, cats.jewelry.id, { title: "Mug" });
    const plainMug = await makeProduct(t.db, shop.id, cats.tea.id, { title: "Tea cup and mug" });
    await refreshStaleSearchText(t.db);
    const fromShop = await searchProducts(t.db, "mug");
    expect(fromShop.items.map((i) => i.id)).toEqual([jewelMug.id, plainMug.id]); // exact title first
    const fromPicker = await searchProducts(t.db, "mug", { context: "gift" });
    expect(fromPicker.items.map((i) => i.id)).toEqual([plainMug.id, jewelMug.id]);
    expect((await searchGiftPicker(t.db, "mug")).map((i) => i.id)).toEqual([plainMug.id]);
    expect((await searchGiftPicker(t.db, "item sold")).map((i) => i.id)).toEqual([]);
  });

  it("validates its parameters: too long or repeated ones are dropped and reported", () => {
    expect(parsePickerQuery({ q: " 茶 ", message: " Hi " })).toEqual({ query: { q: "茶", message: "Hi" }, errors: [] });
    expect(parsePickerQuery({})).toEqual({ query: { q: "", message: "" }, errors: [] });
    expect(parsePickerQuery({ q: "x".repeat(101), message: "m".repeat(51) })).toEqual({
      query: { q: "", message: "" },
      errors: ["gift.pickerQueryTooLong", "gift.pickerMessageTooLong"],
    });
    expect(parsePickerQuery({ q: ["a", "b"] })).toEqual({ query: { q: "", message: "" }, errors: ["validation.invalid"] });
  });

  it("is for the chat's friend, or in a group for a member chosen on the next step", async () => {
    const group = await t.db.thread.create({
      data: { kind: "GROUP", title: "Hikers", createdById: viewer.id, members: { create: [viewer, f1, f2].map((u) => ({ userId: u.id })) } },
    });
    expect(await giftPickerHeader(t.db, viewer.id, group.id)).toEqual({ kind: "group", title: "Hikers", memberCount: 2 });
    expect(await giftPickerHeader(t.db, viewer.id, viewerThreadId)).toEqual({ kind: "friend", friend: { id: chatFriend.id, name: chatFriend.name } });
  });

  it("answers a thread the viewer is not in like a missing one", async () => {
    expect(await giftPickerHeader(t.db, loner.id, viewerThreadId)).toBeNull();
    expect(await giftPickerHeader(t.db, viewer.id, "no-such-thread")).toBeNull();
  });
});

describe("a shop's gift zone", () => {
  it("lists only featured products that can be gifted now, in the merchant's order", async () => {
    const zone = await listGiftZone(t.db, p.zone0.shopId);
    expect(zone.map((c) => c.id)).toEqual([p.zone0.id, p.zone1.id]); // zoneSoldOut waits off the list
    expect(zone.every((c) => c.giftable)).toBe(true);
    await t.db.variant.updateMany({ where: { productId: p.zoneSoldOut.id }, data: { stock: 5 } });
    expect((await listGiftZone(t.db, p.zone0.shopId)).map((c) => c.id)).toEqual([p.zone0.id, p.zone1.id, p.zoneSoldOut.id]);
    expect((await listGiftZone(t.db, followedShopId)).map((c) => c.id)).toEqual([p.followedZone.id]);
  });

  it("disappears when the shop's gifting is off", async () => {
    expect(await listGiftZone(t.db, offShopId)).toEqual([]);
    await t.db.shop.update({ where: { id: followedShopId }, data: { giftingEnabled: false } });
    try {
      expect(await listGiftZone(t.db, followedShopId)).toEqual([]);
    } finally {
      await t.db.shop.update({ where: { id: followedShopId }, data: { giftingEnabled: true } });
    }
  });
});
