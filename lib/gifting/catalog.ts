// What the gift flow shows of products: one product for the confirm-gift sheet, and the
// gift picker's lists (选礼物, opened from a chat). Every list passes its rows through
// productGiftEligibility, so only products that can be sent right now ever appear; the
// database queries only narrow and order (giftableProductSql states the same rules).
//
// Privacy of "Friends sent" (朋友送过): it says which products the viewer's friends sent
// and how many friends sent each, never who sent it or to whom. The only gifts whose
// people the picker may name are those the viewer sent or received.
import { z } from "zod";
import { searchProducts, SEARCH_MAX_QUERY } from "@/lib/catalog/search";
import type { Db } from "@/lib/db/client";
import { GIFT_MESSAGE_MAX } from "@/lib/orders/checkout";
import { Prisma } from "@/lib/db/generated/client";
import { giftableProductSql, productGiftEligibility } from "./eligibility";
import { giftRecipientChoices, groupGiftChoices } from "./recipients";

const productSelect = {
  id: true,
  title: true,
  published: true,
  kind: true,
  shop: { select: { name: true, slug: true, giftingEnabled: true } },
  category: { select: { giftEligible: true, slug: true } },
  images: { orderBy: { position: "asc" as const }, take: 1, select: { url: true } },
  variants: { orderBy: { position: "asc" as const }, select: { id: true, name: true, price: true, originalPrice: true, stock: true, currency: true } },
} satisfies Prisma.ProductSelect;

type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

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

/** A product tile in the gift picker: only ever a product that can be sent right now. */
export type PickerProduct = {
  id: string;
  title: string;
  shopName: string;
  imageUrl: string | null;
  /** The lowest price over the variants that can be gifted (fen). */
  fromPrice: number;
  currency: string;
  /** "Friends sent": how many different friends sent it in the window. */
  friendCount?: number;
};

/** The product as a picker tile, or null when it cannot be gifted right now. */
export function toPickerProduct(p: ProductRow): PickerProduct | null {
  const eligibility = productGiftEligibility(p);
  if (!eligibility.eligible) return null;
  const cheapest = p.variants.filter((v) => eligibility.giftableVariantIds.includes(v.id)).sort((a, b) => a.price - b.price)[0];
  return {
    id: p.id,
    title: p.title,
    shopName: p.shop.name,
    imageUrl: p.images[0]?.url ?? null,
    fromPrice: cheapest.price,
    currency: cheapest.currency,
  };
}

/** Picker tiles for the given ids, in that order, dropping any that cannot be gifted. */
async function pickerProducts(db: Db, ids: string[]): Promise<PickerProduct[]> {
  if (ids.length === 0) return [];
  const rows = await db.product.findMany({ where: { id: { in: ids } }, select: productSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    const tile = row && toPickerProduct(row);
    return tile ? [tile] : [];
  });
}

// ─── The picker ──────────────────────────────────────────────────────────────

/** How far back "Friends sent" looks. */
export const FRIENDS_SENT_DAYS = 90;
/** Tiles per section at most. */
export const PICKER_SECTION_SIZE = 12;
/** Shops whose gift zones the picker shows at most. */
export const PICKER_GIFT_ZONES = 6;
export const PICKER_SEARCH_SIZE = 40;

/** The picker's URL parameters: what to search for and the message written so far. */
export const pickerQuerySchema = z.object({
  q: z.string({ error: "validation.invalid" }).trim().max(SEARCH_MAX_QUERY, "gift.pickerQueryTooLong").default(""),
  message: z.string({ error: "validation.invalid" }).trim().max(GIFT_MESSAGE_MAX, "gift.pickerMessageTooLong").default(""),
});
export type PickerQuery = z.output<typeof pickerQuerySchema>;

/**
 * The picker's parameters from a URL. A bad one (too long, repeated) is dropped and
 * reported by its message key; the picker then shows what it would without it.
 */
