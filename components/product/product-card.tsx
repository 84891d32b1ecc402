import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ProductCardData } from "@/lib/catalog/products";
import { Price } from "./price";
import { SizedImage } from "./sized-image";

/** A product tile for shop pages and search results. Server-rendered, no client code. */
export function ProductCard({ product, showShop = false, eager = false }: { product: ProductCardData; showShop?: boolean; eager?: boolean }) {
  const t = useTranslations("shop");
  return (
    <Link
      href={`/products/${product.id}`}
      data-testid="product-card"
      data-product-id={product.id}
      className="group flex flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200 transition hover:ring-lanbao-500"
    >
      <div className="relative aspect-square bg-gray-100">
        {product.imageUrl && (
          <SizedImage
            src={product.imageUrl}
            alt=""
            width={800}
            height={800}
            sizes="(min-width: 1024px) 240px, (min-width: 640px) 33vw, 50vw"
            priority={eager}
            className="size-full object-cover"
          />
        )}
        {product.soldOut && (
          <span className="absolute inset-x-0 bottom-0 bg-black/55 py-1 text-center text-xs font-medium text-white">{t("soldOut")}</span>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-2.5">
        <h3 className="line-clamp-2 text-sm font-medium leading-snug group-hover:text-lanbao-600">{product.title}</h3>
        {showShop && <p className="truncate text-xs text-gray-500">{product.shopName}</p>}
        <div className="mt-auto flex flex-wrap items-center justify-between gap-1 pt-1">
          {product.price !== null && <Price price={product.price} originalPrice={product.originalPrice} currency={product.currency} />}
          {product.giftable && (
            <Badge tone="blue" className="shrink-0">
              <span data-testid="gift-badge">{t("giftingSupported")}</span>
            </Badge>
          )}
        </div>
      </div>
    </Link>
  );
}

export function ProductGrid({ products, showShop, eagerCount = 0 }: { products: ProductCardData[]; showShop?: boolean; eagerCount?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id} className="flex">
          <ProductCard product={p} showShop={showShop} eager={i < eagerCount} />
        </li>
      ))}
    </ul>
  );
}
