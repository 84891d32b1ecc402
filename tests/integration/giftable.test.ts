// Product.giftable as the gift picker's search sees it: a merchant's gifting switch and a
// sale of the last unit change the results at once, through the app's own services and a
// real payment; and writes racing on one product leave the right answer without deadlocks.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { searchProducts } from "../../lib/catalog/search.ts";
import { searchGiftPicker } from "../../lib/gifting/catalog.ts";
import { updateProduct } from "../../lib/merchant/products.ts";
import { setShopGifting } from "../../lib/merchant/shops.ts";
import { startCheckout } from "../../lib/orders/checkout.ts";
import { SAMPLE_ADDRESS } from "../setup/fixtures.ts";
import { usePayments } from "../setup/payments.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import { makeCategories, makeProduct, makeShop, makeUser } from "./catalog-fixtures.ts";

const t = useTestDatabase();
const pay = usePayments(() => t.url);

const giftOrder = async (q: string) => (await searchProducts(t.db, q, { context: "gift" })).items.map((i) => i.id);
const pickerIds = async (q: string) => (await searchGiftPicker(t.db, q)).map((i) => i.id);
const giftable = async (productId: string) => (await t.db.product.findUniqueOrThrow({ where: { id: productId } })).giftable;

async function connect() {
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  return c;
}

/** Resolves once another session of this database waits for a row lock (or `done` settles). */
async function someoneWaitsForALock(c: pg.Client, done: Promise<unknown>) {
  let settled = false;
  void done.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 500 && !settled; i++) {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!settled) throw new Error("nobody waited for a lock");
}

describe("the gift picker's search follows what can be gifted now", () => {
  it("a shop's gifting switch and a sale of the last unit reorder the search and the picker at once", async () => {
    const cats = await makeCategories(t.db);
    const merchant = await makeUser(t.db, "Lantern Maker");
    const shop = await makeShop(t.db, merchant.id, { name: "Paper Works" });
    const other = await makeShop(t.db, (await makeUser(t.db, "Other")).id, { name: "Glow Goods" });
    // Created oldest first; the exact title ranks first in a plain search.
    const last = await makeProduct(t.db, shop.id, cats.tea.id, { title: "Lantern", variants: [{ stock: 1, price: 2000 }] });
    const lamp = await makeProduct(t.db, shop.id, cats.tea.id, { title: "Lantern lamp", variants: [{ stock: 5 }] });
    const kite = await makeProduct(t.db, other.id, cats.tea.id, { title: "Kite and lantern", variants: [{ stock: 5 }] });

    expect((await searchProducts(t.db, "lantern")).items.map((i) => i.id)).toEqual([last.id, lamp.id, kite.id]);
    expect(await giftOrder("lantern")).toEqual([last.id, lamp.id, kite.id]);
    expect(await pickerIds("lantern")).toEqual([last.id, lamp.id, kite.id]);

    await setShopGifting(t.db, merchant.id, { shopId: shop.id, enabled: false });
    expect(await giftOrder("lantern")).toEqual([kite.id, last.id, lamp.id]);
    expect(await pickerIds("lantern")).toEqual([kite.id]);
    await setShopGifting(t.db, merchant.id, { shopId: shop.id, enabled: true });
    expect(await giftOrder("lantern")).toEqual([last.id, lamp.id, kite.id]);

    // Someone buys the last one; the payment takes the stock.
    const buyer = await makeUser(t.db, "Buyer");
    const { orderId } = await startCheckout(t.db, buyer.id, { kind: "SELF", variantId: last.variants[0].id, quantity: 1, shipping: SAMPLE_ADDRESS });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    await pay.pay(order.stripeCheckoutSessionId!);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
    expect((await t.db.variant.findUniqueOrThrow({ where: { id: last.variants[0].id } })).stock).toBe(0);
    expect(await giftOrder("lantern")).toEqual([lamp.id, kite.id, last.id]);
    expect(await pickerIds("lantern")).toEqual([lamp.id, kite.id]);
    // A plain search is not reordered by it.
    expect((await searchProducts(t.db, "lantern")).items.map((i) => i.id)).toEqual([last.id, lamp.id, kite.id]);

    // The merchant restocks it.
    const v = last.variants[0];
    await updateProduct(t.db, merchant.id, {
      productId: last.id,
      title: last.title,
      categoryId: cats.tea.id,
      kind: "PHYSICAL",
      variants: [{ id: v.id, name: v.name, price: v.price, originalPrice: v.originalPrice, stock: 3, loadedStock: 0 }],
    });
    expect(await giftOrder("lantern")).toEqual([last.id, lamp.id, kite.id]);
    expect(await pickerIds("lantern")).toEqual([last.id, lamp.id, kite.id]);
  });
});

