import type { Db } from "@/lib/db/client";

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
