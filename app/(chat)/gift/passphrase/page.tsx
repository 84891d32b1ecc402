import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GiftGlyph } from "@/components/gift/gift-glyph";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getProductForGift } from "@/lib/gifting/catalog";
import { SendPassphraseGiftForm } from "./send-passphrase-gift-form";

export async function generateMetadata() {
  return { title: (await getTranslations("gift.passphrase"))("sendTitle") };
}

type Search = { product?: string; variant?: string };

/** Send with a passphrase (礼物口令): for someone not in your chats, from a product page. */
export default async function SendPassphraseGiftPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const query = new URLSearchParams(Object.entries(sp).filter(([, v]) => typeof v === "string") as [string, string][]);
  await requireUser(`/gift/passphrase?${query}`);
  if (typeof sp.product !== "string") notFound();
  const [t, tc, product] = await Promise.all([getTranslations("gift.passphrase"), getTranslations("checkout"), getProductForGift(db, sp.product)]);
  if (!product) notFound();
  const defaultVariantId = product.giftableVariants.some((v) => v.id === sp.variant) ? sp.variant! : product.giftableVariants[0]?.id;

  return (
    <div className="mx-auto max-w-md">
      <div className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
        <div className="flex gap-3 bg-gradient-to-br from-sky-500 via-lanbao-500 to-lanbao-700 p-4 text-white">
          {product.image && (
            // eslint-disable-next-line @next/next/no-img-element -- committed product image, sized
            <img src={product.image} alt="" width={80} height={80} className="size-20 rounded-lg bg-white/20 object-cover" />
          )}
          <div className="min-w-0">
            <p className="flex items-center gap-1 text-xs text-white/80">
              <GiftGlyph className="size-3.5" />
              {t("sendTitle")}
            </p>
            <h1 className="mt-1 font-semibold leading-snug">{product.title}</h1>
            <p className="text-xs text-white/75">{product.shop.name}</p>
          </div>
        </div>
        <div className="space-y-4 p-4">
          <p className="rounded-lg bg-lanbao-50 p-3 text-sm text-lanbao-700">{t("sendIntro")}</p>
          {product.eligibility.eligible && defaultVariantId ? (
            <SendPassphraseGiftForm variants={product.giftableVariants} defaultVariantId={defaultVariantId} />
          ) : (
            <p className="text-sm text-gray-600" data-testid="gift-not-possible">
              {tc(`notGiftable.${product.eligibility.eligible ? "outOfStock" : product.eligibility.reasons[0]}`)}
            </p>
          )}
        </div>
      </div>
      <p className="mt-4 text-center text-xs text-gray-500">{t("sendFinePrint")}</p>
      <Link href={`/products/${product.id}`} className="mt-2 block text-center text-sm text-lanbao-600">
        {t("cancel")}
      </Link>
    </div>
  );
}
