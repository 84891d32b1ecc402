// giftableProductSql states the rules of productGiftEligibility for the database (it reads
// Product.giftable, which triggers keep); this holds the two equal over every combination
// the rules look at, and after every kind of write that can change the answer, whoever
// makes it.
import { describe, expect, it } from "vitest";
import { Prisma } from "../../lib/db/generated/client.ts";
import { GIFT_ORIGINAL_PRICE_LIMIT, giftableProductSql, productGiftEligibility } from "../../lib/gifting/eligibility.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeProduct, makeShop, makeUser } from "./catalog-fixtures.ts";

const t = useTestDatabase();

const VARIANT_SETS = {
  none: [],
  fine: [{ stock: 3, originalPrice: GIFT_ORIGINAL_PRICE_LIMIT, price: 1000 }],
  soldOut: [{ stock: 0, originalPrice: 1000, price: 1000 }],
  tooDear: [{ stock: 3, originalPrice: GIFT_ORIGINAL_PRICE_LIMIT + 1, price: 1000 }],
  mixed: [
    { stock: 0, originalPrice: 1000, price: 1000 },
    { stock: 2, originalPrice: GIFT_ORIGINAL_PRICE_LIMIT + 1, price: 1000 },
    { stock: 1, originalPrice: 2000, price: 1500 },
  ],
  allBad: [
    { stock: 0, originalPrice: 1000, price: 1000 },
    { stock: 2, originalPrice: GIFT_ORIGINAL_PRICE_LIMIT + 1, price: 1000 },
  ],
} as const;

