import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { ProductCardData } from "@/lib/chat/product-cards";
import { formatMoney } from "@/lib/money/format";

/** A product shared into a chat: picture, title and price, opening the product page. */
export function ProductCard({ card }: { card: ProductCardData }) {
  const t = useTranslations("chat.share");
  return (
    <Link
      href={`/products/${card.productId}`}
      className="flex w-64 max-w-full gap-3 rounded-lg bg-white p-2 shadow-sm ring-1 ring-gray-200 hover:ring-lanbao-500"
      data-testid="product-card"
      aria-label={t("cardLabel", { title: card.title })}
    >
      <div className="size-16 shrink-0 overflow-hidden rounded-md bg-gray-100">
        {card.image && (
          // eslint-disable-next-line @next/next/no-img-element -- pre-sized product thumbnail
          <img src={card.image} alt="" width={64} height={64} loading="lazy" className="size-full object-cover" />
        )}
      </div>
      <div className="min-w-0 text-sm">
        <p className="line-clamp-2 font-medium text-gray-900" data-testid="product-card-title">
          {card.title}
        </p>
        {card.price !== null && <p className="mt-0.5 font-semibold text-red-600">{formatMoney(card.price, card.currency)}</p>}
        {!card.onSale && <p className="text-xs text-gray-500">{t("notOnSale")}</p>}
      </div>
    </Link>
  );
}
