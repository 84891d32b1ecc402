import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { searchProducts, searchTerms, termPattern } from "../../lib/catalog/search.ts";
import { refreshStaleSearchText } from "../../lib/catalog/search-text.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeProduct, makeShop, makeUser } from "./catalog-fixtures.ts";

const t = useTestDatabase();
const ids: Record<string, string> = {};
const ids_ = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
const find = async (q: string, opts?: Parameters<typeof searchProducts>[2]) => ids_(await searchProducts(t.db, q, opts));

beforeAll(async () => {
  const cats = await makeCategories(t.db);
  const merchant = await makeUser(t.db, "Merchant");
  const coffee = await makeShop(t.db, merchant.id, { name: "Blue Bean 蓝豆" });
  const tea = await makeShop(t.db, merchant.id, { name: "Cloud Peak 云峰茶庄" });
  const jade = await makeShop(t.db, merchant.id, { name: "Moon Gems" });
  const add = async (key: string, shopId: string, categoryId: string, title: string, description: string, published = true) => {
    ids[key] = (await makeProduct(t.db, shopId, categoryId, { title, description, published })).id;
  };
  // Created in this order: later ones are newer.
  await add("beans", coffee.id, cats.coffee.id, "Yunnan Coffee Beans 云南小粒咖啡豆", "Medium roast from Baoshan. 保山产区。");
  await add("latte", coffee.id, cats.coffee.id, "Latte voucher 拿铁兑换券", "One latte at any café. 凭码兑换一杯拿铁。");
  await add("pourover", coffee.id, cats.coffee.id, "Pour-over set 手冲壶套装", "Ceramic dripper for brewing at home.");
  await add("longjing", tea.id, cats.tea.id, "West Lake Longjing 西湖龙井", "Green tea, pan-fired by hand. 明前龙井。");
  await add("draft", coffee.id, cats.coffee.id, "Secret Blend 秘密拼配", "Not on sale yet.", false);
  await add("percent", tea.id, cats.tea.id, "100% Oolong", "Pure oolong, no blend.");
  await add("bracelet", jade.id, cats.jewelry.id, "Hetian bracelet 和田玉手镯", "Certified, hand-finished.");
  // Pinyin, category names and shop names come from the app's recipe: written on start.
  await refreshStaleSearchText(t.db);
});

