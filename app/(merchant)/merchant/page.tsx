import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listMyShops } from "@/lib/merchant/shops";
import { DataTable, EmptyState } from "@/components/ui/table";

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
        <EmptyState>{t("overview.empty")}</EmptyState>
      ) : (
        <DataTable
          className="min-w-[640px]"
          data-testid="merchant-shops"
          columns={[
            { label: t("overview.shop") },
            { label: t("overview.products"), align: "right" },
            { label: t("overview.published"), align: "right" },
            { label: t("overview.orders"), align: "right" },
            { label: t("overview.toShip"), align: "right" },
            { label: t("overview.gifting") },
            { label: t("actions"), srOnly: true },
          ]}
        >
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
        </DataTable>
      )}
    </div>
  );
}