describe("giftableProductSql", () => {
  it("agrees with productGiftEligibility on every combination", async () => {
    const owner = await makeUser(t.db, "Owner");
    const okCat = await t.db.category.create({ data: { slug: "ok-cat", giftEligible: true } });
    const noCat = await t.db.category.create({ data: { slug: "no-cat", giftEligible: false } });
    let n = 0;
    for (const giftingEnabled of [true, false]) {
      const shop = await makeShop(t.db, owner.id, { giftingEnabled });
      for (const cat of [okCat, noCat]) {
        for (const published of [true, false]) {
          for (const variants of Object.values(VARIANT_SETS)) {
            const p = await makeProduct(t.db, shop.id, cat.id, { published, variants: [...variants] });
            if (variants.length === 0) await t.db.variant.deleteMany({ where: { productId: p.id } });
            n++;
          }
        }
      }
    }
    const rows = await t.db.product.findMany({
      select: {
        id: true,
        published: true,
        shop: { select: { giftingEnabled: true } },
        category: { select: { giftEligible: true } },
        variants: { select: { id: true, originalPrice: true, stock: true } },
      },
    });
    expect(rows).toHaveLength(n);
    const sql = await t.db.$queryRaw<{ id: string; giftable: boolean }[]>`
      SELECT p."id", ${giftableProductSql(Prisma.sql`p`)} AS giftable FROM "Product" p`;
    const bySql = new Map(sql.map((r) => [r.id, r.giftable]));
    const eligible = rows.filter((r) => productGiftEligibility(r).eligible).length;
    expect(eligible).toBe(2); // published, gifting on, eligible category: "fine" and "mixed"
    for (const r of rows) expect(bySql.get(r.id), JSON.stringify(r)).toBe(productGiftEligibility(r).eligible);
  });

  it("follows every write that decides it: variants, the product, the shop's switch, the category", async () => {
    const owner = await makeUser(t.db, "Walker");
    const cat = await t.db.category.create({ data: { slug: "walk-cat", giftEligible: true } });
    const otherCat = await t.db.category.create({ data: { slug: "walk-other", giftEligible: true } });
    const shop = await makeShop(t.db, owner.id);
    const offShop = await makeShop(t.db, owner.id, { giftingEnabled: false });
    const p = await makeProduct(t.db, shop.id, cat.id, { variants: [{ stock: 1 }] });
    const sibling = await makeProduct(t.db, shop.id, otherCat.id, { variants: [{ stock: 4 }] });
    const [v1] = p.variants;

    // Every product's column against the function, and the one under test against what the step expects.
    const check = async (step: string, expected: boolean) => {
      const rows = await t.db.product.findMany({
        select: {
          id: true,
          giftable: true,
          published: true,
          shop: { select: { giftingEnabled: true } },
          category: { select: { giftEligible: true } },
          variants: { select: { id: true, originalPrice: true, stock: true } },
        },
      });
      for (const r of rows) expect(r.giftable, `${step}: ${JSON.stringify(r)}`).toBe(productGiftEligibility(r).eligible);
      expect(rows.find((r) => r.id === p.id)!.giftable, step).toBe(expected);
    };
    const sql = (q: TemplateStringsArray, ...v: unknown[]) => t.db.$executeRaw(q, ...v);

    await check("created with stock", true);
    await sql`UPDATE "Variant" SET stock = stock - 1 WHERE id = ${v1.id}`;
    await check("last unit sold", false);
    await sql`UPDATE "Variant" SET stock = stock + 3 WHERE id = ${v1.id}`;
    await check("restocked", true);
    await sql`UPDATE "Variant" SET stock = stock - 1 WHERE id = ${v1.id}`;
    await check("a sale that leaves stock", true);
    await sql`UPDATE "Variant" SET "originalPrice" = ${GIFT_ORIGINAL_PRICE_LIMIT + 1} WHERE id = ${v1.id}`;
    await check("original price over the limit", false);
    const v2 = await t.db.variant.create({ data: { productId: p.id, name: "Small", price: 500, originalPrice: 500, stock: 2 } });
    await check("a giftable variant added", true);
    await sql`UPDATE "Variant" SET "originalPrice" = ${GIFT_ORIGINAL_PRICE_LIMIT} WHERE id = ${v1.id}`;
    await sql`UPDATE "Variant" SET stock = 0 WHERE id = ${v2.id}`;
    await check("one of two variants sold out", true);
    await t.db.variant.delete({ where: { id: v1.id } });
    await check("the variant with stock deleted", false);
    await sql`UPDATE "Variant" SET "productId" = ${p.id}, stock = 0 WHERE "productId" = ${sibling.id}`;
    await check("a sold-out variant moved in", false);
    await sql`UPDATE "Variant" SET stock = 1 WHERE "productId" = ${p.id}`;
    await check("both restocked", true);
    const moved = await t.db.variant.findFirstOrThrow({ where: { productId: p.id, id: { not: v2.id } } });
    await sql`UPDATE "Variant" SET "productId" = ${sibling.id} WHERE id = ${moved.id}`;
    await sql`UPDATE "Variant" SET stock = 0 WHERE id = ${v2.id}`;
    await check("its last variant with stock moved away", false);
    await sql`UPDATE "Variant" SET "productId" = ${p.id} WHERE id = ${moved.id}`;
    await check("and moved back", true);

    await t.db.product.update({ where: { id: p.id }, data: { published: false } });
    await check("unpublished", false);
    await t.db.product.update({ where: { id: p.id }, data: { published: true } });
    await check("published", true);
    await t.db.category.update({ where: { id: cat.id }, data: { giftEligible: false } });
    await check("its category excluded", false);
    await t.db.product.update({ where: { id: p.id }, data: { categoryId: otherCat.id } });
    await check("moved to a giftable category", true);
    await t.db.shop.update({ where: { id: shop.id }, data: { giftingEnabled: false } });
    await check("the shop's gifting off", false);
    await t.db.shop.update({ where: { id: shop.id }, data: { giftingEnabled: true } });
    await check("the shop's gifting on", true);
    await t.db.product.update({ where: { id: p.id }, data: { shopId: offShop.id } });
    await check("moved to a shop with gifting off", false);
    await sql`UPDATE "Product" SET giftable = true WHERE id = ${p.id}`;
    await check("the column written by hand", false);
    await t.db.shop.update({ where: { id: offShop.id }, data: { giftingEnabled: true } });
    await check("that shop's gifting on", true);
  });
});