describe("product search", () => {
  it("finds Chinese words in titles and descriptions across shops", async () => {
    expect(await find("龙井")).toEqual([ids.longjing]);
    expect(await find("拿铁")).toEqual([ids.latte]);
    expect(await find("保山")).toEqual([ids.beans]);
  });

  it("finds partial English words, case-insensitively", async () => {
    expect(await find("lat")).toEqual([ids.latte]);
    expect(await find("LONGJ")).toEqual([ids.longjing]);
    expect(await find("cafe")).toEqual([ids.latte]); // "café": accents do not matter
  });

  it("finds products by their shop's name, in English, Chinese and pinyin", async () => {
    expect((await find("blue bean")).sort()).toEqual([ids.beans, ids.latte, ids.pourover].sort());
    expect((await find("云峰")).sort()).toEqual([ids.longjing, ids.percent].sort());
    expect((await find("yunfeng")).sort()).toEqual([ids.longjing, ids.percent].sort());
  });

  it("finds products by their category's name, in English, Chinese and pinyin", async () => {
    expect(await find("jewelry")).toEqual([ids.bracelet]);
    expect(await find("珠宝")).toEqual([ids.bracelet]);
    expect(await find("zhubao")).toEqual([ids.bracelet]);
    // 咖啡 is the coffee category's Chinese name: every published coffee product.
    expect((await find("咖啡")).sort()).toEqual([ids.beans, ids.latte, ids.pourover].sort());
  });

  it("finds Chinese titles by full pinyin and by initials", async () => {
    expect(await find("longjing")).toEqual([ids.longjing]);
    expect(await find("xihu longjing")).toEqual([ids.longjing]);
    expect(await find("natie")).toEqual([ids.latte]);
    expect(await find("shouzhuo")).toEqual([ids.bracelet]);
    // Initials from any character on: 西湖龙井 → xhlj, hlj, lj.
    expect(await find("xhlj")).toEqual([ids.longjing]);
    expect(await find("lj")).toEqual([ids.longjing]);
    // 咖啡 via the category name and the beans' title alike.
    expect((await find("kafei")).sort()).toEqual([ids.beans, ids.latte, ids.pourover].sort());
    expect((await find("kf")).sort()).toEqual([ids.beans, ids.latte, ids.pourover].sort());
    expect((await find("ka fei")).sort()).toEqual([ids.beans, ids.latte, ids.pourover].sort());
  });

  it("matches one- and two-letter terms at the start of a word only", async () => {
    expect(await find("ol")).toEqual([]); // "ol" is inside Oolong, which does not count
    expect(await find("oo")).toEqual([ids.percent]);
    expect(await find("lo")).toEqual([ids.longjing]); // Longjing, not oolong
  });

  it("never shows unpublished products", async () => {
    expect(await find("secret")).toEqual([]);
    expect(await find("mimi")).toEqual([]);
  });

  it("needs every term", async () => {
    expect(await find("coffee 保山")).toEqual([ids.beans]);
    expect(await find("coffee oolong")).toEqual([]);
  });

  it("treats % and _ literally, tolerates a small typo, and ignores an empty query", async () => {
    expect(await find("100%")).toEqual([ids.percent]);
    expect(await find("%")).toEqual([ids.percent]);
    expect(await find("_")).toEqual([]);
    const typo = await searchProducts(t.db, "longjign");
    expect(typo.fuzzy).toBe(true);
    expect(ids_(typo)).toEqual([ids.longjing]);
    expect((await searchProducts(t.db, "   ")).items).toEqual([]);
    expect(searchTerms("  Latte，咖啡  latte ")).toEqual(["latte", "咖啡"]);
  });

  it("typed text never matches inside an encoded Chinese character, nor the reverse", async () => {
    // 啡 is U+5561, stored as "FFGB"; a product with those digits and letters in its title.
    const cats = await makeCategories(t.db);
    const merchant = await makeUser(t.db, "Digits");
    const shop = await makeShop(t.db, merchant.id, { name: "Numbers" });
    const p = await makeProduct(t.db, shop.id, cats.tea.id, { title: "Model 5561 ffgb FFGB" });
    await refreshStaleSearchText(t.db);
    expect(await find("5561")).toEqual([p.id]);
    expect(await find("ffgb")).toEqual([p.id]);
    expect(await find("啡")).not.toContain(p.id);
    expect((await find("啡")).length).toBeGreaterThan(0);
    await t.db.product.delete({ where: { id: p.id } });
  });

  it("pages results and marks gift eligibility on the cards", async () => {
    const p1 = await searchProducts(t.db, "kafei", { perPage: 2 });
    expect(p1.items).toHaveLength(2);
    expect([p1.total, p1.pageCount]).toEqual([3, 2]);
    const p2 = await searchProducts(t.db, "kafei", { perPage: 2, page: 2 });
    expect(p2.items).toHaveLength(1);
    expect(ids_(p1)).not.toContain(p2.items[0].id);
    const past = await searchProducts(t.db, "kafei", { perPage: 2, page: 99 });
    expect([past.page, past.fuzzy, ids_(past)]).toEqual([2, false, ids_(p2)]);
    const r = await searchProducts(t.db, "bracelet");
    expect(r.items[0].giftable).toBe(false); // jewelry
    expect((await searchProducts(t.db, "latte")).items[0].giftable).toBe(true);
  });

  it("is served by the trigram index on a large catalogue", async () => {
    // 20,000 more published products (this is the file's last test), then ask the planner.
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT "shopId", "categoryId" FROM "Product" LIMIT 1`);
      await c.query(
        `INSERT INTO "Product" (id, "shopId", "categoryId", title, description, published, "updatedAt")
         SELECT 'bulk-' || g, $1, $2, 'Item ' || md5(g::text), '商品 ' || md5((g * 7)::text), true, now()
           FROM generate_series(1, 20000) g`,
        [rows[0].shopId, rows[0].categoryId],
      );
      // As autovacuum would: merges GIN's pending list and refreshes the statistics.
      await c.query(`VACUUM ANALYZE "Product"`);
      const like = (term: string) => `p."searchText" LIKE '${termPattern(term).replace(/'/g, "''")}'`;
      for (const cond of [like("latte"), like("咖啡"), like("茶"), like("kf"), `${like("咖啡")} AND ${like("云南")}`, `'longjign' <% p."searchText"`]) {
        const plan = await c.query(`EXPLAIN SELECT id FROM "Product" p WHERE p.published AND ${cond}`);
        expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"), cond).toContain("Product_searchText_trgm_idx");
      }
    } finally {
      await c.end();
    }
    expect(await find("latte")).toEqual([ids.latte]);
    expect(await find("龙井")).toEqual([ids.longjing]);
  });
});
