// The shop's gift zone (礼物专区): the merchant picks products and their order. This is
// merchandising only; whether a product can be gifted is decided by the eligibility rules.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { GIFT_ZONE_MAX } from "@/lib/catalog/shops";
import { DomainError } from "@/lib/validation/result";
import { ownedShop } from "./access";

const id = z.string().trim().min(1, "validation.required").max(64, "validation.invalid");

export const giftZoneSchema = z.object({
  shopId: id,
  /** Featured products, first shown first. */
  productIds: z
    .array(id)
    .max(GIFT_ZONE_MAX, "merchant.errors.giftZoneTooMany")
    .refine((ids) => new Set(ids).size === ids.length, "validation.invalid"),
});

export async function setGiftZone(db: Db, userId: string, raw: z.input<typeof giftZoneSchema>) {
  const input = giftZoneSchema.parse(raw);
  await db.$transaction(async (tx) => {
    await ownedShop(tx, userId, input.shopId);
    const found = await tx.product.count({ where: { shopId: input.shopId, id: { in: input.productIds } } });
    if (found !== input.productIds.length) throw new DomainError("merchant.errors.productNotFound", "productIds");
    await tx.product.updateMany({
      where: { shopId: input.shopId, giftZoneRank: { not: null }, id: { notIn: input.productIds } },
      data: { giftZoneRank: null },
    });
    for (const [i, productId] of input.productIds.entries()) {
      await tx.product.update({ where: { id: productId }, data: { giftZoneRank: i + 1 } });
    }
  });
  return { shopId: input.shopId, productIds: input.productIds };
}

/** The shop's products for the gift zone editor: featured first in order, then the rest. */
export async function getGiftZoneEditor(db: Db, userId: string, shopId: string) {
  await ownedShop(db, userId, shopId);
  const products = await db.product.findMany({
    where: { shopId },
    orderBy: [{ giftZoneRank: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      published: true,
      giftZoneRank: true,
      images: { orderBy: { position: "asc" }, take: 1, select: { url: true } },
    },
  });
  return products.map((p) => ({
    id: p.id,
    title: p.title,
    published: p.published,
    featured: p.giftZoneRank !== null,
    imageUrl: p.images[0]?.url ?? null,
  }));
}
