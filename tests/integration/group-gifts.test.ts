// Group gifts (first come first served) and gift lotteries, against the real database and
// the Stripe sandbox: who may take or enter, never more claims than units, refunds per
// unit, and a draw that anyone can recompute from the revealed seed.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client.ts";
import { getGiftCards } from "../../lib/gifting/cards.ts";
import { drawWinners } from "../../lib/gifting/draw.ts";
import { expireGift } from "../../lib/gifting/expire.ts";
import { takeGroupUnit } from "../../lib/gifting/group.ts";
import { groupGiftView } from "../../lib/gifting/group-view.ts";
import { acceptLotteryWin, drawLottery, enterLottery, nodeHmac } from "../../lib/gifting/lottery.ts";
import { findGiftRoute, findRecentGiftRoute, giftToken } from "../../lib/gifting/token.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { getStripe } from "../../lib/payments/stripe.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { makeProduct, makeUser, SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);

async function keyOf(p: Promise<unknown>) {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.key;
    throw e;
  }
}

/** A sender and `n` other members in a group chat, and a product. */
async function group(n: number, product: Parameters<typeof makeProduct>[1] = { variants: [{ name: "Cup", price: 1500, stock: 500 }] }) {
  const sender = await makeUser(t.db, "Host");
  const tag = randomBytes(4).toString("hex");
  const rows = Array.from({ length: n }, (_, i) => ({ id: `m-${tag}-${i}`, name: `Member ${i}`, email: `m-${tag}-${i}@example.com`, lanbaoId: `lb${tag}${i}` }));
  await t.db.user.createMany({ data: rows });
  const members = rows.map(({ id, name }) => ({ id, name }));
  const thread = await t.db.thread.create({
    data: { kind: "GROUP", title: "Team", createdById: sender.id, members: { create: [sender, ...members].map((u) => ({ userId: u.id })) } },
  });
  return { sender, members, thread, ...(await makeProduct(t.db, product)) };
}
type Group = Awaited<ReturnType<typeof group>>;

async function paid(g: Group, input: { mode: "GROUP" | "LOTTERY"; units: number; drawAt?: Date; eligibleUserIds?: string[] }) {
  const { orderId } = await startCheckout(t.db, g.sender.id, { kind: "GROUP_GIFT", variantId: g.variants[0].id, threadId: g.thread.id, message: "大家辛苦了", ...input });
  const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  await pay.pay(order.stripeCheckoutSessionId!);
  return t.db.gift.findUniqueOrThrow({ where: { orderId } });
}

async function refunded(orderId: string) {
  const o = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  const pi = await getStripe().paymentIntents.retrieve(o.stripePaymentIntentId!);
  return (await getStripe().charges.retrieve(pi.latest_charge as string)).amount_refunded;
}
const stock = async (g: Group) => (await t.db.variant.findUniqueOrThrow({ where: { id: g.variants[0].id } })).stock;
const take = (userId: string, giftId: string) => takeGroupUnit(t.db, userId, { giftId, shipping: SAMPLE_ADDRESS });

describe("paying for a group gift or lottery", () => {
  it("checks the chat, the units and the draw time before any order exists", async () => {
    const g = await group(3);
    const direct = await makeUser(t.db);
    const start = (over: Record<string, unknown>, who = g.sender.id) =>
      keyOf(startCheckout(t.db, who, { kind: "GROUP_GIFT", mode: "GROUP", variantId: g.variants[0].id, threadId: g.thread.id, units: 2, ...over } as never));
    const before = await t.db.order.count();
    expect(await start({}, direct.id)).toBe("checkout.notGroupMember");
    expect(await start({ units: 1 })).toBe("checkout.group.unitsTooFew");
    expect(await start({ units: 4 })).toBe("checkout.group.moreUnitsThanMembers");
    expect(await start({ mode: "LOTTERY", units: 1 })).toBe("checkout.lottery.drawAtInvalid");
    expect(await start({ mode: "LOTTERY", units: 1, drawAt: new Date(Date.now() + 5_000) })).toBe("checkout.lottery.drawTooSoon");
    expect(await start({ mode: "LOTTERY", units: 1, drawAt: new Date(Date.now() + 25 * 3600_000) })).toBe("checkout.lottery.drawTooLate");
    expect(await start({ mode: "LOTTERY", units: 1, drawAt: new Date(Date.now() + 60_000), eligibleUserIds: [direct.id] })).toBe("checkout.lottery.notMembers");
    expect(await start({ mode: "LOTTERY", units: 2, drawAt: new Date(Date.now() + 60_000), eligibleUserIds: [g.members[0].id] })).toBe("checkout.lottery.moreUnitsThanEntrants");
    expect(await t.db.order.count()).toBe(before);
  });

  it("charges units × price in one checkout and posts one card", async () => {
    const g = await group(4);
    const gift = await paid(g, { mode: "GROUP", units: 3 });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: gift.orderId } });
    expect(order).toMatchObject({ status: "PAID", quantity: 3, totalAmount: 4500, giftMode: "GROUP" });
    expect(gift).toMatchObject({ mode: "GROUP", units: 3, unitsClaimed: 0, status: "WAITING", recipientId: null });
    expect(await stock(g)).toBe(497);
    expect(await t.db.message.count({ where: { threadId: g.thread.id, kind: "GIFT" } })).toBe(1);
  });
});

