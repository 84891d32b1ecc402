import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getProductPage } from "../../lib/catalog/products.ts";
import { getGiftZoneEditor, setGiftZone } from "../../lib/merchant/gift-zone.ts";
import { getMerchantOrder, listMerchantOrders } from "../../lib/merchant/orders.ts";
import { createProductInputFromForm, fenToYuan, yuanToFen } from "../../lib/merchant/product-form.ts";
import {
  createProduct,
  deleteProduct,
  getProductForEdit,
  listMerchantProducts,
  parseOptions,
  setProductPublished,
  updateProduct,
  type CreateProductInput,
} from "../../lib/merchant/products.ts";
import { createShop, getMyShop, listMyShops, setShopGifting, updateShopSettings } from "../../lib/merchant/shops.ts";
import { uploadImage } from "../../lib/merchant/uploads.ts";
import { markDelivered, markShipped } from "../../lib/orders/fulfilment.ts";
import { imageExists, MAX_IMAGE_BYTES, readImage, saveImage, sniffImageType } from "../../lib/storage/index.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { useTestDatabase } from "../setup/test-db.ts";
import {
  JPEG_HEADER,
  makeCategories,
  makeGiftOrder,
  makeProduct,
  makeSelfOrder,
  makeShop,
  makeUser,
  PNG_1x1,
  WEBP_HEADER,
} from "./catalog-fixtures.ts";

const t = useTestDatabase();
let uploads: string;

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), "lanbao-uploads-"));
  process.env.LANBAO_UPLOADS_DIR = uploads;
});
afterAll(async () => {
  await rm(uploads, { recursive: true, force: true });
});

/** Field → first message key of a ZodError or DomainError, or {} when it succeeds. */
async function errorsOf(fn: () => Promise<unknown>): Promise<Record<string, string>> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ZodError) {
      const out: Record<string, string> = {};
      for (const i of err.issues) out[i.path.join(".") || "_form"] ??= i.message;
      return out;
    }
    if (err instanceof DomainError) return { [err.field ?? "_form"]: err.key };
    throw err;
  }
  return {};
}

async function setup() {
  const cats = await makeCategories(t.db);
  const owner = await makeUser(t.db, "Owner");
  const shop = await makeShop(t.db, owner.id);
  return { cats, owner, shop };
}

function validInput(shopId: string, categoryId: string): CreateProductInput {
  return {
    shopId,
    title: "Oolong 乌龙茶",
    description: "Roasted oolong",
    categoryId,
    kind: "PHYSICAL",
    images: [],
    variants: [
      { name: "100 g", options: "weight: 100 g", price: 5800, originalPrice: 6800, stock: 10 },
      { name: "250 g", options: { weight: "250 g" }, price: 12800, stock: 0 },
    ],
  };
}

