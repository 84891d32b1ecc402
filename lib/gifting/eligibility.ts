// Which products can be sent as gifts (DESIGN §1 "Eligibility"). One function decides,
// for the product page and for checkout alike. For lists that must order or narrow by the
// rules in SQL, the database keeps the same answer per product in Product.giftable
// (triggers of migration 20261202170000_product_giftable recompute it whenever a product,
// a variant, a shop's gifting switch or a category changes); `giftableProductSql` reads it,
// and tests/integration/eligibility-sql.test.ts holds it equal to productGiftEligibility.
import { Prisma } from "@/lib/db/generated/client";

/** Categories never giftable, whatever the merchant does: 珠宝首饰 and 教育培训. */
export const EXCLUDED_CATEGORY_SLUGS = ["jewelry", "education"] as const;
/** ¥10,000 in fen: variants whose original price is above this cannot be gifts. */
export const GIFT_ORIGINAL_PRICE_LIMIT = 1_000_000;

export type IneligibleReason = "shopGiftingOff" | "categoryExcluded" | "priceTooHigh" | "notPublished" | "outOfStock";

export type EligibilityInput = {
  shop: { giftingEnabled: boolean };
  category: { giftEligible: boolean };
  product: { published: boolean };
  variant: { originalPrice: number; stock: number };
};

export type Eligibility = { eligible: true } | { eligible: false; reasons: IneligibleReason[] };

/** Whether one variant can be sent as a gift right now, and every reason why not. */
export function variantGiftEligibility({ shop, category, product, variant }: EligibilityInput): Eligibility {
  const reasons: IneligibleReason[] = [];
  if (!shop.giftingEnabled) reasons.push("shopGiftingOff");
  if (!category.giftEligible) reasons.push("categoryExcluded");
  if (variant.originalPrice > GIFT_ORIGINAL_PRICE_LIMIT) reasons.push("priceTooHigh");
  if (!product.published) reasons.push("notPublished");
  if (variant.stock <= 0) reasons.push("outOfStock");
  return reasons.length ? { eligible: false, reasons } : { eligible: true };
}

export type ProductEligibility =
  | { eligible: true; giftableVariantIds: string[] }
  | { eligible: false; reasons: IneligibleReason[]; giftableVariantIds: string[] };

/**
 * A product supports gifting when at least one of its variants does. When none does,
 * the reasons are those shared by the product, or else the union over its variants.
 */
export function productGiftEligibility(p: {
  shop: EligibilityInput["shop"];
  category: EligibilityInput["category"];
  published: boolean;
  variants: ({ id: string } & EligibilityInput["variant"])[];
}): ProductEligibility {
  const results = p.variants.map((v) => ({
    id: v.id,
    result: variantGiftEligibility({ shop: p.shop, category: p.category, product: { published: p.published }, variant: v }),
  }));
  const giftableVariantIds = results.filter((r) => r.result.eligible).map((r) => r.id);
  if (giftableVariantIds.length) return { eligible: true, giftableVariantIds };
  const reasons = new Set<IneligibleReason>();
  for (const r of results) if (!r.result.eligible) r.result.reasons.forEach((x) => reasons.add(x));
  if (p.variants.length === 0) reasons.add("outOfStock");
  const order: IneligibleReason[] = ["shopGiftingOff", "categoryExcluded", "priceTooHigh", "notPublished", "outOfStock"];
  return { eligible: false, reasons: order.filter((r) => reasons.has(r)), giftableVariantIds: [] };
}

/**
 * The rules of `productGiftEligibility` as a SQL condition on a "Product" row aliased
 * `p`: true exactly when that function says eligible. It reads the maintained column, so
 * ordering a page of search results by it costs nothing per row. Lists still pass their
 * rows through the function; this only lets the database order or narrow them first.
 */
export function giftableProductSql(p: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${p}."giftable"`;
}
