// Ownership checks for the merchant console. A merchant only ever reaches their own
// shops, products and orders; anything else looks exactly like something that does not
// exist, so ids of other merchants' rows reveal nothing.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/validation/result";

export type DbOrTx = Db | Prisma.TransactionClient;

/** The shop if `userId` owns it; otherwise DomainError merchant.errors.shopNotFound. */
export async function ownedShop(db: DbOrTx, userId: string, shopId: string) {
  const shop = await db.shop.findFirst({
    where: { id: shopId, ownerId: userId },
    select: { id: true, slug: true, name: true, description: true, coverImage: true, coverImageKey: true, giftingEnabled: true },
  });
  if (!shop) throw new DomainError("merchant.errors.shopNotFound");
  return shop;
}

/** The product if its shop belongs to `userId`; otherwise merchant.errors.productNotFound. */
export async function ownedProduct(db: DbOrTx, userId: string, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, shop: { ownerId: userId } },
    select: { id: true, shopId: true, published: true, title: true },
  });
  if (!product) throw new DomainError("merchant.errors.productNotFound");
  return product;
}

/** Whether the user runs at least one shop (may upload images, sees the console). */
export async function isMerchant(db: DbOrTx, userId: string): Promise<boolean> {
  return (await db.shop.count({ where: { ownerId: userId } })) > 0;
}