describe("product validation", () => {
  it("creates a product with variants, options and defaults the original price to the price", async () => {
    const { cats, owner, shop } = await setup();
    const p = await createProduct(t.db, owner.id, validInput(shop.id, cats.tea.id));
    const row = await t.db.product.findUniqueOrThrow({ where: { id: p.id }, include: { variants: { orderBy: { position: "asc" } } } });
    expect(row.published).toBe(false);
    expect(row.variants.map((v) => [v.name, v.options, v.price, v.originalPrice, v.stock])).toEqual([
      ["100 g", { weight: "100 g" }, 5800, 6800, 10],
      ["250 g", { weight: "250 g" }, 12800, 12800, 0],
    ]);
  });

  it("puts every broken rule on its field and saves nothing", async () => {
    const { cats, owner, shop } = await setup();
    const before = await t.db.product.count();
    const variantsBefore = await t.db.variant.count();
    const base = validInput(shop.id, cats.tea.id);
    const v = base.variants[0];
    const cases: [Partial<CreateProductInput>, Record<string, string>][] = [
      [{ title: "  " }, { title: "validation.required" }],
      [{ title: "x".repeat(121) }, { title: "merchant.errors.titleTooLong" }],
      [{ description: "x".repeat(4001) }, { description: "merchant.errors.descriptionTooLong" }],
      [{ variants: [] }, { variants: "merchant.errors.variantRequired" }],
      [{ variants: [{ ...v, originalPrice: 5000 }] }, { "variants.0.originalPrice": "merchant.errors.originalBelowPrice" }],
      [{ variants: [{ ...v, stock: -1 }] }, { "variants.0.stock": "merchant.errors.stockNegative" }],
      [{ variants: [{ ...v, stock: 1.5 }] }, { "variants.0.stock": "merchant.errors.stockInvalid" }],
      [{ variants: [{ ...v, price: 0 }] }, { "variants.0.price": "merchant.errors.priceInvalid" }],
      [{ variants: [{ ...v, price: Number.NaN }] }, { "variants.0.price": "merchant.errors.priceInvalid" }],
      [{ variants: [{ ...v, price: undefined as unknown as number }] }, { "variants.0.price": "validation.required" }],
      [{ variants: [{ ...v, price: 12.5 }] }, { "variants.0.price": "merchant.errors.priceInvalid" }],
      [{ variants: [{ ...v, price: 200_000_000, originalPrice: undefined }] }, { "variants.0.price": "merchant.errors.priceTooHigh" }],
      [{ variants: [{ ...v, name: "" }] }, { "variants.0.name": "validation.required" }],
      [{ variants: [v, { ...v }] }, { "variants.1.name": "merchant.errors.variantNameDuplicate" }],
      [{ variants: [{ ...v, options: "just words" }] }, { "variants.0.options": "merchant.errors.optionsInvalid" }],
      [{ kind: "SERVICE" as "PHYSICAL" }, { kind: "validation.invalid" }],
      [{ categoryId: "no-such-category" }, { categoryId: "merchant.errors.categoryNotFound" }],
      [{ images: [{ key: "../../etc/passwd" }] }, { "images.0.key": "merchant.errors.imageMissing" }],
      [{ images: [{ key: "0123456789abcdef0123456789abcdef.png" }] }, { images: "merchant.errors.imageMissing" }],
    ];
    for (const [patch, expected] of cases) {
      expect(await errorsOf(() => createProduct(t.db, owner.id, { ...base, ...patch }))).toEqual(expected);
    }
    // Several problems at once: each reported on its own field, including original < price.
    expect(
      await errorsOf(() =>
        createProduct(t.db, owner.id, { ...base, title: "", variants: [{ ...v, originalPrice: 100, stock: -3 }] }),
      ),
    ).toEqual({
      title: "validation.required",
      "variants.0.stock": "merchant.errors.stockNegative",
      "variants.0.originalPrice": "merchant.errors.originalBelowPrice",
    });
    expect(await t.db.product.count()).toBe(before);
    expect(await t.db.variant.count()).toBe(variantsBefore);
  });

  it("reads the form: yuan to fen without floats, variant rows, image references", () => {
    expect(yuanToFen("68")).toBe(6800);
    expect(yuanToFen("68.5")).toBe(6850);
    expect(yuanToFen("¥1,068.05")).toBe(106805);
    expect(yuanToFen("0.29")).toBe(29);
    expect(yuanToFen("")).toBeUndefined();
    expect(yuanToFen("12.345")).toBeNaN();
    expect(yuanToFen("-1")).toBeNaN();
    expect(fenToYuan(106805)).toBe("1068.05");
    expect(parseOptions("size: L； milk：oat\ncolour=blue")).toEqual({ size: "L", milk: "oat", colour: "blue" });
    const form = new FormData();
    form.set("shopId", "s1");
    form.set("title", "T");
    form.set("categoryId", "c1");
    form.set("kind", "VOUCHER");
    form.append("image", "id:img1");
    form.append("image", "key:abc");
    form.set("variants.3.name", "B");
    form.set("variants.3.price", "2");
    form.set("variants.3.stock", "");
    form.set("variants.0.name", "A");
    form.set("variants.0.id", "v1");
    form.set("variants.0.price", "1.5");
    form.set("variants.0.originalPrice", "2");
    form.set("variants.0.stock", "4");
    form.set("published", "on");
    const input = createProductInputFromForm(form);
    expect(input.images).toEqual([{ id: "img1" }, { key: "abc" }]);
    expect(input.published).toBe(true);
    expect(input.variants).toEqual([
      { id: "v1", name: "A", options: "", price: 150, originalPrice: 200, stock: 4 },
      { name: "B", options: "", price: 200, originalPrice: undefined, stock: undefined },
    ]);
  });
});

