import { GiftNotPossible, SendGiftSheet } from "@/components/gift/send-gift-sheet";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getProductForGift } from "@/lib/gifting/catalog";
import { giftRecipientChoices, groupGiftChoices } from "@/lib/gifting/recipients";
import { SendGiftForm } from "./send-gift-form";
import { SendGroupGiftForm } from "./send-group-gift-form";

export async function generateMetadata() {
  return { title: (await getTranslations("gift"))("sendTitle") };
}

type Search = { product?: string; variant?: string; thread?: string; message?: string };

/** The confirm-gift sheet: from a product page (choose a friend) or from a chat (friend chosen). */
export default async function SendGiftPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const query = new URLSearchParams(Object.entries(sp).filter(([, v]) => typeof v === "string") as [string, string][]);
  const user = await requireUser(`/gift/new?${query}`);
  if (!sp.product) notFound();
  const [t, tc, product, recipients, group] = await Promise.all([
    getTranslations("gift"),
    getTranslations("checkout"),
    getProductForGift(db, sp.product),
    giftRecipientChoices(db, user.id, sp.thread),
    sp.thread ? groupGiftChoices(db, user.id, sp.thread) : null,
  ]);
  // A direct chat (or a product page) sends to one friend; a group chat sends a group gift.
  if (!product || (!recipients && !group)) notFound();
  const defaultVariantId = product.giftableVariants.some((v) => v.id === sp.variant) ? sp.variant! : product.giftableVariants[0]?.id;

  const notPossible = tc(`notGiftable.${product.eligibility.eligible ? "outOfStock" : product.eligibility.reasons[0]}`);
  return (
    <SendGiftSheet
      product={product}
      heading={t("sendTitle")}
      finePrint={group ? t("groupSend.finePrint") : t("sendFinePrint")}
      cancel={{ href: sp.thread ? `/chats/${sp.thread}` : `/products/${product.id}`, label: t("cancel") }}
    >
      {product.eligibility.eligible && group ? (
        <SendGroupGiftForm variants={product.giftableVariants} defaultVariantId={defaultVariantId} threadId={group.threadId} members={group.members} />
      ) : product.eligibility.eligible && recipients ? (
        <SendGiftForm
          variants={product.giftableVariants}
          defaultVariantId={defaultVariantId}
          recipients={recipients.users}
          fixedRecipient={recipients.fixed && recipients.users.length === 1}
          threadId={recipients.threadId}
          defaultMessage={typeof sp.message === "string" ? sp.message : ""}
        />
      ) : (
        <GiftNotPossible message={notPossible} />
      )}
    </SendGiftSheet>
  );
}
