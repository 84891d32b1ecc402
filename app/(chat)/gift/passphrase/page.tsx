import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GiftNotPossible, SendGiftSheet } from "@/components/gift/send-gift-sheet";
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

  const notPossible = tc(`notGiftable.${product.eligibility.eligible ? "outOfStock" : product.eligibility.reasons[0]}`);
  return (
    <SendGiftSheet
      product={product}
      heading={t("sendTitle")}
      finePrint={t("sendFinePrint")}
      cancel={{ href: `/products/${product.id}`, label: t("cancel") }}
      bodyClassName="space-y-4 p-4"
    >
      <p className="rounded-lg bg-lanbao-50 p-3 text-sm text-lanbao-700">{t("sendIntro")}</p>
      {product.eligibility.eligible && defaultVariantId ? (
        <SendPassphraseGiftForm variants={product.giftableVariants} defaultVariantId={defaultVariantId} />
      ) : (
        <GiftNotPossible message={notPossible} />
      )}
    </SendGiftSheet>
  );
}
