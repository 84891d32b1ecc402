// What a product shared into a chat shows: a card drawn from the product as it is now
// (title, first picture, lowest price), so a re-priced product never shows a stale price.
import type { DbOrTx } from "./message-view";

export type ProductCardData = {
  productId: string;
  title: string;
  image: string | null;
  /** Lowest price among its options, in minor units; null when it has none. */
  price: number | null;
  currency: string;
  /** Unpublished products still draw a card, marked as no longer on sale. */
  onSale: boolean;
};

/** Card data for the given products, keyed by product id (deleted products are absent). */
export async function getProductCards(db: DbOrTx, productIds: string[]): Promise<Map<string, ProductCardData>> {
  if (productIds.length === 0) return new Map();
  const products = await db.product.findMany({
    where: { id: { in: [...new Set(productIds)] } },
    select: {
      id: true,
      title: true,
      published: true,
      images: { orderBy: { position: "asc" }, take: 1, select: { url: true } },
      variants: { orderBy: { price: "asc" }, take: 1, select: { price: true, currency: true } },
    },
  });
  return new Map(
    products.map((p) => [
      p.id,
      {
        productId: p.id,
        title: p.title,
        image: p.images[0]?.url ?? null,
        price: p.variants[0]?.price ?? null,
        currency: p.variants[0]?.currency ?? "CNY",
        onSale: p.published,
      },
    ]),
  );
}
