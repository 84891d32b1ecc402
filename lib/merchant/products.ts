// The merchant's products: create, edit, publish/unpublish, delete (only when never
// ordered). Every write checks that the product's shop belongs to the acting user and
// happens in one statement or one transaction, so a refused save changes nothing.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ProductKind } from "@/lib/db/generated/enums";
import { optionsRecord } from "@/lib/catalog/products";
import { refreshProductSearchText } from "@/lib/catalog/search-text";
import { deleteImage, imageExists, isStorageKey, urlFor } from "@/lib/storage";
import { DomainError } from "@/lib/validation/result";
import { DEFAULT_VOUCHER_VALIDITY_DAYS } from "@/lib/vouchers/issue";
import { ownedProduct, ownedShop, type DbOrTx } from "./access";

export const PRODUCT_TITLE_MAX = 120;
export const PRODUCT_DESCRIPTION_MAX = 4000;
export const MAX_IMAGES = 9;
export const MAX_VARIANTS = 20;
export const VARIANT_NAME_MAX = 60;
export const MAX_OPTIONS = 8;
/** ¥1,000,000 in fen: keeps every amount far inside a 32-bit integer. */
export const MAX_PRICE = 100_000_000;
export const MAX_STOCK = 1_000_000;
/** Ten years: longer than any voucher a shop sells. */
export const MAX_VOUCHER_VALIDITY_DAYS = 3650;

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

const fen = z
  .number({ error: (iss) => (iss.input === undefined ? "validation.required" : "merchant.errors.priceInvalid") })
  .int("merchant.errors.priceInvalid")
  .min(1, "merchant.errors.priceInvalid")
  .max(MAX_PRICE, "merchant.errors.priceTooHigh");

/**
 * "size: 250 g; grind: whole bean" → {size: "250 g", grind: "whole bean"}. Pairs are
 * separated by ";" or new lines, keys from values by ":" or "="; null when malformed.
 */
export function parseOptions(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of text.split(/[;；\n]+/u)) {
    if (!part.trim()) continue;
    const m = /^\s*([^:：=]+?)\s*[:：=]\s*(.+?)\s*$/u.exec(part);
    if (!m) return null;
    out[m[1]] = m[2];
  }
  return out;
}

export function formatOptions(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ");
}

const optionsField = z
  .union([z.string(), z.record(z.string(), z.string())])
  .optional()
  .transform((value, ctx) => {
    const rec = value === undefined ? {} : typeof value === "string" ? parseOptions(value) : value;
    const entries = rec ? Object.entries(rec).map(([k, v]) => [k.trim(), v.trim()] as const) : null;
    if (
      !entries ||
      entries.length > MAX_OPTIONS ||
      entries.some(([k, v]) => !k || !v || k.length > 30 || v.length > 60)
    ) {
      ctx.addIssue({ code: "custom", message: "merchant.errors.optionsInvalid" });
      return z.NEVER;
    }
    return Object.fromEntries(entries);
  });

export const variantInputSchema = z
  .object({
    /** Present for an existing variant being edited. */
    id: id.optional(),
    name: z.string().trim().min(1, "validation.required").max(VARIANT_NAME_MAX, "merchant.errors.variantNameTooLong"),
    options: optionsField,
    price: fen,
    /** The struck-through price; defaults to the price. */
    originalPrice: fen.optional(),
    stock: z
      .number({ error: (iss) => (iss.input === undefined ? "validation.required" : "merchant.errors.stockInvalid") })
      .int("merchant.errors.stockInvalid")
      .min(0, "merchant.errors.stockNegative")
      .max(MAX_STOCK, "merchant.errors.stockTooHigh"),
    /**
     * Existing variants: the stock the form showed. Sales keep taking stock while the form
     * is open, so a changed stock is written only if it is still this value.
     */
    loadedStock: z.number().int().min(0).optional(),
  })
  .refine((v) => v.id === undefined || v.loadedStock !== undefined, { message: "merchant.errors.stockChanged", path: ["stock"] })
  .refine((v) => v.originalPrice === undefined || v.originalPrice >= v.price, {
    message: "merchant.errors.originalBelowPrice",
    path: ["originalPrice"],
    // Checked as soon as both amounts are valid, alongside any other field's error.
    when: (payload) => {
      const v = payload.value as { price?: unknown; originalPrice?: unknown };
      return fen.safeParse(v.price).success && (v.originalPrice === undefined || fen.safeParse(v.originalPrice).success);
    },
  })
  .transform((v) => ({ ...v, originalPrice: v.originalPrice ?? v.price }));

