// What shoppers see of products: cards for lists, and the product page. Gift eligibility
// always comes from lib/gifting/eligibility.ts; nothing here decides it.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ProductKind } from "@/lib/db/generated/enums";
import {
  productGiftEligibility,
  variantGiftEligibility,
  type Eligibility,
  type ProductEligibility,
} from "@/lib/gifting/eligibility";

/** Fields a product card needs; select with `productCardSelect`. */
export const productCardSelect = {
  id: true,
  title: true,
  published: true,
  shop: { select: { giftingEnabled: true, name: true, slug: true } },
  category: { select: { giftEligible: true } },
  images: { orderBy: { position: "asc" }, take: 1, select: { url: true } },
  variants: {
    orderBy: { position: "asc" },
    select: { id: true, price: true, originalPrice: true, currency: true, stock: true },
  },
} satisfies Prisma.ProductSelect;

type CardRow = Prisma.ProductGetPayload<{ select: typeof productCardSelect }>;

export type ProductCardData = {
  id: string;
  title: string;
  imageUrl: string | null;
  shopName: string;
  shopSlug: string;
  /** The lowest price over the variants (fen), and that variant's original price. */
  price: number | null;
  originalPrice: number | null;
  currency: string;
  giftable: boolean;
  soldOut: boolean;
};

export function toProductCard(p: CardRow): ProductCardData {
  const cheapest = [...p.variants].sort((a, b) => a.price - b.price)[0];
  const eligibility = productGiftEligibility({
    shop: p.shop,
    category: p.category,
    published: p.published,
    variants: p.variants,
  });
  return {
    id: p.id,
    title: p.title,
    imageUrl: p.images[0]?.url ?? null,
    shopName: p.shop.name,
    shopSlug: p.shop.slug,
    price: cheapest?.price ?? null,
    originalPrice: cheapest?.originalPrice ?? null,
    currency: cheapest?.currency ?? "CNY",
    giftable: eligibility.eligible,
    soldOut: p.variants.every((v) => v.stock <= 0),
  };
}

export type ProductPageVariant = {
  id: string;
  name: string;
  options: Record<string, string>;
  price: number;
  originalPrice: number;
  currency: string;
  stock: number;
  gift: Eligibility;
};

export type ProductPage = {
  id: string;
  title: string;
  description: string;
  kind: ProductKind;
  published: boolean;
  categorySlug: string;
  shop: { id: string; slug: string; name: string; giftingEnabled: boolean };
  images: { id: string; url: string }[];
  variants: ProductPageVariant[];
  gift: ProductEligibility;
  /** True when the viewer owns the shop (they may preview an unpublished product). */
  viewerIsOwner: boolean;
};

export function optionsRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

export type ProductPageData = Omit<ProductPage, "viewerIsOwner"> & { ownerId: string };

/**
 * Everything the product page shows, whoever looks, or null when there is no such
 * product. Pass it through `productPageFor` before showing it to anyone.
 */
export async function loadProductPage(db: Db, productId: string): Promise<ProductPageData | null> {
  const p = await db.product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      title: true,
      description: true,
      kind: true,
      published: true,
      category: { select: { slug: true, giftEligible: true } },
      shop: { select: { id: true, slug: true, name: true, giftingEnabled: true, ownerId: true } },
      images: { orderBy: { position: "asc" }, select: { id: true, url: true } },
      variants: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, options: true, price: true, originalPrice: true, currency: true, stock: true },
      },
    },
  });
  if (!p) return null;
  const { ownerId, ...shop } = p.shop;
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    kind: p.kind,
    published: p.published,
    categorySlug: p.category.slug,
    shop,
    ownerId,
    images: p.images,
    variants: p.variants.map((v) => ({
      ...v,
      options: optionsRecord(v.options),
      gift: variantGiftEligibility({ shop: p.shop, category: p.category, product: { published: p.published }, variant: v }),
    })),
    gift: productGiftEligibility({ shop: p.shop, category: p.category, published: p.published, variants: p.variants }),
  };
}

/** What `viewerId` may see: an unpublished product only by its shop's owner (a preview). */
export function productPageFor(data: ProductPageData | null, viewerId: string | null): ProductPage | null {
  if (!data) return null;
  const viewerIsOwner = viewerId !== null && data.ownerId === viewerId;
  if (!data.published && !viewerIsOwner) return null;
  const { ownerId: _owner, ...rest } = data;
  return { ...rest, viewerIsOwner };
}

/**
 * A product as its page shows it, or null when it does not exist or is unpublished
 * (its shop's owner still sees an unpublished product, as a preview).
 */
export async function getProductPage(db: Db, productId: string, viewerId: string | null): Promise<ProductPage | null> {
  return productPageFor(await loadProductPage(db, productId), viewerId);
}

/**
 * The variant a page shows: the requested one if it exists, else the first in stock,
 * else the first. Out-of-stock variants can be looked at but not bought.
 */
export function pickVariant<V extends { id: string; stock: number }>(variants: V[], requested: string | undefined): V | null {
  return variants.find((v) => v.id === requested) ?? variants.find((v) => v.stock > 0) ?? variants[0] ?? null;
}