describe("image uploads", () => {
  it("accepts JPEG, PNG and WebP by their bytes and serves them back", async () => {
    const { owner } = await setup();
    expect(sniffImageType(PNG_1x1)).toBe("png");
    expect(sniffImageType(JPEG_HEADER)).toBe("jpeg");
    expect(sniffImageType(WEBP_HEADER)).toBe("webp");
    const png = await uploadImage(t.db, owner.id, PNG_1x1);
    expect(png.key).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(png.url).toBe(`/uploads/${png.key}`);
    expect((await readImage(png.key))?.contentType).toBe("image/png");
    expect((await uploadImage(t.db, owner.id, JPEG_HEADER)).key).toMatch(/\.jpg$/);
    expect((await uploadImage(t.db, owner.id, WEBP_HEADER)).key).toMatch(/\.webp$/);
  });

  it("refuses other content whatever it is called, files over 2 MB, empty files and non-merchants", async () => {
    const { owner } = await setup();
    const shopper = await makeUser(t.db, "Shopper");
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "binary");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await errorsOf(() => uploadImage(t.db, owner.id, gif))).toEqual({ image: "merchant.errors.imageType" });
    expect(await errorsOf(() => uploadImage(t.db, owner.id, svg))).toEqual({ image: "merchant.errors.imageType" });
    const big = Buffer.concat([PNG_1x1, Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(await errorsOf(() => uploadImage(t.db, owner.id, big))).toEqual({ image: "merchant.errors.imageTooLarge" });
    const justRight = Buffer.concat([PNG_1x1, Buffer.alloc(MAX_IMAGE_BYTES - PNG_1x1.length)]);
    expect((await saveImage(justRight)).key).toMatch(/\.png$/);
    expect(await errorsOf(() => uploadImage(t.db, owner.id, Buffer.alloc(0)))).toEqual({ image: "merchant.errors.imageEmpty" });
    expect(await errorsOf(() => uploadImage(t.db, shopper.id, PNG_1x1))).toEqual({ _form: "merchant.errors.notMerchant" });
  });

  it("attaches uploads to a product in order, keeps, reorders and removes them on edit", async () => {
    const { cats, owner, shop } = await setup();
    const a = await uploadImage(t.db, owner.id, PNG_1x1);
    const b = await uploadImage(t.db, owner.id, JPEG_HEADER);
    const p = await createProduct(t.db, owner.id, { ...validInput(shop.id, cats.tea.id), images: [{ key: a.key }, { key: b.key }] });
    const edit = await getProductForEdit(t.db, owner.id, p.id);
    expect(edit.images.map((i) => i.url)).toEqual([a.url, b.url]);
    // The same upload cannot be attached twice.
    expect(
      await errorsOf(() => createProduct(t.db, owner.id, { ...validInput(shop.id, cats.tea.id), images: [{ key: a.key }] })),
    ).toEqual({ images: "merchant.errors.imageMissing" });

    const c = await uploadImage(t.db, owner.id, WEBP_HEADER);
    await updateProduct(t.db, owner.id, {
      productId: p.id,
      title: edit.title,
      description: edit.description,
      categoryId: edit.categoryId,
      kind: edit.kind,
      images: [{ key: c.key }, { id: edit.images[1].id }],
      variants: edit.variants.map((v) => ({ id: v.id, name: v.name, options: v.options, price: v.price, originalPrice: v.originalPrice, stock: v.stock, loadedStock: v.stock })),
    });
    const after = await getProductForEdit(t.db, owner.id, p.id);
    expect(after.images.map((i) => i.url)).toEqual([c.url, b.url]);
    expect(await imageExists(a.key)).toBe(false); // removed from storage after the commit
    expect(await imageExists(b.key)).toBe(true);
  });
});