export const imageRefSchema = z.union([
  z.object({ id }),
  z.object({ key: z.string().refine(isStorageKey, "merchant.errors.imageMissing") }),
]);

const productFields = {
  title: z.string().trim().min(1, "validation.required").max(PRODUCT_TITLE_MAX, "merchant.errors.titleTooLong"),
  description: z.string().trim().max(PRODUCT_DESCRIPTION_MAX, "merchant.errors.descriptionTooLong").default(""),
  categoryId: id,
  kind: z.enum(["PHYSICAL", "VOUCHER"], "validation.invalid"),
  /** Vouchers: days a code stays redeemable after it is issued. */
  voucherValidityDays: z
    .number("merchant.errors.validityInvalid")
    .int("merchant.errors.validityInvalid")
    .min(1, "merchant.errors.validityInvalid")
    .max(MAX_VOUCHER_VALIDITY_DAYS, "merchant.errors.validityInvalid")
    .default(DEFAULT_VOUCHER_VALIDITY_DAYS),
  /** In display order: existing images by id, fresh uploads by storage key. */
  images: z.array(imageRefSchema).max(MAX_IMAGES, "merchant.errors.tooManyImages").default([]),
  variants: z
    .array(variantInputSchema)
    .min(1, "merchant.errors.variantRequired")
    .max(MAX_VARIANTS, "merchant.errors.tooManyVariants")
    .superRefine((variants, ctx) => {
      const seen = new Set<string>();
      variants.forEach((v, i) => {
        const name = v.name.toLowerCase();
        if (seen.has(name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: "merchant.errors.variantNameDuplicate" });
        seen.add(name);
      });
    }),
};

export const createProductSchema = z.object({ shopId: id, ...productFields, published: z.boolean().default(false) });
export const updateProductSchema = z.object({ productId: id, ...productFields });
export const publishSchema = z.object({ productId: id, published: z.boolean() });
export const productIdSchema = z.object({ productId: id });

export type CreateProductInput = z.input<typeof createProductSchema>;
export type UpdateProductInput = z.input<typeof updateProductSchema>;

async function checkCategory(db: DbOrTx, categoryId: string) {
  const found = await db.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!found) throw new DomainError("merchant.errors.categoryNotFound", "categoryId");
}

/** New uploads must exist in storage and belong to no image yet. */
async function checkNewImageKeys(db: DbOrTx, keys: string[]) {
  if (new Set(keys).size !== keys.length) throw new DomainError("merchant.errors.imageMissing", "images");
  if (keys.length === 0) return;
  const used = await db.productImage.count({ where: { storageKey: { in: keys } } });
  if (used > 0) throw new DomainError("merchant.errors.imageMissing", "images");
  for (const key of keys) if (!(await imageExists(key))) throw new DomainError("merchant.errors.imageMissing", "images");
}

type VariantData = z.output<typeof variantInputSchema>;
const variantFields = (v: VariantData, position: number) => ({
  name: v.name,
  options: v.options,
  price: v.price,
  originalPrice: v.originalPrice,
  currency: "CNY",
  position,
});
const variantRow = (v: VariantData, position: number) => ({ ...variantFields(v, position), stock: v.stock });

/** Creates a product with its variants and images, unpublished unless asked. */
export async function createProduct(db: Db, userId: string, raw: CreateProductInput) {
  const input = createProductSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await ownedShop(tx, userId, input.shopId);
    await checkCategory(tx, input.categoryId);
    if (input.variants.some((v) => v.id)) throw new DomainError("validation.invalid", "variants");
    const keys = input.images.map((r) => ("key" in r ? r.key : null));
    if (keys.some((k) => k === null)) throw new DomainError("merchant.errors.imageMissing", "images");
    await checkNewImageKeys(tx, keys as string[]);
    const created = await tx.product.create({
      data: {
        shopId: input.shopId,
        categoryId: input.categoryId,
        title: input.title,
        description: input.description,
        kind: input.kind,
        voucherValidityDays: input.voucherValidityDays,
        published: input.published,
        variants: { create: input.variants.map(variantRow) },
        images: { create: (keys as string[]).map((key, position) => ({ url: urlFor(key), storageKey: key, position })) },
      },
      select: { id: true, shopId: true },
    });
    await refreshProductSearchText(tx, { productIds: [created.id] });
    return created;
  });
}

