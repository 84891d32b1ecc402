import { describe, expect, it } from "vitest";
import { setShopFollow } from "../../lib/catalog/follow.ts";
import { getProductPage, pickVariant } from "../../lib/catalog/products.ts";
import { getShopPage, listGiftZone, listShopProducts, pageParam } from "../../lib/catalog/shops.ts";
import { getBuyerOrder, listBuyerOrders } from "../../lib/catalog/buyer-orders.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeGiftOrder, makeProduct, makeSelfOrder, makeShop, makeUser, SECRET_ADDRESS } from "./catalog-fixtures.ts";

const t = useTestDatabase();

describe("shop pages", () => {
  it("shows the gift zone in the merchant's order and pages the published products", async () => {
    const cats = await makeCategories(t.db);
    const owner = await makeUser(t.db, "Owner");
    const shop = await makeShop(t.db, owner.id);
    const base = Date.now() - 100_000;
    const made = [];
    for (let i = 0; i < 14; i++) {
      made.push(
        await makeProduct(t.db, shop.id, cats.tea.id, {
          title: `P${i}`,
          createdAt: new Date(base + i * 1000),
          giftZoneRank: i === 3 ? 2 : i === 7 ? 1 : null,
        }),
      );
    }
    await makeProduct(t.db, shop.id, cats.tea.id, { title: "Hidden", published: false, giftZoneRank: 3 });
    expect((await listGiftZone(t.db, shop.id)).map((p) => p.title)).toEqual(["P7", "P3"]);
    const p1 = await listShopProducts(t.db, shop.id, { page: 1 });
    expect(p1.total).toBe(14);
    expect(p1.pageCount).toBe(2);
    expect(p1.items.map((p) => p.title).slice(0, 3)).toEqual(["P13", "P12", "P11"]);
    expect(p1.items).toHaveLength(12);
    const p2 = await listShopProducts(t.db, shop.id, { page: 2 });
    expect(p2.items.map((p) => p.title)).toEqual(["P1", "P0"]);
    expect((await listShopProducts(t.db, shop.id, { page: 99 })).page).toBe(2);
    expect(pageParam("2")).toBe(2);
    expect(pageParam("-1")).toBe(1);
    expect(pageParam("abc")).toBe(1);
  });

  it("follows and unfollows a shop, idempotently, and counts followers", async () => {
    const owner = await makeUser(t.db, "Owner");
    const shop = await makeShop(t.db, owner.id);
    const fan = await makeUser(t.db, "Fan");
    expect((await getShopPage(t.db, shop.slug, fan.id))?.following).toBe(false);
    await setShopFollow(t.db, fan.id, { shopId: shop.id, follow: true });
    expect(await setShopFollow(t.db, fan.id, { shopId: shop.id, follow: true })).toEqual({ following: true, followerCount: 1 });
    const page = await getShopPage(t.db, shop.slug, fan.id);
    expect(page).toMatchObject({ following: true, followerCount: 1, viewerIsOwner: false });
    expect((await getShopPage(t.db, shop.slug, null))?.following).toBe(false);
    expect(await setShopFollow(t.db, fan.id, { shopId: shop.id, follow: false })).toEqual({ following: false, followerCount: 0 });
    await expect(setShopFollow(t.db, fan.id, { shopId: "nope", follow: true })).rejects.toBeInstanceOf(DomainError);
    expect(await getShopPage(t.db, "no-such-shop", null)).toBeNull();
  });
});

describe("product page", () => {
  it("says why a product cannot be gifted, and which variants can", async () => {
    const cats = await makeCategories(t.db);
    const owner = await makeUser(t.db, "Owner");
    const shop = await makeShop(t.db, owner.id);
    const off = await makeShop(t.db, owner.id, { giftingEnabled: false });
    const tea = await makeProduct(t.db, shop.id, cats.tea.id, {
      variants: [{ name: "small", stock: 0 }, { name: "huge", price: 2_000_000, originalPrice: 2_000_000 }, { name: "ok" }],
    });
    const page = await getProductPage(t.db, tea.id, null);
    expect(page?.gift).toEqual({ eligible: true, giftableVariantIds: [tea.variants[2].id] });
    expect(page?.variants.map((v) => (v.gift.eligible ? "ok" : v.gift.reasons.join(",")))).toEqual(["outOfStock", "priceTooHigh", "ok"]);
    expect(pickVariant(page!.variants, undefined)?.name).toBe("huge"); // first in stock
    expect(pickVariant(page!.variants, tea.variants[0].id)?.name).toBe("small");

    const jade = await makeProduct(t.db, shop.id, cats.jewelry.id);
    expect((await getProductPage(t.db, jade.id, null))?.gift).toMatchObject({ eligible: false, reasons: ["categoryExcluded"] });
    const offProduct = await makeProduct(t.db, off.id, cats.tea.id);
    expect((await getProductPage(t.db, offProduct.id, null))?.gift).toMatchObject({ eligible: false, reasons: ["shopGiftingOff"] });
    const sold = await makeProduct(t.db, shop.id, cats.tea.id, { variants: [{ stock: 0 }] });
    expect((await getProductPage(t.db, sold.id, null))?.gift).toMatchObject({ eligible: false, reasons: ["outOfStock"] });
  });
});

describe("buyer orders", () => {
  it("shows buyers their own orders only, and never a gift's address", async () => {
    const cats = await makeCategories(t.db);
    const owner = await makeUser(t.db, "Owner");
    const shop = await makeShop(t.db, owner.id);
    const product = await makeProduct(t.db, shop.id, cats.tea.id);
    const buyer = await makeUser(t.db, "Buyer");
    const recipient = await makeUser(t.db, "Recipient");
    const stranger = await makeUser(t.db, "Stranger");
    const self = await makeSelfOrder(t.db, buyer.id, product);
    await t.db.order.update({ where: { id: self.id }, data: { status: "REFUNDED", failureReason: "soldOut" } });
    const gift = await makeGiftOrder(t.db, buyer.id, recipient.id, product, { accepted: true });
    await t.db.shipment.create({ data: { orderId: gift.order.id, claimId: gift.claim!.id, carrier: "SF Express", trackingNumber: "SF999" } });

    expect((await listBuyerOrders(t.db, buyer.id)).items.map((o) => o.id).sort()).toEqual([self.id, gift.order.id].sort());
    expect((await listBuyerOrders(t.db, stranger.id)).items).toEqual([]);
    expect(await getBuyerOrder(t.db, stranger.id, self.id)).toBeNull();
    expect(await getBuyerOrder(t.db, recipient.id, gift.order.id)).toBeNull();

    const mine = await getBuyerOrder(t.db, buyer.id, self.id);
    expect(mine).toMatchObject({ status: "REFUNDED", failureReason: "soldOut" });
    expect(mine?.shipping?.address).toContain(SECRET_ADDRESS.shipDetail);

    const sent = await getBuyerOrder(t.db, buyer.id, gift.order.id);
    expect(sent?.shipping).toBeNull();
    // The sender follows the parcel by carrier and tracking number, never by where it goes.
    expect(sent?.shipments).toEqual([expect.objectContaining({ carrier: "SF Express", trackingNumber: "SF999" })]);
    expect(sent?.giftId).toBe(gift.gift.id);
    const json = JSON.stringify(sent);
    for (const secret of Object.values(SECRET_ADDRESS)) expect(json).not.toContain(secret);
  });
});
