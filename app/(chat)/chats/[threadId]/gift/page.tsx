import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listGiftableProducts } from "@/lib/gifting/catalog";
import { giftRecipientChoices, groupGiftChoices } from "@/lib/gifting/recipients";
import { formatMoney } from "@/lib/money/format";

/** The gift picker (选礼物) opened from a chat's composer: pick a product, then confirm. */
export default async function ThreadGiftPickerPage({
  params,
  searchParams,
}: {
  params: Promise<{ threadId: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const [{ threadId }, { q }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/chats/${threadId}/gift`);
  const [recipients, group] = await Promise.all([giftRecipientChoices(db, user.id, threadId), groupGiftChoices(db, user.id, threadId)]);
  if (!recipients && !group) notFound();
  const [t, products] = await Promise.all([getTranslations("gift"), listGiftableProducts(db, { query: q?.slice(0, 60) })]);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">{t("pickerTitle")}</h1>
        <Link href={`/chats/${threadId}`} className="text-sm text-lanbao-600">
          {t("cancel")}
        </Link>
      </div>
      {recipients?.fixed && recipients.users[0] && <p className="text-sm text-gray-600">{t("pickerFor", { name: recipients.users[0].name })}</p>}
      {group && <p className="text-sm text-gray-600">{t("pickerForGroup", { title: group.title })}</p>}
      <form className="flex gap-2" role="search">
        <input name="q" defaultValue={q} placeholder={t("pickerSearch")} aria-label={t("pickerSearch")} className={inputClass} />
      </form>
      {products.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-500 ring-1 ring-gray-200">{t("pickerEmpty")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3" data-testid="gift-picker">
          {products.map((p) => (
            <li key={p.id}>
              <Link href={`/gift/new?thread=${threadId}&product=${p.id}`} className="block overflow-hidden rounded-xl bg-white ring-1 ring-gray-200 hover:ring-lanbao-500">
                {p.image && (
                  // eslint-disable-next-line @next/next/no-img-element -- committed product images
                  <img src={p.image} alt="" width={200} height={200} loading="lazy" className="aspect-square w-full object-cover" />
                )}
                <div className="p-2">
                  <p className="line-clamp-2 text-sm font-medium">{p.title}</p>
                  <p className="text-xs text-gray-500">{p.shopName}</p>
                  <p className="text-sm font-semibold text-lanbao-700">{formatMoney(p.fromPrice)}</p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