/**
 * Replaces a product's fields, variants and images with the submitted ones. Variants
 * that have been ordered cannot be removed (their orders point at them). Removed
 * uploaded images are deleted from storage after the commit.
 */
export async function updateProduct(db: Db, userId: string, raw: UpdateProductInput) {
  const input = updateProductSchema.parse(raw);
  const removedKeys = await db.$transaction(async (tx) => {
    const owned = await ownedProduct(tx, userId, input.productId);
    // One editor at a time per product; orders for it wait for this save. Its variants
    // are locked before the product: a sale that sells a variant out holds that variant,
    // then locks the product to update Product.giftable, so taking them in the other
    // order here could deadlock with it.
    await tx.$executeRaw`SELECT 1 FROM "Variant" WHERE "productId" = ${owned.id} ORDER BY "id" FOR UPDATE`;
    await tx.$executeRaw`SELECT 1 FROM "Product" WHERE "id" = ${owned.id} FOR UPDATE`;
    await checkCategory(tx, input.categoryId);
    const current = await tx.product.findUniqueOrThrow({
      where: { id: owned.id },
      select: {
        variants: { select: { id: true, _count: { select: { orders: true, claims: true } } } },
        images: { select: { id: true, storageKey: true } },
      },
    });

    // Variants: kept ones by id, new ones without; the rest go, unless ever ordered.
    const currentVariants = new Map(current.variants.map((v) => [v.id, v]));
    const keptIds = input.variants.flatMap((v) => (v.id ? [v.id] : []));
    if (new Set(keptIds).size !== keptIds.length || keptIds.some((vid) => !currentVariants.has(vid))) {
      throw new DomainError("validation.invalid", "variants");
    }
    const removedVariants = current.variants.filter((v) => !keptIds.includes(v.id));
    if (removedVariants.some((v) => v._count.orders > 0 || v._count.claims > 0)) {
      throw new DomainError("merchant.errors.variantHasOrders", "variants");
    }

    // Images: kept ones by id, new uploads by key.
    const currentImages = new Map(current.images.map((i) => [i.id, i]));
    const keptImageIds = input.images.flatMap((r) => ("id" in r ? [r.id] : []));
    if (new Set(keptImageIds).size !== keptImageIds.length || keptImageIds.some((iid) => !currentImages.has(iid))) {
      throw new DomainError("merchant.errors.imageMissing", "images");
    }
    await checkNewImageKeys(
      tx,
      input.images.flatMap((r) => ("key" in r ? [r.key] : [])),
    );
    const removedImages = current.images.filter((i) => !keptImageIds.includes(i.id));

    await tx.product.update({
      where: { id: owned.id },
      data: {
        title: input.title,
        description: input.description,
        categoryId: input.categoryId,
        kind: input.kind,
        voucherValidityDays: input.voucherValidityDays,
      },
    });
    await refreshProductSearchText(tx, { productIds: [owned.id] });
    if (removedVariants.length) await tx.variant.deleteMany({ where: { id: { in: removedVariants.map((v) => v.id) } } });
    for (const [position, v] of input.variants.entries()) {
      if (!v.id) {
        await tx.variant.create({ data: { productId: owned.id, ...variantRow(v, position) } });
        continue;
      }
      await tx.variant.update({ where: { id: v.id }, data: variantFields(v, position) });
      // A save never undoes a sale: stock the merchant left alone is not written, and a
      // changed one only over the value the form loaded.
      if (v.stock !== v.loadedStock) {
        const set = await tx.$executeRaw`UPDATE "Variant" SET stock = ${v.stock} WHERE id = ${v.id} AND stock = ${v.loadedStock}`;
        if (set === 0) throw new DomainError("merchant.errors.stockChanged", `variants.${position}.stock`);
      }
    }
    if (removedImages.length) await tx.productImage.deleteMany({ where: { id: { in: removedImages.map((i) => i.id) } } });
    for (const [position, r] of input.images.entries()) {
      if ("id" in r) await tx.productImage.update({ where: { id: r.id }, data: { position } });
      else await tx.productImage.create({ data: { productId: owned.id, url: urlFor(r.key), storageKey: r.key, position } });
    }
    return removedImages.flatMap((i) => (i.storageKey ? [i.storageKey] : []));
  });
  for (const key of removedKeys) await deleteImage(key);
  return { id: input.productId };
}

