import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { SizedImage } from "@/components/product/sized-image";
import type { PickerProduct } from "@/lib/gifting/catalog";
import { formatMoney } from "@/lib/money/format";

/**
 * The link that takes a chosen product to the confirm step: `confirmBase` carries the
 * rest (the thread, the message, later a group gift's units), the product is appended.
 */
export function pickerProductHref(confirmBase: string, productId: string) {
  return `${confirmBase}${confirmBase.includes("?") ? "&" : "?"}product=${encodeURIComponent(productId)}`;
}

/** Product tiles of the gift picker; each is a link to the confirm step. No client code. */
export function PickerProductGrid({ products, confirmBase }: { products: PickerProduct[]; confirmBase: string }) {
  const t = useTranslations("gift");
  return (
    <ul className="grid grid-cols-2 gap-3">
      {products.map((p) => (
        <li key={p.id} className="flex">
          <Link
            href={pickerProductHref(confirmBase, p.id)}
            data-gift-product={p.id}
            data-testid="picker-product"
            className="flex w-full flex-col overflow-hidden rounded-xl bg-white ring-1 ring-gray-200 hover:ring-lanbao-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-lanbao-500"
          >
            <div className="aspect-square bg-gray-100">
              {p.imageUrl && (
                <SizedImage src={p.imageUrl} alt="" width={800} height={800} sizes="(min-width: 448px) 200px, 45vw" className="size-full object-cover" />
              )}
            </div>
            <div className="flex flex-1 flex-col gap-0.5 p-2">
              <p className="line-clamp-2 text-sm font-medium leading-snug">{p.title}</p>
              <p className="truncate text-xs text-gray-500">{p.shopName}</p>
              {p.friendCount !== undefined && (
                <p className="text-xs text-lanbao-700" data-testid="picker-friend-count">
                  {t("pickerFriendCount", { count: p.friendCount })}
                </p>
              )}
              <p className="mt-auto pt-1 text-sm font-semibold text-red-600">{formatMoney(p.fromPrice, p.currency)}</p>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