describe("group gifts: first come first served", () => {
  it("finds the gift by its link in one statement; a rush asks the database once a second, a miss every time", async () => {
    const g = await group(2);
    const gift = await paid(g, { mode: "GROUP", units: 2 });
    const token = giftToken(gift.id);
    const route = { id: gift.id, mode: "GROUP", threadId: g.thread.id, order: { id: gift.orderId, variantId: g.variants[0].id, product: { kind: "PHYSICAL" } } };
    expect(await findGiftRoute(t.db, { token })).toEqual(route);
    expect(await findGiftRoute(t.db, { giftId: gift.id })).toEqual(route);
    expect(await findGiftRoute(t.db, { token: "x".repeat(43) })).toBeNull();

    // Count the lookups a burst of takers makes.
    let lookups = 0;
    const counting = new Proxy(t.db, {
      get: (target, prop, receiver) => (prop === "$queryRaw" ? (...args: unknown[]) => (lookups++, (target.$queryRaw as (...a: unknown[]) => unknown)(...args)) : Reflect.get(target, prop, receiver)),
    });
    const burst = await Promise.all(Array.from({ length: 20 }, () => findRecentGiftRoute(counting, token)));
    expect(burst.every((r) => JSON.stringify(r) === JSON.stringify(route))).toBe(true);
    expect(lookups).toBe(1);
    const missing = "y".repeat(43);
    await findRecentGiftRoute(counting, missing);
    await findRecentGiftRoute(counting, missing);
    expect(lookups).toBe(3);
  });

  it("members take one each; the sender, a second try, outsiders and latecomers are refused", async () => {
    const g = await group(4);
    const gift = await paid(g, { mode: "GROUP", units: 2 });
    const outsider = await makeUser(t.db);
    expect(await keyOf(take(g.sender.id, gift.id))).toBe("gift.group.senderCannotTake");
    expect(await keyOf(take(outsider.id, gift.id))).toBe("gift.notFound");
    expect(await keyOf(take(g.members[0].id, gift.id))).toBe("ok");
    expect(await keyOf(take(g.members[0].id, gift.id))).toBe("gift.group.alreadyTaken");
    // A member who left the group cannot take one.
    await t.db.threadMember.delete({ where: { threadId_userId: { threadId: g.thread.id, userId: g.members[3].id } } });
    expect(await keyOf(take(g.members[3].id, gift.id))).toBe("gift.notFound");
    expect(await keyOf(take(g.members[1].id, gift.id))).toBe("ok");
    expect(await keyOf(take(g.members[2].id, gift.id))).toBe("gift.group.allTaken");

    const after = await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } });
    expect(after).toMatchObject({ status: "ACCEPTED", unitsClaimed: 2 });
    expect(await t.db.giftClaim.count({ where: { giftId: gift.id } })).toBe(2);
    expect(await t.db.message.count({ where: { threadId: g.thread.id, systemKey: "groupGiftAllTaken" } })).toBe(1);
    // All taken: the expiry has nothing to do, nothing is refunded.
    expect(await expireGift(t.db, gift.id, { now: new Date(Date.now() + 25 * 3600_000) })).toBe("closed");
    expect(await refunded(gift.orderId)).toBe(0);
  });

  it("1,000 members racing for 100 units: exactly 100 claims, 900 clear 'all taken', counters and stock consistent", async () => {
    const g = await group(1000, { variants: [{ name: "Cup", price: 800, stock: 200 }] });
    const gift = await paid(g, { mode: "GROUP", units: 100 });
    const wide = createDb(t.url, { max: 20 });
    try {
      const results = await Promise.allSettled(g.members.map((m) => takeGroupUnit(wide, m.id, { giftId: gift.id, shipping: SAMPLE_ADDRESS })));
      const ok = results.filter((r) => r.status === "fulfilled").length;
      const refusals = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as DomainError).key] : []));
      expect(ok).toBe(100);
      expect(refusals).toHaveLength(900);
      expect(new Set(refusals)).toEqual(new Set(["gift.group.allTaken"]));
    } finally {
      await wide.$disconnect();
    }
    const claims = await t.db.giftClaim.findMany({ where: { giftId: gift.id }, select: { recipientId: true } });
    expect(claims).toHaveLength(100);
    expect(new Set(claims.map((c) => c.recipientId)).size).toBe(100);
    expect(await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).toMatchObject({ unitsClaimed: 100, status: "ACCEPTED" });
    expect(await stock(g)).toBe(100); // 100 paid for and taken; none went back
    expect(await refunded(gift.orderId)).toBe(0);
  }, 120_000);

  it("units nobody took in 24 hours are refunded per unit, in one refund, and the stock returns", async () => {
    const g = await group(5);
    const gift = await paid(g, { mode: "GROUP", units: 5 });
    await take(g.members[0].id, gift.id);
    await take(g.members[1].id, gift.id);
    expect(await expireGift(t.db, gift.id, { now: new Date(Date.now() + 25 * 3600_000) })).toBe("expired");
    expect(await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).toMatchObject({ status: "EXPIRED", unitsClaimed: 2 });
    expect(await t.db.order.findUniqueOrThrow({ where: { id: gift.orderId } })).toMatchObject({ status: "PAID" });
    expect(await t.db.refund.findMany({ where: { orderId: gift.orderId } })).toMatchObject([{ amount: 4500, status: "SUCCEEDED", reason: "giftExpired" }]);
    expect(await refunded(gift.orderId)).toBe(4500);
    expect(await stock(g)).toBe(498); // 500 - 5 paid for + 3 nobody took
    expect(await t.db.message.count({ where: { threadId: g.thread.id, systemKey: "giftExpired" } })).toBe(1);
    expect(await keyOf(take(g.members[2].id, gift.id))).toBe("gift.expired");
  });
});

