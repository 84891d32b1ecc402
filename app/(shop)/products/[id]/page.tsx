import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { GiftEligibilityLine } from "@/components/product/gift-eligibility";
import { GiftGlyph } from "@/components/gift/gift-glyph";
import { Price } from "@/components/product/price";
import { SizedImage } from "@/components/product/sized-image";
import { VariantPicker } from "@/components/product/variant-picker";
import { buttonClass } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { loadProductPage, pickVariant, productPageFor } from "@/lib/catalog/products";
import { db } from "@/lib/db/client";

/** Full width on phones, half the 768 px column from sm up. */
const IMAGE_SIZES = "(min-width: 640px) 384px, 100vw";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ variant?: string | string[] }> };

/** One query per request, shared by the metadata and the page. */
const loadProduct = cache((id: string) => loadProductPage(db, id));

export async function generateMetadata({ params }: Props) {
  const product = productPageFor(await loadProduct((await params).id), null);
  return { title: product?.title, description: product?.description.slice(0, 160) };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  // Everything at once, so the page is ready as early as the header around it.
  const [user, data, t] = await Promise.all([getCurrentUser(), loadProduct(id), getTranslations("product")]);
  const product = productPageFor(data, user?.id ?? null);
  if (!product) notFound();
  const requested = Array.isArray(sp.variant) ? sp.variant[0] : sp.variant;
  const variant = pickVariant(product.variants, requested);
  const canBuy = product.published && variant !== null && variant.stock > 0;
  // Send to a friend opens on the chosen option when it can be a gift, else on the first one that can.
  const giftVariantId = product.gift.eligible
    ? variant && variant.gift.eligible
      ? variant.id
      : product.gift.giftableVariantIds[0]
    : null;
  const [first, ...rest] = product.images;

  return (
    <article className="-mx-4 -mt-6 sm:mx-auto sm:mt-0 sm:max-w-3xl">
      {product.viewerIsOwner && (
        <div className="flex flex-wrap items-center justify-between gap-2 bg-amber-50 px-4 py-2 text-sm text-amber-900 ring-1 ring-amber-200 sm:mb-4 sm:rounded-xl">
          <span>{product.published ? t("ownerNote") : t("previewNote")}</span>
          <Link href={`/merchant/shops/${product.shop.id}/products/${product.id}`} className="font-medium underline">
            {t("edit")}
          </Link>
        </div>
      )}
      <div className="sm:grid sm:grid-cols-2 sm:gap-6">
        <div className="bg-white sm:overflow-hidden sm:rounded-2xl sm:ring-1 sm:ring-gray-200">
          <ul className="flex snap-x snap-mandatory overflow-x-auto" aria-label={t("images")} tabIndex={0}>
            {first ? (
              <li className="aspect-square w-full shrink-0 snap-center">
                {/* eslint-disable-next-line @next/next/no-img-element -- the page's LCP image: the 800 px original (≈20 kB) is what a phone needs anyway, served straight, requested first */}
                <img
                  src={first.url}
                  alt={t("imageAlt", { title: product.title, n: 1 })}
                  width={800}
                  height={800}
                  fetchPriority="high"
                  decoding="async"
                  className="size-full object-cover"
                />
              </li>
            ) : (
              <li className="aspect-square w-full shrink-0 bg-gray-100" />
            )}
            {rest.map((img, i) => (
              <li key={img.id} className="aspect-square w-full shrink-0 snap-center">
                <SizedImage
                  src={img.url}
                  alt={t("imageAlt", { title: product.title, n: i + 2 })}
                  width={800}
                  height={800}
                  sizes={IMAGE_SIZES}
                  className="size-full object-cover"
                />
              </li>
            ))}
          </ul>
          {rest.length > 0 && (
            <p className="py-1 text-center text-xs text-gray-500">{t("imageCount", { count: product.images.length })}</p>
          )}
        </div>

        <div className="space-y-4 bg-white p-4 sm:rounded-2xl sm:ring-1 sm:ring-gray-200">
          <div className="space-y-2">
            {variant && (
              <Price price={variant.price} originalPrice={variant.originalPrice} currency={variant.currency} size="lg" originalLabel={t("originalPrice")} />
            )}
            <h1 className="text-lg font-semibold leading-snug" data-testid="product-title">
              {product.title}
            </h1>
            {product.kind === "VOUCHER" && <p className="text-xs text-gray-500">{t("voucherNote")}</p>}
            <GiftEligibilityLine gift={product.gift} variant={variant} />
          </div>

          {product.variants.length > 0 && variant && (
            <VariantPicker productId={product.id} variants={product.variants} selectedId={variant.id} />
          )}

          <div className="sticky bottom-0 -mx-4 flex gap-2 border-t border-gray-100 bg-white/95 p-4 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:p-0">
            {canBuy ? (
              <Link
                href={`/products/${product.id}/buy?variant=${variant!.id}`}
                data-testid="buy-now"
                className={buttonClass(giftVariantId ? "secondary" : "primary", "flex-1")}
              >
                {t("buyNow")}
              </Link>
            ) : (
              <span aria-disabled="true" data-testid="buy-now-disabled" className={buttonClass("secondary", "flex-1 cursor-not-allowed opacity-60")}>
                {t("soldOut")}
              </span>
            )}
            {giftVariantId && (
              <Link
                href={`/gift/new?product=${product.id}&variant=${giftVariantId}`}
                data-testid="send-to-friend"
                className={buttonClass("primary", "flex-1")}
              >
                <GiftGlyph />
                {t("sendToFriend")}
              </Link>
            )}
          </div>
          <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            {giftVariantId && (
              <Link href={`/gift/passphrase?product=${product.id}&variant=${giftVariantId}`} data-testid="send-with-passphrase" className="font-medium text-lanbao-600">
                {t("sendWithPassphrase")}
              </Link>
            )}
            {product.published && (
              <Link href={`/products/${product.id}/share`} data-testid="share-to-chat" className="font-medium text-lanbao-600">
                {t("shareToChat")}
              </Link>
            )}
          </div>
        </div>
      </div>

      <div className="mt-3 space-y-3 px-4 sm:px-0">
        <Link
          href={`/shops/${product.shop.slug}`}
          className="flex items-center justify-between rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-gray-200 hover:ring-lanbao-500"
        >
          <span className="font-medium">{product.shop.name}</span>
          <span className="text-lanbao-600">{t("visitShop")}</span>
        </Link>
        {product.description && (
          <section className="space-y-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
            <h2 className="text-sm font-semibold">{t("details")}</h2>
            <p className="whitespace-pre-line text-sm leading-relaxed text-gray-700">{product.description}</p>
          </section>
        )}
      </div>
    </article>
  );
}
