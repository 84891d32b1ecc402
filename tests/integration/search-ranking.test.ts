// Ranking on fixed data: exact title, then title prefix, then a word of the title, then
// inside the title, then elsewhere (description, shop, category, pinyin); typo matches
// only when nothing matches; from the gift picker, giftable products first.
import { beforeAll, describe, expect, it } from "vitest";
import { searchProducts } from "../../lib/catalog/search.ts";
import { refreshStaleSearchText } from "../../lib/catalog/search-text.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeProduct, makeShop, makeUser } from "./catalog-fixtures.ts";

const t = useTestDatabase();
const p: Record<string, string> = {};
const order = async (q: string, context?: "gift") => (await searchProducts(t.db, q, { context })).items.map((i) => i.id);

beforeAll(async () => {
  const cats = await makeCategories(t.db);
  const owner = await makeUser(t.db, "Owner");
  const shop = await makeShop(t.db, owner.id, { name: "Harbour Goods" });
  const zorbShop = await makeShop(t.db, owner.id, { name: "Zorb Supplies" });
  // Created oldest to newest, so "newest first" would give the reverse of the expected order.
  const add = async (key: string, title: string, opts: { description?: string; shopId?: string; categoryId?: string; variants?: { stock?: number }[] } = {}) => {
    p[key] = (await makeProduct(t.db, opts.shopId ?? shop.id, opts.categoryId ?? cats.tea.id, { title, ...opts })).id;
  };
  await add("exact", "Zorb");
  await add("prefix", "Zorb lantern 灯笼");
  await add("word", "Paper zorb");
  await add("inside", "Mazorba kite");
  await add("description", "Blue kite", { description: "Flies like a zorb." });
  await add("shop", "Red kite", { shopId: zorbShop.id });
  await add("pinyinTitle", "桂花茶 Osmanthus tea");
  await add("pinyinInside", "金桂花糕 Osmanthus cake");
  await add("jewel", "Zorb pendant", { categoryId: cats.jewelry.id });
  await add("soldOut", "Zorb lamp", { variants: [{ stock: 0 }] });
  await refreshStaleSearchText(t.db);
});

describe("search ranking", () => {
  it("puts the exact title first, then title prefixes, title words, inside titles, then other fields", async () => {
    const ranked = await order("zorb");
    expect(ranked[0]).toBe(p.exact);
    // Title prefixes (newest first among equals), then the rest in tiers.
    expect(ranked.slice(1, 4)).toEqual([p.soldOut, p.jewel, p.prefix]);
    expect(ranked.slice(4)).toEqual([p.word, p.inside, p.shop, p.description]);
  });

  it("ranks exact and prefix matches of a phrase above matches of its words", async () => {
    expect((await order("zorb lantern"))[0]).toBe(p.prefix);
    expect(await order("paper zorb")).toEqual([p.word]);
  });

  it("ranks full pinyin that starts a title's Chinese above full pinyin inside it", async () => {
    expect(await order("guihua")).toEqual([p.pinyinTitle, p.pinyinInside]);
    // Initials are written from every character on (so "gh" finds 金桂花糕 too): no order between them.
    expect((await order("gh")).sort()).toEqual([p.pinyinTitle, p.pinyinInside].sort());
  });

  it("puts giftable products first when the search starts from the gift picker", async () => {
    const ranked = await order("zorb", "gift");
    const giftable = [p.exact, p.prefix, p.word, p.inside, p.shop, p.description];
    expect(ranked.slice(0, giftable.length)).toEqual(giftable);
    expect(ranked.slice(giftable.length).sort()).toEqual([p.jewel, p.soldOut].sort());
  });

  it("offers typo matches only when nothing matches exactly", async () => {
    const typo = await searchProducts(t.db, "zorbb");
    expect(typo.fuzzy).toBe(true);
    expect(typo.items.map((i) => i.id)).toContain(p.exact);
    const exact = await searchProducts(t.db, "mazorba");
    expect(exact.fuzzy).toBe(false);
    expect(exact.items.map((i) => i.id)).toEqual([p.inside]);
  });
});
