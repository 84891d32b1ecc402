import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { searchProducts, searchTerms } from "../../lib/catalog/search.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeProduct, makeShop, makeUser } from "./catalog-fixtures.ts";

const t = useTestDatabase();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const cats = await makeCategories(t.db);
  const merchant = await makeUser(t.db, "Merchant");
  const coffee = await makeShop(t.db, merchant.id, { name: "Blue Bean" });
  const tea = await makeShop(t.db, merchant.id, { name: "Cloud Peak" });
  const add = async (key: string, shopId: string, title: string, description: string, published = true) => {
    ids[key] = (await makeProduct(t.db, shopId, cats.coffee.id, { title, description, published })).id;
  };
  await add("beans", coffee.id, "Yunnan Coffee Beans 云南小粒咖啡豆", "Medium roast from Baoshan. 保山产区。");
  await add("latte", coffee.id, "Latte voucher 拿铁兑换券", "One latte at any café. 凭码兑换一杯拿铁咖啡。");
  await add("pourover", coffee.id, "Pour-over set 手冲壶套装", "Ceramic dripper for brewing coffee at home.");
  await add("longjing", tea.id, "West Lake Longjing 西湖龙井", "Green tea, pan-fired by hand. 明前龙井。");
  await add("draft", coffee.id, "Secret Coffee Blend 秘密咖啡", "Not on sale yet.", false);
  await add("percent", tea.id, "100% Oolong", "Pure oolong, no blend.");
});

describe("product search", () => {
  it("finds Chinese words in titles and descriptions across shops", async () => {
    const r = await searchProducts(t.db, "咖啡");
    expect(r.items.map((i) => i.id).sort()).toEqual([ids.beans, ids.latte].sort());
    expect((await searchProducts(t.db, "龙井")).items.map((i) => i.id)).toEqual([ids.longjing]);
  });

  it("finds partial English words, case-insensitively", async () => {
    expect((await searchProducts(t.db, "lat")).items.map((i) => i.id)).toEqual([ids.latte]);
    expect((await searchProducts(t.db, "LONGJ")).items.map((i) => i.id)).toEqual([ids.longjing]);
  });

  it("never shows unpublished products", async () => {
    const r = await searchProducts(t.db, "secret");
    expect(r.items).toEqual([]);
    expect((await searchProducts(t.db, "coffee")).items.map((i) => i.id)).not.toContain(ids.draft);
  });

  it("ranks title matches above description-only matches, and needs every term", async () => {
    const r = await searchProducts(t.db, "coffee");
    expect(r.items[0].id).toBe(ids.beans); // "coffee" in the title
    expect(r.items.map((i) => i.id)).toContain(ids.pourover); // only in the description
    expect(r.items.map((i) => i.id).indexOf(ids.pourover)).toBeGreaterThan(0);
    expect((await searchProducts(t.db, "coffee 保山")).items.map((i) => i.id)).toEqual([ids.beans]);
  });

  it("treats % and _ literally, tolerates a small typo, and ignores an empty query", async () => {
    expect((await searchProducts(t.db, "100%")).items.map((i) => i.id)).toEqual([ids.percent]);
    expect((await searchProducts(t.db, "%")).items.map((i) => i.id)).toEqual([ids.percent]);
    const typo = await searchProducts(t.db, "longjign");
    expect(typo.fuzzy).toBe(true);
    expect(typo.items.map((i) => i.id)).toEqual([ids.longjing]);
    expect((await searchProducts(t.db, "   ")).items).toEqual([]);
    expect(searchTerms("  Latte，咖啡  latte ")).toEqual(["latte", "咖啡"]);
  });

  it("pages results and marks gift eligibility on the cards", async () => {
    const p1 = await searchProducts(t.db, "a", { perPage: 2 });
    expect(p1.items).toHaveLength(2);
    expect(p1.pageCount).toBe(Math.ceil(p1.total / 2));
    const p2 = await searchProducts(t.db, "a", { perPage: 2, page: 2 });
    expect(p2.items.map((i) => i.id)).not.toContain(p1.items[0].id);
    expect(p1.items[0].giftable).toBe(true);
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
      const doc = `lanbao_search_text(p."title" || ' ' || p."description")`;
      const like = (term: string) => `${doc} LIKE '%' || lanbao_search_text('${term}') || '%'`;
      for (const cond of [like("latte"), like("咖啡"), like("茶"), `${like("咖啡")} AND ${like("云南")}`, `'longjign' <% ${doc}`]) {
        const plan = await c.query(`EXPLAIN SELECT id FROM "Product" p WHERE p.published AND ${cond}`);
        expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"), cond).toContain("Product_search_trgm_idx");
      }
    } finally {
      await c.end();
    }
    for (const [q, expected] of [["latte", [ids.latte]], ["咖啡", [ids.beans, ids.latte]]] as const) {
      const started = performance.now();
      const r = await searchProducts(t.db, q);
      expect(r.items.map((i) => i.id).sort()).toEqual([...expected].sort());
      expect(performance.now() - started, q).toBeLessThan(500);
    }
  });
});