describe("editing, publishing and deleting", () => {
  it("edits variants: updates kept ones, adds new ones, removes unordered ones", async () => {
    const { cats, owner, shop } = await setup();
    const p = await createProduct(t.db, owner.id, validInput(shop.id, cats.tea.id));
    const edit = await getProductForEdit(t.db, owner.id, p.id);
    await updateProduct(t.db, owner.id, {
      productId: p.id,
      title: "Oolong, roasted",
      categoryId: cats.coffee.id,
      kind: "VOUCHER",
      variants: [
        { id: edit.variants[1].id, name: "250 g", price: 9900, originalPrice: 12800, stock: 5, loadedStock: edit.variants[1].stock },
        { name: "1 kg", price: 30000, stock: 2 },
      ],
    });
    const row = await t.db.product.findUniqueOrThrow({ where: { id: p.id }, include: { variants: { orderBy: { position: "asc" } } } });
    expect(row.title).toBe("Oolong, roasted");
    expect(row.kind).toBe("VOUCHER");
    expect(row.categoryId).toBe(cats.coffee.id);
    expect(row.variants.map((v) => [v.id === edit.variants[1].id, v.name, v.price, v.stock])).toEqual([
      [true, "250 g", 9900, 5],
      [false, "1 kg", 30000, 2],
    ]);
  });

  it("never undoes a sale: untouched stock is not written, a changed one only over what the form loaded", async () => {
    const { cats, owner, shop } = await setup();
    const p = await createProduct(t.db, owner.id, validInput(shop.id, cats.tea.id));
    const edit = await getProductForEdit(t.db, owner.id, p.id);
    const v = edit.variants[0];
    const save = (stock: number, title = edit.title) =>
      updateProduct(t.db, owner.id, {
        productId: p.id,
        title,
        categoryId: edit.categoryId,
        kind: edit.kind,
        variants: edit.variants.map((x) => ({ id: x.id, name: x.name, options: x.options, price: x.price, stock: x.id === v.id ? stock : x.stock, loadedStock: x.stock })),
      });
    const stockNow = async () => (await t.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock;

    // A sale comes in while the form is open (as the payment webhook takes stock).
    await t.db.$executeRaw`UPDATE "Variant" SET stock = stock - 1 WHERE id = ${v.id}`;
    // Saving a title change with the stock as loaded keeps the sale.
    await save(v.stock, "Renamed");
    expect(await stockNow()).toBe(v.stock - 1);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: p.id } })).title).toBe("Renamed");
    // Saving a new stock over the stale value is refused on that field, and nothing is written.
    expect(await errorsOf(() => save(v.stock + 50, "Renamed again"))).toEqual({ "variants.0.stock": "merchant.errors.stockChanged" });
    expect(await stockNow()).toBe(v.stock - 1);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: p.id } })).title).toBe("Renamed");
    // From a fresh form it goes through.
    const fresh = await getProductForEdit(t.db, owner.id, p.id);
    await updateProduct(t.db, owner.id, {
      productId: p.id,
      title: fresh.title,
      categoryId: fresh.categoryId,
      kind: fresh.kind,
      variants: fresh.variants.map((x) => ({ id: x.id, name: x.name, options: x.options, price: x.price, stock: x.id === v.id ? 99 : x.stock, loadedStock: x.stock })),
    });
    expect(await stockNow()).toBe(99);
  });

  it("refuses to remove an ordered variant or delete an ordered product, and changes nothing", async () => {
    const { cats, owner, shop } = await setup();
    const buyer = await makeUser(t.db, "Buyer");
    const product = await makeProduct(t.db, shop.id, cats.tea.id, { variants: [{ name: "A" }, { name: "B" }] });
    await makeSelfOrder(t.db, buyer.id, product);
    const before = await t.db.product.findUniqueOrThrow({ where: { id: product.id }, include: { variants: true } });
    expect(
      await errorsOf(() =>
        updateProduct(t.db, owner.id, {
          productId: product.id,
          title: "Renamed",
          categoryId: cats.tea.id,
          kind: "PHYSICAL",
          variants: [{ id: product.variants[1].id, name: "B", price: 1000, stock: 1, loadedStock: product.variants[1].stock }],
        }),
      ),
    ).toEqual({ variants: "merchant.errors.variantHasOrders" });
    expect(await errorsOf(() => deleteProduct(t.db, owner.id, { productId: product.id }))).toEqual({
      _form: "merchant.errors.productHasOrders",
    });
    expect(await t.db.product.findUniqueOrThrow({ where: { id: product.id }, include: { variants: true } })).toEqual(before);
    // A variant id from another product is not accepted either.
    const other = await makeProduct(t.db, shop.id, cats.tea.id);
    expect(
      await errorsOf(() =>
        updateProduct(t.db, owner.id, {
          productId: product.id,
          title: "x",
          categoryId: cats.tea.id,
          kind: "PHYSICAL",
          variants: [
            ...product.variants.map((v) => ({ id: v.id, name: v.name, price: 1, stock: 1, loadedStock: v.stock })),
            { id: other.variants[0].id, name: "Z", price: 1, stock: 1, loadedStock: other.variants[0].stock },
          ],
        }),
      ),
    ).toEqual({ variants: "validation.invalid" });
  });

  it("publishes, unpublishes and deletes a never-ordered product with its images", async () => {
    const { cats, owner, shop } = await setup();
    const img = await uploadImage(t.db, owner.id, PNG_1x1);
    const p = await createProduct(t.db, owner.id, { ...validInput(shop.id, cats.tea.id), images: [{ key: img.key }] });
    expect(await getProductPage(t.db, p.id, null)).toBeNull();
    await setProductPublished(t.db, owner.id, { productId: p.id, published: true });
    expect((await getProductPage(t.db, p.id, null))?.title).toBe("Oolong 乌龙茶");
    await setProductPublished(t.db, owner.id, { productId: p.id, published: false });
    expect(await getProductPage(t.db, p.id, null)).toBeNull();
    expect((await getProductPage(t.db, p.id, owner.id))?.viewerIsOwner).toBe(true); // owner's preview
    await deleteProduct(t.db, owner.id, { productId: p.id });
    expect(await t.db.product.findUnique({ where: { id: p.id } })).toBeNull();
    expect(await imageExists(img.key)).toBe(false);
  });
});

