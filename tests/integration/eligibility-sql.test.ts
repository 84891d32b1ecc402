// giftableProductSql states the rules of productGiftEligibility for the database; this
// holds the two equal over every combination the rules look at.
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
});
