// Following a shop (关注店铺): one ShopFollow row per user and shop.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/validation/result";

export const followInputSchema = z.object({
  shopId: z.string().trim().min(1, "validation.required").max(64, "validation.invalid"),
  follow: z.boolean(),
});

/** Follows or unfollows; idempotent. Returns the new state and follower count. */
export async function setShopFollow(db: Db, userId: string, raw: z.input<typeof followInputSchema>) {
  const input = followInputSchema.parse(raw);
  const shop = await db.shop.findUnique({ where: { id: input.shopId }, select: { id: true } });
  if (!shop) throw new DomainError("shop.notFound");
  if (input.follow) {
    await db.shopFollow.createMany({ data: [{ userId, shopId: shop.id }], skipDuplicates: true });
  } else {
    await db.shopFollow.deleteMany({ where: { userId, shopId: shop.id } });
  }
  const followerCount = await db.shopFollow.count({ where: { shopId: shop.id } });
  return { following: input.follow, followerCount };
}
