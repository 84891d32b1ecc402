import Link from "next/link";
import { GiftGlyph } from "@/components/gift/gift-glyph";
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
        <div className="p-4">
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
            <p className="text-sm text-gray-600" data-testid="gift-not-possible">
              {tc(`notGiftable.${product.eligibility.eligible ? "outOfStock" : product.eligibility.reasons[0]}`)}
            </p>
          )}
        </div>
      </div>
      <p className="mt-4 text-center text-xs text-gray-500">{group ? t("groupSend.finePrint") : t("sendFinePrint")}</p>
      <Link href={sp.thread ? `/chats/${sp.thread}` : `/products/${product.id}`} className="mt-2 block text-center text-sm text-lanbao-600">
        {t("cancel")}
      </Link>
    </div>
  );
}