export async function setProductPublished(db: Db, userId: string, raw: z.input<typeof publishSchema>) {
  const input = publishSchema.parse(raw);
  const { count } = await db.product.updateMany({
    where: { id: input.productId, shop: { ownerId: userId } },
    data: { published: input.published },
  });
  if (count !== 1) throw new DomainError("merchant.errors.productNotFound");
  return { id: input.productId, published: input.published };
}

/** Deletes a product that has never been ordered, with its variants and images. */
export async function deleteProduct(db: Db, userId: string, raw: z.input<typeof productIdSchema>) {
  const input = productIdSchema.parse(raw);
  const keys = await db.$transaction(async (tx) => {
    const owned = await ownedProduct(tx, userId, input.productId);
    await tx.$executeRaw`SELECT 1 FROM "Product" WHERE "id" = ${owned.id} FOR UPDATE`;
    const orders = await tx.order.count({ where: { productId: owned.id } });
    if (orders > 0) throw new DomainError("merchant.errors.productHasOrders");
    const images = await tx.productImage.findMany({ where: { productId: owned.id }, select: { storageKey: true } });
    try {
      await tx.product.delete({ where: { id: owned.id } });
    } catch (err) {
      // An order that slipped in still holds it (foreign keys are RESTRICT).
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2003") {
        throw new DomainError("merchant.errors.productHasOrders");
      }
      throw err;
    }
    return images.flatMap((i) => (i.storageKey ? [i.storageKey] : []));
  });
  for (const key of keys) await deleteImage(key);
  return { id: input.productId };
}

export type MerchantProductRow = {
  id: string;
  title: string;
  published: boolean;
  kind: ProductKind;
  categorySlug: string;
  giftZoneRank: number | null;
  imageUrl: string | null;
  variantCount: number;
  minPrice: number | null;
  stock: number;
  orderCount: number;
  updatedAt: Date;
};

/** Every product of one of the user's shops, newest first. */
export async function listMerchantProducts(db: Db, userId: string, shopId: string): Promise<MerchantProductRow[]> {
  await ownedShop(db, userId, shopId);
  const rows = await db.product.findMany({
    where: { shopId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      published: true,
      kind: true,
      giftZoneRank: true,
      updatedAt: true,
      category: { select: { slug: true } },
      images: { orderBy: { position: "asc" }, take: 1, select: { url: true } },
      variants: { select: { price: true, stock: true } },
      _count: { select: { orders: true } },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    published: p.published,
    kind: p.kind,
    categorySlug: p.category.slug,
    giftZoneRank: p.giftZoneRank,
    imageUrl: p.images[0]?.url ?? null,
    variantCount: p.variants.length,
    minPrice: p.variants.length ? Math.min(...p.variants.map((v) => v.price)) : null,
    stock: p.variants.reduce((s, v) => s + v.stock, 0),
    orderCount: p._count.orders,
    updatedAt: p.updatedAt,
  }));
}

export type ProductForEdit = {
  id: string;
  shopId: string;
  title: string;
  description: string;
  categoryId: string;
  kind: ProductKind;
  voucherValidityDays: number;
  published: boolean;
  orderCount: number;
  images: { id: string; url: string }[];
  variants: {
    id: string;
    name: string;
    options: Record<string, string>;
    price: number;
    originalPrice: number;
    stock: number;
    ordered: boolean;
  }[];
};

/** A product of the user's for the edit form. */
export async function getProductForEdit(db: Db, userId: string, productId: string): Promise<ProductForEdit> {
  const owned = await ownedProduct(db, userId, productId);
  const p = await db.product.findUniqueOrThrow({
    where: { id: owned.id },
    select: {
      id: true,
      shopId: true,
      title: true,
      description: true,
      categoryId: true,
      kind: true,
      voucherValidityDays: true,
      published: true,
      _count: { select: { orders: true } },
      images: { orderBy: { position: "asc" }, select: { id: true, url: true } },
      variants: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          options: true,
          price: true,
          originalPrice: true,
          stock: true,
          _count: { select: { orders: true, claims: true } },
        },
      },
    },
  });
  const { _count, variants, ...rest } = p;
  return {
    ...rest,
    orderCount: _count.orders,
    variants: variants.map(({ _count: c, options, ...v }) => ({
      ...v,
      options: optionsRecord(options),
      ordered: c.orders + c.claims > 0,
    })),
  };
}

/** Categories for the product form's select, in a stable order. */
export async function listCategories(db: Db) {
  return db.category.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, giftEligible: true } });
}
