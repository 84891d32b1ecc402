import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { GiftGlyph } from "@/components/gift/gift-glyph";
import { Pagination } from "@/components/product/pagination";
import { SizedImage } from "@/components/product/sized-image";
import { ProductGrid } from "@/components/product/product-card";
import { FollowButton } from "@/components/shop/follow-button";
import { getCurrentUser } from "@/lib/auth/session";
import { isFollowing, listGiftZone, listShopProducts, loadShopPage, pageParam } from "@/lib/catalog/shops";
import { db } from "@/lib/db/client";
import { setFollowAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** One query per request, shared by the metadata and the page. */
const loadShop = cache((slug: string) => loadShopPage(db, decodeURIComponent(slug)));

export async function generateMetadata({ params }: Props) {
  const shop = await loadShop((await params).slug);
  return { title: shop?.name, description: shop?.description };
}

export default async function ShopPage({ params, searchParams }: Props) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const [user, shop, t] = await Promise.all([getCurrentUser(), loadShop(slug), getTranslations("shop")]);
  if (!shop) notFound();
  const page = pageParam(sp.page);
  const [following, giftZone, products] = await Promise.all([
    isFollowing(db, user?.id ?? null, shop.id),
    page === 1 ? listGiftZone(db, shop.id) : Promise.resolve([]),
    listShopProducts(db, shop.id, { page }),
  ]);
  const viewerIsOwner = user?.id === shop.ownerId;
  const base = `/shops/${encodeURIComponent(shop.slug)}`;

  return (
    <div className="-mx-4 -mt-6 space-y-6 sm:mx-0 sm:mt-0">
      <section className="overflow-hidden bg-white shadow-sm ring-1 ring-gray-200 sm:rounded-2xl">
        <div className="aspect-[5/2] max-h-64 w-full bg-lanbao-50">
          {shop.coverImage && (
            <SizedImage src={shop.coverImage} alt="" width={1200} height={480} sizes="(min-width: 1024px) 1024px, 100vw" priority className="size-full object-cover" />
          )}
        </div>
        <div className="space-y-3 p-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h1 className="text-xl font-semibold" data-testid="shop-name">
              {shop.name}
            </h1>
            {viewerIsOwner && (
              <Link href={`/merchant/shops/${shop.id}`} className="text-sm font-medium text-lanbao-600">
                {t("manage")}
              </Link>
            )}
          </div>
          {shop.description && <p className="whitespace-pre-line text-sm text-gray-600">{shop.description}</p>}
          {!shop.giftingEnabled && (
            <p className="rounded-lg bg-gray-50 px-3 py-2 text-sm text-gray-600" data-testid="shop-gifting-off">
              {t("giftingOff")}
            </p>
          )}
          {user ? (
            <FollowButton
              shopId={shop.id}
              following={following}
              followerCount={shop.followerCount}
              followersLabel={t("followers", { count: shop.followerCount })}
              text={{ follow: t("follow"), unfollow: t("unfollow"), failed: t("followFailed") }}
              action={setFollowAction}
            />
          ) : (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="text-gray-600" data-testid="follower-count">
                {t("followers", { count: shop.followerCount })}
              </span>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(base)}`} className="font-medium text-lanbao-600">
                {t("signInToFollow")}
              </Link>
            </div>
          )}
        </div>
      </section>

      <div className="space-y-6 px-4 sm:px-0">
        {giftZone.length > 0 && (
          <section aria-labelledby="gift-zone" className="space-y-3" data-testid="gift-zone">
            <div>
              <h2 id="gift-zone" className="flex items-center gap-1.5 text-lg font-semibold">
                <GiftGlyph className="size-5 text-lanbao-600" />
                {t("giftZone")}
              </h2>
              <p className="text-xs text-gray-500">{t("giftZoneHint")}</p>
            </div>
            <ProductGrid products={giftZone} />
          </section>
        )}

        <section aria-labelledby="all-products" className="space-y-3">
          <h2 id="all-products" className="text-lg font-semibold">
            {t("allProducts")} <span className="text-sm font-normal text-gray-500">({products.total})</span>
          </h2>
          {products.items.length === 0 ? (
            <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-500 ring-1 ring-gray-200">{t("noProducts")}</p>
          ) : (
            <ProductGrid products={products.items} />
          )}
          <Pagination page={products.page} pageCount={products.pageCount} href={(p) => (p === 1 ? base : `${base}?page=${p}`)} />
        </section>
      </div>
    </div>
  );
}
