import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/merchant/or-not-found";
import { ShopTabs } from "@/components/merchant/shop-tabs";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getMyShop } from "@/lib/merchant/shops";

export default async function MerchantShopLayout({ children, params }: { children: ReactNode; params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  const user = await requireUser(`/merchant/shops/${shopId}`);
  const [t, shop] = await Promise.all([getTranslations("merchant"), orNotFound(getMyShop(db, user.id, shopId))]);
  const base = `/merchant/shops/${shop.id}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <h1 className="text-xl font-semibold" data-testid="merchant-shop-name">
            {shop.name}
          </h1>
          <Badge tone={shop.giftingEnabled ? "blue" : "gray"}>{shop.giftingEnabled ? t("gifting.onShort") : t("gifting.offShort")}</Badge>
        </div>
        <Link href={`/shops/${shop.slug}`} className="text-sm font-medium text-lanbao-600">
          {t("viewShop")} →
        </Link>
      </div>
      <ShopTabs
        label={t("tabs.label")}
        tabs={[
          { href: base, label: t("tabs.products"), exact: true },
          { href: `${base}/gift-zone`, label: t("tabs.giftZone") },
          { href: `/merchant/orders?shopId=${shop.id}`, label: t("tabs.orders") },
          { href: `${base}/settings`, label: t("tabs.settings") },
          { href: `/merchant/analytics?shop=${shop.id}`, label: t("tabs.analytics") },
        ]}
      />
      {children}
    </div>
  );
}