describe("racing writes", () => {
  it("two sales that sell out a product's last two variants at once leave it not giftable", async () => {
    const cats = await makeCategories(t.db);
    const shop = await makeShop(t.db, (await makeUser(t.db, "Twin Seller")).id);
    const p = await makeProduct(t.db, shop.id, cats.tea.id, { variants: [{ name: "A", stock: 1 }, { name: "B", stock: 1 }] });
    const [a, b] = [await connect(), await connect()];
    try {
      await a.query("BEGIN");
      await b.query("BEGIN");
      await a.query(`UPDATE "Variant" SET stock = stock - 1 WHERE id = $1`, [p.variants[0].id]);
      // The second sale still sees the first one's variant in stock until that commits.
      const second = b.query(`UPDATE "Variant" SET stock = stock - 1 WHERE id = $1`, [p.variants[1].id]);
      await someoneWaitsForALock(a, second);
      await a.query("COMMIT");
      await second;
      await b.query("COMMIT");
    } finally {
      await a.end();
      await b.end();
    }
    expect(await giftable(p.id)).toBe(false);
  });

  it("a product created while its shop's gifting is switched off ends up not giftable", async () => {
    const cats = await makeCategories(t.db);
    const owner = await makeUser(t.db, "Switcher");
    const shop = await makeShop(t.db, owner.id);
    const c = await connect();
    try {
      await c.query("BEGIN");
      await c.query(
        `INSERT INTO "Product" (id, "shopId", "categoryId", title, published, "updatedAt") VALUES ('racing-p', $1, $2, 'Racing', true, now())`,
        [shop.id, cats.tea.id],
      );
      await c.query(`INSERT INTO "Variant" (id, "productId", name, price, "originalPrice", stock) VALUES ('racing-v', 'racing-p', 'V', 100, 100, 5)`);
      // The switch waits for the product being created, then recomputes it too.
      const off = setShopGifting(t.db, owner.id, { shopId: shop.id, enabled: false });
      await someoneWaitsForALock(c, off);
      await c.query("COMMIT");
      await off;
    } finally {
      await c.end();
    }
    expect(await giftable("racing-p")).toBe(false);
  });

  it("a merchant's save and a sale of the last unit at the same time: both go through, no deadlock", async () => {
    const cats = await makeCategories(t.db);
    const owner = await makeUser(t.db, "Saver");
    const shop = await makeShop(t.db, owner.id);
    const p = await makeProduct(t.db, shop.id, cats.tea.id, { title: "Saved", variants: [{ name: "Only", stock: 1 }] });
    const v = p.variants[0];
    const sale = await connect();
    try {
      await sale.query("BEGIN");
      await sale.query(`UPDATE "Variant" SET stock = stock WHERE id = $1`, [v.id]); // the sale's row lock
      const save = updateProduct(t.db, owner.id, {
        productId: p.id,
        title: "Saved, renamed",
        categoryId: cats.tea.id,
        kind: "PHYSICAL",
        variants: [{ id: v.id, name: v.name, price: v.price, originalPrice: v.originalPrice, stock: 1, loadedStock: 1 }],
      });
      await someoneWaitsForALock(sale, save);
      // Now the sale takes the last unit, which locks the product for its giftable flag.
      await sale.query(`UPDATE "Variant" SET stock = stock - 1 WHERE id = $1`, [v.id]);
      await sale.query("COMMIT");
      await save;
    } finally {
      await sale.end();
    }
    const after = await t.db.product.findUniqueOrThrow({ where: { id: p.id }, include: { variants: true } });
    expect(after.title).toBe("Saved, renamed");
    expect(after.variants[0].stock).toBe(0); // the save left the stock it did not change alone
    expect(after.giftable).toBe(false);
  });
});
