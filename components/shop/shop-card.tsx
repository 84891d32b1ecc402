import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { SizedImage } from "@/components/product/sized-image";
import { Badge } from "@/components/ui/badge";
import type { ShopSummary } from "@/lib/catalog/shops";

/** `heading`: the card's heading level, one below the heading of the list it is in. */
export async function ShopCard({ shop, heading: Heading = "h3" }: { shop: ShopSummary; heading?: "h2" | "h3" }) {
  const t = await getTranslations("home");
  return (
    <Link
      href={`/shops/${shop.slug}`}
      data-testid="shop-card"
      className="group block overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200 transition hover:ring-lanbao-500"
    >
      <div className="aspect-[5/2] bg-lanbao-50">
        {shop.coverImage && (
          <SizedImage src={shop.coverImage} alt="" width={1200} height={480} sizes="(min-width: 1024px) 320px, (min-width: 640px) 50vw, 100vw" className="size-full object-cover" />
        )}
      </div>
      <div className="space-y-1 p-3">
        <Heading className="font-medium group-hover:text-lanbao-600">{shop.name}</Heading>
        <p className="line-clamp-2 text-sm text-gray-600">{shop.description}</p>
        <div className="flex items-center gap-2 pt-1 text-xs text-gray-500">
          <span>{t("products", { count: shop.productCount })}</span>
          <Badge tone={shop.giftingEnabled ? "blue" : "gray"}>{shop.giftingEnabled ? t("giftingOn") : t("giftingOff")}</Badge>
        </div>
      </div>
    </Link>
  );
}