describe("shops, gifting switch and gift zone", () => {
  it("opens a shop with a unique slug and lists it with counts", async () => {
    const { owner } = await setup();
    const s = await createShop(t.db, owner.id, { name: "Tea House 茶馆", slug: "Tea-House-1", description: "" });
    expect(s.slug).toBe("tea-house-1");
    expect(await errorsOf(() => createShop(t.db, owner.id, { name: "Again", slug: "tea-house-1" }))).toEqual({ slug: "merchant.errors.slugTaken" });
    expect(await errorsOf(() => createShop(t.db, owner.id, { name: "Bad", slug: "茶馆" }))).toEqual({ slug: "merchant.errors.slugInvalid" });
    const mine = await listMyShops(t.db, owner.id);
    expect(mine.map((m) => m.slug)).toContain("tea-house-1");
  });

  it("turning gifting off takes Send to a friend off every product of the shop at once", async () => {
    const { cats, owner, shop } = await setup();
    const a = await makeProduct(t.db, shop.id, cats.tea.id);
    const b = await makeProduct(t.db, shop.id, cats.coffee.id);
    expect((await getProductPage(t.db, a.id, null))?.gift.eligible).toBe(true);
    await setShopGifting(t.db, owner.id, { shopId: shop.id, enabled: false });
    for (const p of [a, b]) {
      const page = await getProductPage(t.db, p.id, null);
      expect(page?.gift).toEqual({ eligible: false, reasons: ["shopGiftingOff"], giftableVariantIds: [] });
    }
    await setShopGifting(t.db, owner.id, { shopId: shop.id, enabled: true });
    expect((await getProductPage(t.db, b.id, null))?.gift.eligible).toBe(true);
  });

  it("updates name, description and cover, deleting a replaced uploaded cover", async () => {
    const { owner, shop } = await setup();
    const c1 = await uploadImage(t.db, owner.id, PNG_1x1);
    const c2 = await uploadImage(t.db, owner.id, PNG_1x1);
    await updateShopSettings(t.db, owner.id, { shopId: shop.id, name: "New name", description: "Hello", coverKey: c1.key });
    expect(await getMyShop(t.db, owner.id, shop.id)).toMatchObject({ name: "New name", description: "Hello", coverImage: c1.url });
    await updateShopSettings(t.db, owner.id, { shopId: shop.id, name: "New name", description: "Hello", coverKey: c2.key });
    expect(await imageExists(c1.key)).toBe(false);
    await updateShopSettings(t.db, owner.id, { shopId: shop.id, name: "New name", description: "", coverKey: null });
    expect((await getMyShop(t.db, owner.id, shop.id)).coverImage).toBeNull();
    expect(await errorsOf(() => updateShopSettings(t.db, owner.id, { shopId: shop.id, name: " " }))).toEqual({ name: "validation.required" });
  });

  it("sets the gift zone order and clears products taken out", async () => {
    const { cats, owner, shop } = await setup();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => makeProduct(t.db, shop.id, cats.tea.id)));
    await setGiftZone(t.db, owner.id, { shopId: shop.id, productIds: [c.id, a.id] });
    expect((await getGiftZoneEditor(t.db, owner.id, shop.id)).filter((p) => p.featured).map((p) => p.id)).toEqual([c.id, a.id]);
    await setGiftZone(t.db, owner.id, { shopId: shop.id, productIds: [b.id] });
    const ranks = await t.db.product.findMany({ where: { shopId: shop.id }, select: { id: true, giftZoneRank: true } });
    expect(Object.fromEntries(ranks.map((r) => [r.id, r.giftZoneRank]))).toEqual({ [a.id]: null, [b.id]: 1, [c.id]: null });
    expect(await errorsOf(() => setGiftZone(t.db, owner.id, { shopId: shop.id, productIds: [a.id, a.id] }))).toEqual({ productIds: "validation.invalid" });
  });
});

