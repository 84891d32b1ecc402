import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/chat/avatar";
import { PickerForm } from "@/components/gift/picker-form";
import { PickerProductGrid } from "@/components/gift/picker-product-grid";
import { PickerSections } from "@/components/gift/picker-sections";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { giftPickerHeader, giftPickerSections, parsePickerQuery, searchGiftPicker } from "@/lib/gifting/catalog";

export async function generateMetadata() {
  return { title: (await getTranslations("gift"))("pickerTitle") };
}

/** The gift picker (选礼物) opened from a chat's composer: the friend, a message, products. */
export default async function ThreadGiftPickerPage({
  params,
  searchParams,
}: {
  params: Promise<{ threadId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ threadId }, sp] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/chats/${threadId}/gift`);
  const header = await giftPickerHeader(db, user.id, threadId);
  if (!header) notFound();
  const { query, errors } = parsePickerQuery(sp);
  const [t, sections, results] = await Promise.all([
    getTranslations("gift"),
    query.q ? Promise.resolve([]) : giftPickerSections(db, user.id),
    query.q ? searchGiftPicker(db, query.q) : Promise.resolve(null),
  ]);
  const confirmBase = `/gift/new?thread=${encodeURIComponent(threadId)}${query.message ? `&message=${encodeURIComponent(query.message)}` : ""}`;

  return (
    <div className="mx-auto max-w-md space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">{t("pickerTitle")}</h1>
        <Link href={`/chats/${threadId}`} className="text-sm text-lanbao-600">
          {t("cancel")}
        </Link>
      </div>
      <div className="flex items-center gap-3 rounded-xl bg-white p-3 ring-1 ring-gray-200" data-testid="picker-for">
        {header.kind === "friend" ? (
          <>
            <Avatar name={header.friend.name} seed={header.friend.id} />
            <p className="font-medium">{t("pickerFor", { name: header.friend.name })}</p>
          </>
        ) : (
          <>
            <Avatar name={header.title} seed={threadId} />
            <div>
              <p className="font-medium">{t("pickerForGroup", { title: header.title })}</p>
              <p className="text-xs text-gray-500">{t("pickerForGroupHint")}</p>
            </div>
          </>
        )}
      </div>
      <PickerForm defaultMessage={query.message} defaultQuery={query.q} errors={errors}>
        {results ? (
          <section aria-labelledby="picker-results" className="space-y-3" data-testid="picker-results">
            <div className="flex items-baseline justify-between gap-2">
              <h2 id="picker-results" className="font-semibold">
                {t("pickerResults", { query: query.q })}
              </h2>
              <Link href={`/chats/${threadId}/gift${query.message ? `?message=${encodeURIComponent(query.message)}` : ""}`} className="shrink-0 text-sm text-lanbao-600">
                {t("pickerBackToSuggestions")}
              </Link>
            </div>
            {results.length === 0 ? (
              <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-500 ring-1 ring-gray-200" data-testid="picker-empty">
                {t("pickerEmpty")}
              </p>
            ) : (
              <PickerProductGrid products={results} confirmBase={confirmBase} />
            )}
          </section>
        ) : (
          <PickerSections sections={sections} confirmBase={confirmBase} />
        )}
      </PickerForm>
    </div>
  );
}
