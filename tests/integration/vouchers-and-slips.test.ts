// Vouchers get a code wherever they are bought (for oneself too), valid for the product's
// validity from when it is issued, and redeem exactly once at their own shop. Packing
// slips carry the gift message, the sender's name only when allowed, and no price. The
// gifts page lists gifts received and sent, group gifts by their claims.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { approveAfterSale } from "../../lib/after-sales/decide.ts";
import { requestAfterSale } from "../../lib/after-sales/request.ts";
import { acceptGift } from "../../lib/gifting/accept.ts";
import { getOrderPackingSlips, getToShipPackingSlips } from "../../lib/merchant/packing-slips.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { getReceivedGiftTimeline, getSentGiftTimeline, listReceivedGifts, listSentGifts, GIFTS_PAGE_SIZE } from "../../lib/tracking/gifts.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { normalizeVoucherCode } from "../../lib/vouchers/codes.ts";
import { redeemVoucher } from "../../lib/vouchers/redeem.ts";
import { makeFriendsWithThread, makeGroupThread, makeProduct, makeUser, SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);
const DAY = 24 * 3600_000;

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.key;
    throw e;
  }
}

async function paid(buyerId: string, input: Parameters<typeof startCheckout>[2]) {
  const { orderId } = await startCheckout(t.db, buyerId, input);
  const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
  await pay.pay(order.stripeCheckoutSessionId!);
  return t.db.order.findUniqueOrThrow({ where: { id: orderId } });
}

async function voucherShop(validityDays = 30) {
  const shop = await makeProduct(t.db, { kind: "VOUCHER", variants: [{ name: "Set lunch", price: 8800, stock: 20 }] });
  await t.db.product.update({ where: { id: shop.product.id }, data: { voucherValidityDays: validityDays } });
  return shop;
}