export function parsePickerQuery(raw: Record<string, unknown>): { query: PickerQuery; errors: string[] } {
  const errors: string[] = [];
  const field = <K extends keyof PickerQuery>(key: K): PickerQuery[K] => {
    const r = pickerQuerySchema.shape[key].safeParse(raw[key]);
    if (r.success) return r.data as PickerQuery[K];
    errors.push(r.error.issues[0]?.message ?? "validation.invalid");
    return "" as PickerQuery[K];
  };
  return { query: { q: field("q"), message: field("message") }, errors };
}

export type PickerSection =
  | { key: "friendsSent" | "followedShops" | "sentBefore" | "more"; products: PickerProduct[] }
  | { key: "giftZone"; shop: { name: string; slug: string }; products: PickerProduct[] };

/**
 * The picker's sections for `viewerId`, in order: products friends sent in the last 90
 * days (most different friends first), from shops the viewer follows, ones the viewer sent
 * before, the shops' gift zones, then more gifts. A product shows once, in its first
 * section; empty sections are left out.
 */
export async function giftPickerSections(db: Db, viewerId: string, opts: { now?: Date } = {}): Promise<PickerSection[]> {
  const now = opts.now ?? new Date();
  const [friendsSent, followed, sentBefore, zones, more] = await Promise.all([
    friendsSentProducts(db, viewerId, now),
    followedShopProducts(db, viewerId),
    sentBeforeProducts(db, viewerId),
    giftZoneSections(db),
    newestGiftable(db),
  ]);
  const seen = new Set<string>();
  const fresh = (products: PickerProduct[]) =>
    products
      .filter((p) => !seen.has(p.id))
      .slice(0, PICKER_SECTION_SIZE)
      .map((p) => (seen.add(p.id), p));
  const sections: PickerSection[] = [
    { key: "friendsSent", products: fresh(friendsSent) },
    { key: "followedShops", products: fresh(followed) },
    { key: "sentBefore", products: fresh(sentBefore) },
    ...zones.map((z) => ({ key: "giftZone" as const, shop: z.shop, products: fresh(z.products) })),
    { key: "more", products: fresh(more) },
  ];
  return sections.filter((s) => s.products.length > 0);
}

/**
 * Products the viewer's friends sent as gifts since `now` − 90 days, most different
 * friends first, then most recent. Only product ids and counts leave the query.
 */
export async function friendsSentProducts(db: Db, viewerId: string, now: Date): Promise<PickerProduct[]> {
  const since = new Date(now.getTime() - FRIENDS_SENT_DAYS * 24 * 60 * 60 * 1000);
  const rows = await db.$queryRaw<{ productId: string; friends: number }[]>`
    WITH friend AS (
      SELECT CASE WHEN f."userAId" = ${viewerId} THEN f."userBId" ELSE f."userAId" END AS id
        FROM "Friendship" f
       WHERE f."status" = 'ACCEPTED' AND (f."userAId" = ${viewerId} OR f."userBId" = ${viewerId}))
    SELECT o."productId", count(DISTINCT g."senderId")::int AS friends
      FROM "Gift" g
      JOIN friend ON friend.id = g."senderId"
      JOIN "Order" o ON o."id" = g."orderId"
     WHERE g."createdAt" >= ${since} AND g."createdAt" <= ${now}
     GROUP BY o."productId"
     ORDER BY friends DESC, max(g."createdAt") DESC, o."productId"
     LIMIT ${PICKER_SECTION_SIZE * 3}`;
  const counts = new Map(rows.map((r) => [r.productId, r.friends]));
  const tiles = await pickerProducts(db, rows.map((r) => r.productId));
  return tiles.map((p) => ({ ...p, friendCount: counts.get(p.id) }));
}

