import type { Db } from "@/lib/db/client";
import { EXCLUDED_CATEGORY_SLUGS, productGiftEligibility } from "./eligibility";

const productSelect = {
  id: true,
  title: true,
  published: true,
  kind: true,
  shop: { select: { name: true, giftingEnabled: true } },
  category: { select: { giftEligible: true, slug: true } },
  images: { orderBy: { position: "asc" as const }, take: 1, select: { url: true } },
  variants: { orderBy: { position: "asc" as const }, select: { id: true, name: true, price: true, originalPrice: true, stock: true } },
};

/** One product as the confirm-gift sheet needs it, with its eligibility. Null if it doesn't exist or is off sale. */
export async function getProductForGift(db: Db, productId: string) {
  const p = await db.product.findFirst({ where: { id: productId, published: true }, select: productSelect });
  if (!p) return null;
  const eligibility = productGiftEligibility(p);
  return {
    ...p,
    image: p.images[0]?.url ?? null,
    eligibility,
    giftableVariants: p.variants.filter((v) => eligibility.giftableVariantIds.includes(v.id)),
  };
}

/**
 * Products that can be sent right now, for the gift picker in a chat: gift-zone products
 * first, then the rest. The database query narrows by shop and category, the eligibility
 * function has the last word per variant.
 */
export async function listGiftableProducts(db: Db, opts: { query?: string; take?: number } = {}) {
  const q = opts.query?.trim();
  const products = await db.product.findMany({
    where: {
      published: true,
      shop: { giftingEnabled: true },
      category: { giftEligible: true, slug: { notIn: [...EXCLUDED_CATEGORY_SLUGS] } },
      ...(q ? { OR: [{ title: { contains: q, mode: "insensitive" as const } }, { description: { contains: q, mode: "insensitive" as const } }] } : {}),
    },
    orderBy: [{ giftZoneRank: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    take: (opts.take ?? 40) * 2,
    select: productSelect,
  });
  return products
    .map((p) => ({ ...p, image: p.images[0]?.url ?? null, eligibility: productGiftEligibility(p) }))
    .filter((p) => p.eligibility.eligible)
    .slice(0, opts.take ?? 40)
    .map((p) => ({
      id: p.id,
      title: p.title,
      shopName: p.shop.name,
      image: p.image,
      fromPrice: Math.min(...p.variants.filter((v) => p.eligibility.giftableVariantIds.includes(v.id)).map((v) => v.price)),
    }));
}