describe("voucher codes", () => {
  it("a voucher bought for oneself gets one code per unit, valid for the product's validity from payment", async () => {
    const shop = await voucherShop(30);
    const buyer = await makeUser(t.db, "Buyer");
    const order = await paid(buyer.id, { kind: "SELF", variantId: shop.variants[0].id, quantity: 2, shipping: null });
    const codes = await t.db.voucher.findMany({ where: { orderId: order.id } });
    expect(codes).toHaveLength(2);
    for (const v of codes) {
      expect(v).toMatchObject({ holderId: buyer.id, shopId: shop.shop.id, status: "ACTIVE", claimId: null });
      expect(v.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(v.expiresAt.getTime() - order.paidAt!.getTime()).toBe(30 * DAY);
    }
    expect(new Set(codes.map((c) => c.code)).size).toBe(2);
  });

  it("an accepted voucher gift's code is redeemable, with the default 90 days", async () => {
    const shop = await makeProduct(t.db, { kind: "VOUCHER" });
    const [sender, recipient] = [await makeUser(t.db, "S"), await makeUser(t.db, "R")];
    const thread = await makeFriendsWithThread(t.db, sender, recipient);
    const order = await paid(sender.id, { kind: "GIFT", variantId: shop.variants[0].id, threadId: thread.id, recipientId: recipient.id });
    const gift = await t.db.gift.findUniqueOrThrow({ where: { orderId: order.id } });
    const claim = await acceptGift(t.db, recipient.id, { giftId: gift.id, shipping: null });
    const v = await t.db.voucher.findUniqueOrThrow({ where: { claimId: claim.id } });
    expect(v).toMatchObject({ code: claim.voucherCode, holderId: recipient.id, status: "ACTIVE" });
    expect(Math.round((v.expiresAt.getTime() - v.createdAt.getTime()) / DAY)).toBe(90);
    // The sender's timeline says the voucher is unused, never its code.
    const sent = JSON.stringify(await getSentGiftTimeline(t.db, sender.id, gift.id));
    expect(sent).toContain('"active"');
    expect(sent).not.toContain(claim.voucherCode!);
    expect((await getReceivedGiftTimeline(t.db, recipient.id, gift.id))?.parcel?.voucher?.code).toBe(claim.voucherCode);
  });

  it("redeeming: each wrong code gets its own message, a good one redeems once, typed any way", async () => {
    const shop = await voucherShop();
    const other = await voucherShop();
    const buyer = await makeUser(t.db, "Buyer");
    const order = await paid(buyer.id, { kind: "SELF", variantId: shop.variants[0].id, quantity: 3, shipping: null });
    const [a, b, c] = await t.db.voucher.findMany({ where: { orderId: order.id }, orderBy: { code: "asc" } });
    await t.db.voucher.update({ where: { id: b.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await outcome(redeemVoucher(t.db, shop.owner.id, { code: "ZZZZ-ZZZZ-ZZZZ" }))).toBe("vouchers.errors.unknown");
    expect(await outcome(redeemVoucher(t.db, shop.owner.id, { code: "not a code" }))).toBe("vouchers.errors.unknown");
    expect(await outcome(redeemVoucher(t.db, other.owner.id, { code: a.code }))).toBe("vouchers.errors.unknown");
    expect(await outcome(redeemVoucher(t.db, shop.owner.id, { code: b.code }))).toBe("vouchers.errors.expired");
    expect(await outcome(redeemVoucher(t.db, buyer.id, { code: a.code }))).toBe("vouchers.errors.unknown");

    const typed = ` ${a.code.replace(/-/g, "").toLowerCase().slice(0, 6)} ${a.code.replace(/-/g, "").toLowerCase().slice(6)} `;
    expect(normalizeVoucherCode(typed)).toBe(a.code);
    const redeemed = await redeemVoucher(t.db, shop.owner.id, { code: typed });
    expect(redeemed).toMatchObject({ code: a.code, holderName: "Buyer", variantName: "Set lunch" });
    expect(await t.db.voucher.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "REDEEMED", redeemedById: shop.owner.id });
    expect(await outcome(redeemVoucher(t.db, shop.owner.id, { code: a.code }))).toBe("vouchers.errors.used");
    // Another shop never learns whether a code exists or was used.
    expect(await outcome(redeemVoucher(t.db, other.owner.id, { code: a.code }))).toBe("vouchers.errors.unknown");
    expect((await t.db.voucher.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("ACTIVE");
  });

  it("a code redeems exactly once when clerks race", async () => {
    const shop = await voucherShop();
    const buyer = await makeUser(t.db, "Buyer");
    const order = await paid(buyer.id, { kind: "SELF", variantId: shop.variants[0].id, quantity: 1, shipping: null });
    const v = await t.db.voucher.findFirstOrThrow({ where: { orderId: order.id } });
    const results = await Promise.all(Array.from({ length: 8 }, () => outcome(redeemVoucher(t.db, shop.owner.id, { code: v.code }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok")).toEqual(Array(7).fill("vouchers.errors.used"));
    expect((await t.db.voucher.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("REDEEMED");
  });

  it("a full after-sales refund voids the codes; a redeemed voucher cannot be asked back", async () => {
    const shop = await voucherShop();
    const buyer = await makeUser(t.db, "Buyer");
    const order = await paid(buyer.id, { kind: "SELF", variantId: shop.variants[0].id, quantity: 1, shipping: null });
    await requestAfterSale(t.db, buyer.id, { orderId: order.id, kind: "REFUND_ONLY", reason: "plans changed" });
    const r = await t.db.afterSaleRequest.findFirstOrThrow({ where: { orderId: order.id } });
    await approveAfterSale(t.db, shop.owner.id, { requestId: r.id, amount: 8800 });
    const v = await t.db.voucher.findFirstOrThrow({ where: { orderId: order.id } });
    expect(v.status).toBe("VOID");
    expect(await outcome(redeemVoucher(t.db, shop.owner.id, { code: v.code }))).toBe("vouchers.errors.void");

    const used = await paid(buyer.id, { kind: "SELF", variantId: shop.variants[0].id, quantity: 1, shipping: null });
    const code = (await t.db.voucher.findFirstOrThrow({ where: { orderId: used.id } })).code;
    await redeemVoucher(t.db, shop.owner.id, { code });
    expect(await outcome(requestAfterSale(t.db, buyer.id, { orderId: used.id, kind: "REFUND_ONLY", reason: "meh" }))).toBe("afterSale.errors.voucherUsed");
  });
});

describe("packing slips", () => {
  it("carry the items, the gift message and the sender only when allowed, and no price", async () => {
    const shop = await makeProduct(t.db, { variants: [{ name: "Gold box", price: 12345, stock: 9 }] });
    const [sender, recipient, stranger] = [await makeUser(t.db, "Zhao Lei"), await makeUser(t.db, "Chen Jie"), await makeUser(t.db, "X")];
    const thread = await makeFriendsWithThread(t.db, sender, recipient);
    const gift = (allow: boolean) =>
      paid(sender.id, { kind: "GIFT", variantId: shop.variants[0].id, threadId: thread.id, recipientId: recipient.id, message: "新年快乐", senderOnSlip: allow });
    const named = await gift(true);
    const anonymous = await gift(false);
    for (const o of [named, anonymous]) {
      const g = await t.db.gift.findUniqueOrThrow({ where: { orderId: o.id } });
      await acceptGift(t.db, recipient.id, { giftId: g.id, shipping: SAMPLE_ADDRESS });
    }
    const [slip] = await getOrderPackingSlips(t.db, shop.owner.id, named.id);
    expect(slip).toMatchObject({
      giftMessage: "新年快乐",
      giftFrom: "Zhao Lei",
      item: { title: shop.product.title, variantName: "Gold box", quantity: 1 },
      shipTo: { name: SAMPLE_ADDRESS.name, phone: SAMPLE_ADDRESS.phone },
    });
    const [quiet] = await getOrderPackingSlips(t.db, shop.owner.id, anonymous.id);
    expect(quiet).toMatchObject({ giftMessage: "新年快乐", giftFrom: null });
    // No amount anywhere: no such field, no such number, no such text.
    const leaves: [string, unknown][] = [];
    const walk = (v: unknown, key: string) =>
      v && typeof v === "object" && !(v instanceof Date) ? Object.entries(v).forEach(([k, x]) => walk(x, k)) : leaves.push([key, v]);
    walk([slip, quiet], "");
    expect(leaves.filter(([k]) => /amount|price|currency/i.test(k))).toEqual([]);
    expect(leaves.filter(([, v]) => v === 12345 || (typeof v === "string" && /123\.45|¥/.test(v)))).toEqual([]);

    expect(await outcome(getOrderPackingSlips(t.db, stranger.id, named.id))).toBe("merchant.errors.orderNotFound");
    const batch = await getToShipPackingSlips(t.db, shop.owner.id);
    expect(batch.map((s) => s.orderId).sort()).toEqual([named.id, anonymous.id].sort());
    expect(await getToShipPackingSlips(t.db, stranger.id)).toEqual([]);
  });
});

describe("the gifts page", () => {
  it("lists gifts received and sent newest first, page by page, and a group gift by its claims", async () => {
    const shop = await makeProduct(t.db, { variants: [{ name: "Tea", price: 1000, stock: 100 }] });
    const [sender, recipient, chen, zhao] = [await makeUser(t.db, "Sender"), await makeUser(t.db, "Recipient"), await makeUser(t.db, "Chen"), await makeUser(t.db, "Zhao")];
    const thread = await makeFriendsWithThread(t.db, sender, recipient);
    const ids: string[] = [];
    for (let i = 0; i < GIFTS_PAGE_SIZE + 1; i++) {
      const o = await t.db.order.create({
        data: { buyerId: sender.id, shopId: shop.shop.id, productId: shop.product.id, variantId: shop.variants[0].id, kind: "GIFT", status: "PAID", unitAmount: 1000, totalAmount: 1000 },
      });
      const g = await t.db.gift.create({
        data: {
          orderId: o.id,
          senderId: sender.id,
          threadId: thread.id,
          recipientId: recipient.id,
          tokenHash: createHash("sha256").update(randomBytes(8)).digest("hex"),
          expiresAt: new Date(Date.now() + DAY),
          createdAt: new Date(Date.now() - (GIFTS_PAGE_SIZE - i) * 60_000),
        },
      });
      ids.push(g.id);
    }
    const first = await listReceivedGifts(t.db, recipient.id);
    expect(first).toMatchObject({ total: GIFTS_PAGE_SIZE + 1, page: 1, pageCount: 2 });
    expect(first.items[0].giftId).toBe(ids[ids.length - 1]);
    expect(first.items[0]).toMatchObject({ status: "WAITING", senderName: "Sender" });
    expect((await listReceivedGifts(t.db, recipient.id, { page: 2 })).items.map((g) => g.giftId)).toEqual([ids[0]]);
    expect((await listSentGifts(t.db, sender.id)).total).toBe(GIFTS_PAGE_SIZE + 1);
    expect((await listReceivedGifts(t.db, sender.id)).total).toBe(0);

    // A group gift of 3 units, two of them taken.
    const group = await makeGroupThread(t.db, sender, [chen, zhao]);
    const o = await t.db.order.create({
      data: { buyerId: sender.id, shopId: shop.shop.id, productId: shop.product.id, variantId: shop.variants[0].id, kind: "GIFT", status: "PAID", quantity: 3, unitAmount: 1000, totalAmount: 3000 },
    });
    const g = await t.db.gift.create({
      data: { orderId: o.id, senderId: sender.id, threadId: group.id, mode: "GROUP", units: 3, tokenHash: createHash("sha256").update(randomBytes(8)).digest("hex"), expiresAt: new Date(Date.now() + DAY) },
    });
    for (const u of [chen, zhao]) {
      await t.db.giftClaim.create({ data: { giftId: g.id, recipientId: u.id, variantId: shop.variants[0].id, shipName: `${u.name} 收`, shipPhone: "13700001111", shipProvince: "上海市", shipCity: "市辖区", shipDistrict: "静安区", shipDetail: `${u.name} 家` } });
    }
    const sentRow = (await listSentGifts(t.db, sender.id)).items[0];
    expect(sentRow).toMatchObject({ giftId: g.id, mode: "GROUP", units: 3, claimedCount: 2, recipientName: null });
    const timeline = await getSentGiftTimeline(t.db, sender.id, g.id);
    expect(timeline?.claims.map((c) => [c.recipientName, c.status])).toEqual([
      ["Chen", "ACCEPTED"],
      ["Zhao", "ACCEPTED"],
    ]);
    expect(JSON.stringify(timeline)).not.toMatch(/13700001111|静安区|Chen 家|Chen 收/);
    const chensRow = (await listReceivedGifts(t.db, chen.id)).items[0];
    expect(chensRow).toMatchObject({ giftId: g.id, mode: "GROUP", status: "ACCEPTED" });
    const chens = await getReceivedGiftTimeline(t.db, chen.id, g.id);
    expect(chens?.parcel?.shipping?.detail).toBe("Chen 家");
    // Chen sees their own parcel, never Zhao's.
    expect(JSON.stringify(chens)).not.toContain("Zhao 家");
  });
});
