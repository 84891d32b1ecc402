import { getTranslations } from "next-intl/server";
import { SearchBox } from "@/components/shop/search-box";
import { ShopCard } from "@/components/shop/shop-card";
import { listShops } from "@/lib/catalog/shops";
import { db } from "@/lib/db/client";

export async function generateMetadata() {
  return { title: (await getTranslations("shop"))("directoryTitle") };
}

export default async function ShopsPage() {
  const [t, shops] = await Promise.all([getTranslations("shop"), listShops(db)]);
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("directoryTitle")}</h1>
        <p className="text-sm text-gray-600">{t("directoryIntro")}</p>
      </div>
      <SearchBox />
      {shops.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-500 ring-1 ring-gray-200">{t("noShops")}</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shops.map((s) => (
            <ShopCard key={s.id} shop={s} heading="h2" />
          ))}
        </div>
      )}
    </div>
  );
}
