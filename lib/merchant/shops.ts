// The merchant's shops: create, settings (name, description, cover) and the one gifting
// switch. Turning gifting off takes "Send to a friend" off every product of the shop at
// once, because eligibility reads Shop.giftingEnabled (lib/gifting/eligibility.ts).
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { refreshProductSearchText } from "@/lib/catalog/search-text";
import { deleteImage, imageExists, isStorageKey, urlFor } from "@/lib/storage";
import { DomainError } from "@/lib/validation/result";
import { ownedShop } from "./access";

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

export const SHOP_NAME_MAX = 60;
export const SHOP_DESCRIPTION_MAX = 500;

const shopName = z.string().trim().min(1, "validation.required").max(SHOP_NAME_MAX, "merchant.errors.nameTooLong");
const shopDescription = z.string().trim().max(SHOP_DESCRIPTION_MAX, "merchant.errors.descriptionTooLong").default("");

export const createShopSchema = z.object({
  name: shopName,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "merchant.errors.slugInvalid")
    .max(40, "merchant.errors.slugInvalid")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "merchant.errors.slugInvalid"),
  description: shopDescription,
});

export const shopSettingsSchema = z.object({
  shopId: id,
  name: shopName,
  description: shopDescription,
  /** undefined keeps the cover, null removes it, a storage key sets a freshly uploaded one. */
  coverKey: z.string().refine(isStorageKey, "merchant.errors.imageMissing").nullable().optional(),
});

export const shopGiftingSchema = z.object({ shopId: id, enabled: z.boolean() });

export type MerchantShopRow = {
  id: string;
  slug: string;
  name: string;
  coverImage: string | null;
  giftingEnabled: boolean;
  productCount: number;
  publishedCount: number;
  orderCount: number;
  toShipCount: number;
};

/** The user's shops with the counts the overview shows. */
export async function listMyShops(db: Db, userId: string): Promise<MerchantShopRow[]> {
  const shops = await db.shop.findMany({
    where: { ownerId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      coverImage: true,
      giftingEnabled: true,
      _count: { select: { products: true, orders: { where: { status: { not: "PENDING_PAYMENT" } } } } },
    },
  });
  if (shops.length === 0) return [];
  const ids = shops.map((s) => s.id);
  const [published, selfToShip, claimsToShip] = await Promise.all([
    db.product.groupBy({ by: ["shopId"], where: { shopId: { in: ids }, published: true }, _count: { _all: true } }),
    db.order.groupBy({
      by: ["shopId"],
      where: { shopId: { in: ids }, kind: "SELF", status: "PAID", product: { kind: "PHYSICAL" } },
      _count: { _all: true },
    }),
    db.giftClaim.findMany({
      where: { status: "ACCEPTED", gift: { order: { shopId: { in: ids }, product: { kind: "PHYSICAL" } } } },
      select: { gift: { select: { order: { select: { shopId: true } } } } },
    }),
  ]);
  const n = (rows: { shopId: string; _count: { _all: number } }[], shopId: string) =>
    rows.find((r) => r.shopId === shopId)?._count._all ?? 0;
  return shops.map(({ _count, ...s }) => ({
    ...s,
    productCount: _count.products,
    orderCount: _count.orders,
    publishedCount: n(published, s.id),
    toShipCount: n(selfToShip, s.id) + claimsToShip.filter((c) => c.gift.order.shopId === s.id).length,
  }));
}

/** One of the user's shops for the console, or DomainError merchant.errors.shopNotFound. */
export async function getMyShop(db: Db, userId: string, shopId: string) {
  return ownedShop(db, userId, shopId);
}

/** Opens a shop; the user becomes its owner (a merchant). */
export async function createShop(db: Db, userId: string, raw: z.input<typeof createShopSchema>) {
  const input = createShopSchema.parse(raw);
  try {
    return await db.shop.create({
      data: { ownerId: userId, name: input.name, slug: input.slug, description: input.description, giftingEnabled: true },
      select: { id: true, slug: true },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new DomainError("merchant.errors.slugTaken", "slug");
    }
    throw err;
  }
}

/** Name, description and cover. A replaced or removed uploaded cover is deleted afterwards. */
export async function updateShopSettings(db: Db, userId: string, raw: z.input<typeof shopSettingsSchema>) {
  const input = shopSettingsSchema.parse(raw);
  const shop = await ownedShop(db, userId, input.shopId);
  const data: Prisma.ShopUpdateManyMutationInput = { name: input.name, description: input.description };
  if (input.coverKey !== undefined && input.coverKey !== shop.coverImageKey) {
    if (input.coverKey !== null && !(await imageExists(input.coverKey))) {
      throw new DomainError("merchant.errors.imageMissing", "cover");
    }
    data.coverImageKey = input.coverKey;
    data.coverImage = input.coverKey === null ? null : urlFor(input.coverKey);
  }
  // Conditional on the owner, so a shop handed over meanwhile is not written.
  const { count } = await db.shop.updateMany({ where: { id: shop.id, ownerId: userId }, data });
  if (count !== 1) throw new DomainError("merchant.errors.shopNotFound");
  if (input.name !== shop.name) await refreshProductSearchText(db, { shopId: shop.id }); // search finds products by shop name
  if ("coverImageKey" in data && shop.coverImageKey) await deleteImage(shop.coverImageKey);
  return { id: shop.id, slug: shop.slug };
}

/** The gifting switch for the whole shop. */
export async function setShopGifting(db: Db, userId: string, raw: z.input<typeof shopGiftingSchema>) {
  const input = shopGiftingSchema.parse(raw);
  const { count } = await db.shop.updateMany({
    where: { id: input.shopId, ownerId: userId },
    data: { giftingEnabled: input.enabled },
  });
  if (count !== 1) throw new DomainError("merchant.errors.shopNotFound");
  const shop = await db.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { id: true, slug: true, giftingEnabled: true } });
  return shop;
}