describe("ownership: another merchant is refused every action and nothing changes", () => {
  it("refuses each merchant action on someone else's shop, product and order", async () => {
    const { cats, owner, shop } = await setup();
    const intruder = await makeUser(t.db, "Intruder");
    const intruderShop = await makeShop(t.db, intruder.id);
    const buyer = await makeUser(t.db, "Buyer");
    const recipient = await makeUser(t.db, "Recipient");
    const product = await makeProduct(t.db, shop.id, cats.tea.id, { published: false, variants: [{ name: "A" }] });
    const selfOrder = await makeSelfOrder(t.db, buyer.id, product);
    const gift = await makeGiftOrder(t.db, buyer.id, recipient.id, product, { accepted: true });
    const upload = await uploadImage(t.db, intruder.id, PNG_1x1);

    const snapshot = async () => ({
      shops: await t.db.shop.findMany({ orderBy: { id: "asc" } }),
      products: await t.db.product.findMany({ orderBy: { id: "asc" }, include: { variants: true, images: true } }),
      orders: await t.db.order.findMany({ orderBy: { id: "asc" } }),
      claims: await t.db.giftClaim.findMany({ orderBy: { id: "asc" } }),
      shipments: await t.db.shipment.count(),
      messages: await t.db.message.count(),
    });
    const before = await snapshot();

    const attempts: [string, () => Promise<unknown>, string][] = [
      ["getMyShop", () => getMyShop(t.db, intruder.id, shop.id), "merchant.errors.shopNotFound"],
      ["updateShopSettings", () => updateShopSettings(t.db, intruder.id, { shopId: shop.id, name: "Mine now", coverKey: upload.key }), "merchant.errors.shopNotFound"],
      ["setShopGifting", () => setShopGifting(t.db, intruder.id, { shopId: shop.id, enabled: false }), "merchant.errors.shopNotFound"],
      ["createProduct", () => createProduct(t.db, intruder.id, validInput(shop.id, cats.tea.id)), "merchant.errors.shopNotFound"],
      ["listMerchantProducts", () => listMerchantProducts(t.db, intruder.id, shop.id), "merchant.errors.shopNotFound"],
      ["getProductForEdit", () => getProductForEdit(t.db, intruder.id, product.id), "merchant.errors.productNotFound"],
      [
        "updateProduct",
        () =>
          updateProduct(t.db, intruder.id, {
            productId: product.id,
            title: "Hijacked",
            categoryId: cats.tea.id,
            kind: "PHYSICAL",
            variants: [{ id: product.variants[0].id, name: "A", price: 1, stock: 0, loadedStock: product.variants[0].stock }],
          }),
        "merchant.errors.productNotFound",
      ],
      ["setProductPublished", () => setProductPublished(t.db, intruder.id, { productId: product.id, published: true }), "merchant.errors.productNotFound"],
      ["deleteProduct", () => deleteProduct(t.db, intruder.id, { productId: product.id }), "merchant.errors.productNotFound"],
      ["setGiftZone (their shop)", () => setGiftZone(t.db, intruder.id, { shopId: shop.id, productIds: [product.id] }), "merchant.errors.shopNotFound"],
      ["setGiftZone (own shop, other's product)", () => setGiftZone(t.db, intruder.id, { shopId: intruderShop.id, productIds: [product.id] }), "merchant.errors.productNotFound"],
      ["getGiftZoneEditor", () => getGiftZoneEditor(t.db, intruder.id, shop.id), "merchant.errors.shopNotFound"],
      ["getMerchantOrder", () => getMerchantOrder(t.db, intruder.id, selfOrder.id), "merchant.errors.orderNotFound"],
      ["markShipped (self)", () => markShipped(t.db, intruder.id, { orderId: selfOrder.id, carrier: "SF Express", trackingNumber: "SF1234" }), "merchant.errors.orderNotFound"],
      ["markShipped (gift)", () => markShipped(t.db, intruder.id, { orderId: gift.order.id, carrier: "SF Express", trackingNumber: "SF1234" }), "merchant.errors.orderNotFound"],
      ["markDelivered", () => markDelivered(t.db, intruder.id, { orderId: selfOrder.id }), "merchant.errors.orderNotFound"],
      [
        "createProduct moving into own shop with other's image",
        async () => {
          const img = await t.db.productImage.create({ data: { productId: product.id, url: "/x.webp" } });
          try {
            return await createProduct(t.db, intruder.id, { ...validInput(intruderShop.id, cats.tea.id), images: [{ id: img.id }] });
          } finally {
            await t.db.productImage.delete({ where: { id: img.id } });
          }
        },
        "merchant.errors.imageMissing",
      ],
    ];
    for (const [name, attempt, key] of attempts) {
      const err = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(DomainError);
      expect((err as DomainError).key, name).toBe(key);
    }
    // Lists show only the intruder's own things.
    expect((await listMerchantOrders(t.db, intruder.id)).items).toEqual([]);
    expect((await listMerchantOrders(t.db, intruder.id, { shopId: shop.id })).items).toEqual([]);
    expect((await listMyShops(t.db, intruder.id)).map((s) => s.id)).toEqual([intruderShop.id]);
    expect(await snapshot()).toEqual(before);
    // The owner can do all of it.
    expect((await listMerchantOrders(t.db, owner.id)).items.map((o) => o.id).sort()).toEqual([selfOrder.id, gift.order.id].sort());
  });
});