/** Products the viewer sent as gifts, most recently sent first. */
async function sentBeforeProducts(db: Db, viewerId: string): Promise<PickerProduct[]> {
  const rows = await db.$queryRaw<{ productId: string }[]>`
    SELECT o."productId" FROM "Gift" g JOIN "Order" o ON o."id" = g."orderId"
     WHERE g."senderId" = ${viewerId}
     GROUP BY o."productId"
     ORDER BY max(g."createdAt") DESC, o."productId"
     LIMIT ${PICKER_SECTION_SIZE * 3}`;
  return pickerProducts(db, rows.map((r) => r.productId));
}

/** Giftable products of the shops the viewer follows: their gift zones first, then newest. */
async function followedShopProducts(db: Db, viewerId: string): Promise<PickerProduct[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Product" p
      JOIN "ShopFollow" sf ON sf."shopId" = p."shopId" AND sf."userId" = ${viewerId}
     WHERE ${giftableProductSql(Prisma.sql`p`)}
     ORDER BY p."giftZoneRank" ASC NULLS LAST, p."createdAt" DESC, p."id"
     LIMIT ${PICKER_SECTION_SIZE * 3}`;
  return pickerProducts(db, rows.map((r) => r.id));
}

/** The gift zones of shops with gifting on, oldest shops first, each in the merchant's order. */
async function giftZoneSections(db: Db) {
  const rows = await db.$queryRaw<{ id: string; shopId: string; shopName: string; shopSlug: string }[]>`
    WITH shops AS (
      SELECT s."id", s."name", s."slug", s."createdAt" FROM "Shop" s
       WHERE s."giftingEnabled"
         AND EXISTS (SELECT 1 FROM "Product" p WHERE p."shopId" = s."id" AND p."giftZoneRank" IS NOT NULL
                        AND ${giftableProductSql(Prisma.sql`p`)})
       ORDER BY s."createdAt", s."id"
       LIMIT ${PICKER_GIFT_ZONES})
    SELECT p."id", s."id" AS "shopId", s."name" AS "shopName", s."slug" AS "shopSlug"
      FROM shops s JOIN "Product" p ON p."shopId" = s."id" AND p."giftZoneRank" IS NOT NULL
     ORDER BY s."createdAt", s."id", p."giftZoneRank", p."id"`;
  const tiles = new Map((await pickerProducts(db, rows.map((r) => r.id))).map((p) => [p.id, p]));
  const zones = new Map<string, { shop: { name: string; slug: string }; products: PickerProduct[] }>();
  for (const r of rows) {
    const zone = zones.get(r.shopId) ?? { shop: { name: r.shopName, slug: r.shopSlug }, products: [] };
    zones.set(r.shopId, zone);
    const tile = tiles.get(r.id);
    if (tile) zone.products.push(tile);
  }
  return [...zones.values()];
}

/** The newest giftable products, for the last section. */
async function newestGiftable(db: Db): Promise<PickerProduct[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Product" p WHERE ${giftableProductSql(Prisma.sql`p`)}
     ORDER BY p."createdAt" DESC, p."id" LIMIT ${PICKER_SECTION_SIZE * 4}`;
  return pickerProducts(db, rows.map((r) => r.id));
}

/** Search from the picker: the product search with giftable products first, and only those shown. */
export async function searchGiftPicker(db: Db, query: string): Promise<PickerProduct[]> {
  const result = await searchProducts(db, query, { context: "gift", perPage: PICKER_SEARCH_SIZE });
  return pickerProducts(db, result.items.map((i) => i.id));
}

/**
 * Who the picker is for, for its header: the friend of a direct chat, or the group (the
 * group gift or lottery is set up on the confirm step). Null when the viewer may not send
 * a gift in the thread, which the page answers exactly like a missing thread.
 */
export async function giftPickerHeader(db: Db, viewerId: string, threadId: string) {
  const [recipients, group] = await Promise.all([
    giftRecipientChoices(db, viewerId, threadId),
    groupGiftChoices(db, viewerId, threadId),
  ]);
  if (recipients?.fixed && recipients.users[0]) return { kind: "friend" as const, friend: recipients.users[0] };
  if (group) return { kind: "group" as const, title: group.title, memberCount: group.members.length };
  return null;
}
