// How the stored search text stays right: the merchant's saves write it in full, any other
// write gets the database's fallback (searchable at once, marked stale), and a refresh on
// start brings stale rows up to the app's recipe.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { searchProducts } from "../../lib/catalog/search.ts";
import { refreshStaleSearchText, SEARCH_TEXT_VERSION, searchWords } from "../../lib/catalog/search-text.ts";
import { createProduct, updateProduct } from "../../lib/merchant/products.ts";
import { updateShopSettings } from "../../lib/merchant/shops.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeProduct, makeShop, makeUser } from "./catalog-fixtures.ts";

const t = useTestDatabase();
const found = async (q: string) => (await searchProducts(t.db, q)).items.map((i) => i.id);
const stored = (id: string) => t.db.product.findUniqueOrThrow({ where: { id }, select: { searchText: true, searchVersion: true } });

describe("search text upkeep", () => {
  it("the merchant's create and edit write pinyin and category names; a shop rename rewrites its products", async () => {
    const cats = await makeCategories(t.db);
    const owner = await makeUser(t.db, "Owner");
    const shop = await makeShop(t.db, owner.id, { name: "Old Name" });
    const variant = { name: "One", price: 1000, stock: 5 };
    const { id } = await createProduct(t.db, owner.id, {
      shopId: shop.id, title: "桂花乌龙 Osmanthus Oolong", categoryId: cats.tea.id, kind: "PHYSICAL", variants: [variant], published: true,
    });
    expect((await stored(id)).searchVersion).toBe(SEARCH_TEXT_VERSION);
    expect(await found("guihua")).toEqual([id]);
    expect(await found("茶饮")).toEqual([id]); // the tea category's Chinese name

    const product = await t.db.product.findUniqueOrThrow({ where: { id }, include: { variants: true } });
    await updateProduct(t.db, owner.id, {
      productId: id, title: "红茶 Black Tea", description: "", categoryId: cats.coffee.id, kind: "PHYSICAL",
      variants: [{ id: product.variants[0].id, ...variant, loadedStock: product.variants[0].stock }],
    });
    expect(await found("guihua")).toEqual([]);
    expect(await found("hongcha")).toEqual([id]);
    expect(await found("kafei")).toEqual([id]); // now in the coffee category (咖啡)

    await updateShopSettings(t.db, owner.id, { shopId: shop.id, name: "松风茶室", description: "" });
    expect(await found("old name")).toEqual([]);
    expect(await found("songfeng")).toEqual([id]);
    expect((await stored(id)).searchVersion).toBe(SEARCH_TEXT_VERSION);
  });

  it("a row written any other way is searchable at once, and gets pinyin from the refresh", async () => {
    const cats = await makeCategories(t.db);
    const owner = await makeUser(t.db, "Raw");
    const shop = await makeShop(t.db, owner.id, { name: "Raw Shop 生鲜" });
    const p = await makeProduct(t.db, shop.id, cats.tea.id, { title: "荔枝 Lychee", description: "Fresh from Guangdong." });
    expect((await stored(p.id)).searchVersion).toBe(0);
    expect(await found("荔枝")).toEqual([p.id]);
    expect(await found("guangdong")).toEqual([p.id]);
    expect(await found("生鲜")).toEqual([p.id]);
    expect(await found("lizhi")).toEqual([]); // pinyin needs the app

    expect(await refreshStaleSearchText(t.db)).toBeGreaterThanOrEqual(1);
    expect((await stored(p.id)).searchVersion).toBe(SEARCH_TEXT_VERSION);
    expect(await found("lizhi")).toEqual([p.id]);
    expect(await refreshStaleSearchText(t.db)).toBe(0); // nothing stale any more

    // Renaming the title outside the app: the fallback again, never the old title.
    await t.db.product.update({ where: { id: p.id }, data: { title: "芒果 Mango" } });
    expect(await stored(p.id)).toMatchObject({ searchVersion: 0 });
    expect(await found("lychee")).toEqual([]);
    expect(await found("mango")).toEqual([p.id]);
    // A shop renamed outside the app: its products follow.
    await t.db.shop.update({ where: { id: shop.id }, data: { name: "Fruit Stand" } });
    expect(await found("fruit stand")).toEqual([p.id]);
    expect(await found("生鲜")).toEqual([]);
  });

  it("the database's spelling is the app's for text without accents or compatibility forms", async () => {
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    try {
      for (const text of ["Yunnan Coffee Beans 云南小粒咖啡豆", "100% Oolong, no_blend!", "  Tabs\tand\nlines  ", "𠮷野家 emoji 🎁", "UPPER lower 123"]) {
        const { rows } = await c.query("SELECT lanbao_search_words($1) AS s", [text]);
        expect(rows[0].s, text).toBe(searchWords(text));
      }
    } finally {
      await c.end();
    }
  });
});