describe("gift lotteries", () => {
  async function lottery(g: Group, units: number, opts: { eligibleUserIds?: string[] } = {}) {
    const gift = await paid(g, { mode: "LOTTERY", units, drawAt: new Date(Date.now() + 60_000), ...opts });
    return gift;
  }
  const atDraw = (gift: { drawAt: Date | null }) => new Date(gift.drawAt!.getTime() + 1);
  const enter = (userId: string, giftId: string) => keyOf(enterLottery(t.db, userId, { giftId }));

  it("members enter once until the draw; the sender, outsiders and members not chosen cannot", async () => {
    const g = await group(4);
    const gift = await lottery(g, 1, { eligibleUserIds: [g.members[0].id, g.members[1].id] });
    const outsider = await makeUser(t.db);
    expect(await enter(g.members[0].id, gift.id)).toBe("ok");
    expect(await enter(g.members[0].id, gift.id)).toBe("ok"); // twice is one entry
    expect(await enter(g.members[2].id, gift.id)).toBe("gift.lottery.notEligible");
    expect(await enter(g.sender.id, gift.id)).toBe("gift.lottery.senderCannotEnter");
    expect(await enter(outsider.id, gift.id)).toBe("gift.notFound");
    expect(await t.db.lotteryEntry.count({ where: { giftId: gift.id } })).toBe(1);
    expect((await getGiftCards(t.db, [gift.id])).get(gift.id)?.lottery).toMatchObject({ entrants: 1, drawn: false });
    // After the draw time, entries are closed.
    await t.db.gift.update({ where: { id: gift.id }, data: { drawAt: new Date(Date.now() - 1000) } });
    expect(await enter(g.members[1].id, gift.id)).toBe("gift.lottery.closed");
  });

  it("draws at its time with the published algorithm, refunds the prizes nobody won, and reveals the seed only then", async () => {
    const g = await group(6);
    const gift = await lottery(g, 3);
    for (const m of g.members.slice(0, 2)) await enterLottery(t.db, m.id, { giftId: gift.id });
    const { seed } = await t.db.lotterySeed.findUniqueOrThrow({ where: { giftId: gift.id } });
    expect(gift.seedCommitment).toBe(createHash("sha256").update(Buffer.from(seed, "hex")).digest("hex"));

    // Before the draw the seed is in nothing a member or the sender can read.
    const before = JSON.stringify([
      await getGiftCards(t.db, [gift.id]),
      await groupGiftView(t.db, gift.id, g.members[0].id, "member"),
      await groupGiftView(t.db, gift.id, g.sender.id, "sender"),
      await t.db.message.findMany({ where: { threadId: g.thread.id } }),
    ]);
    expect(before).not.toContain(seed);
    expect(await drawLottery(t.db, gift.id)).toBe("not-due");

    expect(await drawLottery(t.db, gift.id, { now: atDraw(gift) })).toBe("drawn");
    expect(await drawLottery(t.db, gift.id, { now: atDraw(gift) })).toBe("closed");
    const drawn = await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } });
    expect(drawn).toMatchObject({ status: "DRAWN", revealedSeed: seed, unitsClaimed: 2 });
    const entrants = g.members.slice(0, 2).map((m) => m.id);
    const expected = await drawWinners(seed, entrants, 3, nodeHmac);
    const claims = await t.db.giftClaim.findMany({ where: { giftId: gift.id } });
    expect(claims.map((c) => c.recipientId).sort()).toEqual([...expected].sort());
    expect(claims.every((c) => c.status === "WON" && c.shipName === null)).toBe(true);
    // 3 prizes, 2 entrants: one prize refunded at the draw.
    expect(await t.db.refund.findMany({ where: { orderId: gift.orderId } })).toMatchObject([{ amount: 1500, reason: "lotteryUnwon", status: "SUCCEEDED" }]);
    const view = await groupGiftView(t.db, gift.id, g.members[0].id, "member");
    expect(view.lottery).toMatchObject({ seed, commitment: gift.seedCommitment });
    expect(view.lottery?.winnerIds.sort()).toEqual([...expected].sort());
    expect(await t.db.message.count({ where: { threadId: g.thread.id, systemKey: "lotteryDrawn" } })).toBe(1);
  });

  it("winners accept with an address; one who does not is refunded at the end of the 24 hours", async () => {
    const g = await group(3);
    const gift = await lottery(g, 2);
    for (const m of g.members.slice(0, 2)) await enterLottery(t.db, m.id, { giftId: gift.id });
    await drawLottery(t.db, gift.id, { now: atDraw(gift) });
    const [a, b] = g.members;
    expect(await keyOf(acceptLotteryWin(t.db, g.members[2].id, { giftId: gift.id, shipping: SAMPLE_ADDRESS }))).toBe("gift.notFound");
    expect(await keyOf(acceptLotteryWin(t.db, a.id, { giftId: gift.id, shipping: null }))).toBe("gift.addressRequired");
    expect(await keyOf(acceptLotteryWin(t.db, a.id, { giftId: gift.id, shipping: SAMPLE_ADDRESS }))).toBe("ok");
    expect(await keyOf(acceptLotteryWin(t.db, a.id, { giftId: gift.id, shipping: SAMPLE_ADDRESS }))).toBe("gift.alreadyAccepted");
    const expired = await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } });
    expect(await expireGift(t.db, gift.id, { now: new Date(expired.expiresAt.getTime() + 1) })).toBe("expired");
    const claims = Object.fromEntries((await t.db.giftClaim.findMany({ where: { giftId: gift.id } })).map((c) => [c.recipientId, c.status]));
    expect(claims).toEqual({ [a.id]: "ACCEPTED", [b.id]: "REFUNDED" });
    expect(await refunded(gift.orderId)).toBe(1500);
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("EXPIRED");
  });

  it("all winners accepting completes it; nobody entering refunds it all", async () => {
    const g = await group(3);
    const gift = await lottery(g, 1);
    await enterLottery(t.db, g.members[1].id, { giftId: gift.id });
    await drawLottery(t.db, gift.id, { now: atDraw(gift) });
    await acceptLotteryWin(t.db, g.members[1].id, { giftId: gift.id, shipping: SAMPLE_ADDRESS });
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("ACCEPTED");

    const empty = await lottery(g, 2);
    expect(await drawLottery(t.db, empty.id, { now: atDraw(empty) })).toBe("drawn");
    expect(await t.db.gift.findUniqueOrThrow({ where: { id: empty.id } })).toMatchObject({ status: "EXPIRED", unitsClaimed: 0 });
    expect((await t.db.gift.findUniqueOrThrow({ where: { id: empty.id } })).revealedSeed).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.db.order.findUniqueOrThrow({ where: { id: empty.orderId } })).toMatchObject({ status: "REFUNDED" });
    expect(await refunded(empty.orderId)).toBe(3000);
  });
});
