import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listMyShops } from "@/lib/merchant/shops";

export async function generateMetadata() {
  return { title: (await getTranslations("merchant"))("title") };
}

export default async function MerchantOverviewPage() {
  const user = await requireUser("/merchant");
  const [t, shops] = await Promise.all([getTranslations("merchant"), listMyShops(db, user.id)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("overview.title")}</h1>
        <Link href="/merchant/shops/new" className={buttonClass("primary")}>
          ＋ {t("overview.newShop")}
        </Link>
      </div>
      {shops.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-600 ring-1 ring-gray-200">{t("overview.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200">
          <table className="w-full min-w-[640px] text-sm" data-testid="merchant-shops">
            <thead className="bg-gray-50 text-left text-xs text-gray-500">
              <tr>
                <th className="px-3 py-2 font-medium">{t("overview.shop")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("overview.products")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("overview.published")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("overview.orders")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("overview.toShip")}</th>
                <th className="px-3 py-2 font-medium">{t("overview.gifting")}</th>
                <th className="px-3 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {shops.map((s) => (
                <tr key={s.id} data-testid="merchant-shop-row">
                  <td className="px-3 py-2">
                    <Link href={`/merchant/shops/${s.id}`} className="font-medium text-lanbao-600 hover:underline">
                      {s.name}
                    </Link>
                    <div className="text-xs text-gray-500">/shops/{s.slug}</div>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.productCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.publishedCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.orderCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {s.toShipCount > 0 ? (
                      <Link href={`/merchant/orders?shopId=${s.id}&status=TO_SHIP`} className="font-semibold text-amber-700 hover:underline">
                        {s.toShipCount}
                      </Link>
                    ) : (
                      0
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={s.giftingEnabled ? "blue" : "gray"}>{s.giftingEnabled ? t("gifting.onShort") : t("gifting.offShort")}</Badge>
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Link href={`/shops/${s.slug}`} className="text-xs text-gray-600 hover:underline">
                      {t("viewShop")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
