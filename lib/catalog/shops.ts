import type { Db } from "@/lib/db/client";
import { productCardSelect, toProductCard, type ProductCardData } from "./products";

export type ShopSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  coverImage: string | null;
  giftingEnabled: boolean;
  productCount: number;
};

/** Shops for the directory and the home page, with their count of published products. */
export async function listShops(db: Db, opts: { take?: number } = {}): Promise<ShopSummary[]> {
  const shops = await db.shop.findMany({
    orderBy: { createdAt: "asc" },
    take: opts.take,
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      coverImage: true,
      giftingEnabled: true,
      _count: { select: { products: { where: { published: true } } } },
    },
  });
  return shops.map(({ _count, ...s }) => ({ ...s, productCount: _count.products }));
}

export const SHOP_PAGE_SIZE = 12;
/** How many featured products a gift zone shows at most. */
export const GIFT_ZONE_MAX = 12;

export type ShopPage = ShopSummary & {
  followerCount: number;
  /** Whether the viewer follows the shop (false for visitors). */
  following: boolean;
  viewerIsOwner: boolean;
};

export type ShopPageData = Omit<ShopPage, "following" | "viewerIsOwner"> & { ownerId: string };

/** A shop by its slug with its counts, or null; the same for every viewer. */
export async function loadShopPage(db: Db, slug: string): Promise<ShopPageData | null> {
  const shop = await db.shop.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      coverImage: true,
      giftingEnabled: true,
      ownerId: true,
      _count: { select: { followers: true, products: { where: { published: true } } } },
    },
  });
  if (!shop) return null;
  const { _count, ...rest } = shop;
  return { ...rest, productCount: _count.products, followerCount: _count.followers };
}

export async function isFollowing(db: Db, userId: string | null, shopId: string): Promise<boolean> {
  if (!userId) return false;
  return (await db.shopFollow.count({ where: { shopId, userId } })) > 0;
}

/** A shop by its slug with its follower count and the viewer's relation to it, or null. */
export async function getShopPage(db: Db, slug: string, viewerId: string | null): Promise<ShopPage | null> {
  const data = await loadShopPage(db, slug);
  if (!data) return null;
  const { ownerId, ...shop } = data;
  return { ...shop, following: await isFollowing(db, viewerId, shop.id), viewerIsOwner: viewerId === ownerId };
}

/**
 * The shop's gift zone (礼物专区): the products the merchant features, in the merchant's
 * order, that can be sent as gifts right now (lib/gifting/eligibility.ts decides; a
 * featured product that is sold out or over the price limit waits off the list). Empty
 * when the shop's gifting is off, so the zone disappears with it.
 */
export async function listGiftZone(db: Db, shopId: string): Promise<ProductCardData[]> {
  const rows = await db.product.findMany({
    where: { shopId, published: true, giftZoneRank: { not: null }, shop: { giftingEnabled: true } },
    orderBy: [{ giftZoneRank: "asc" }, { createdAt: "desc" }],
    // A merchant features at most GIFT_ZONE_MAX; read them all, then keep the giftable.
    take: GIFT_ZONE_MAX * 2,
    select: productCardSelect,
  });
  return rows
    .map(toProductCard)
    .filter((card) => card.giftable)
    .slice(0, GIFT_ZONE_MAX);
}

export type ProductListPage = { items: ProductCardData[]; page: number; pageCount: number; total: number };

/** All published products of a shop, newest first, one page at a time (pages start at 1). */
export async function listShopProducts(
  db: Db,
  shopId: string,
  opts: { page?: number; perPage?: number } = {},
): Promise<ProductListPage> {
  const perPage = opts.perPage ?? SHOP_PAGE_SIZE;
  const where = { shopId, published: true };
  const requested = Math.max(1, Math.floor(opts.page ?? 1));
  const query = (page: number) =>
    db.product.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: productCardSelect,
    });
  // Count and page in parallel; a page past the end (rare) is fetched again as the last one.
  const [total, rows] = await Promise.all([db.product.count({ where }), query(requested)]);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(requested, pageCount);
  const items = page === requested ? rows : await query(page);
  return { items: items.map(toProductCard), page, pageCount, total };
}

/** `?page=` as a page number: anything odd means page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
