import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";

/** The console's frame. Every page and action checks the user and ownership again itself. */
export default async function MerchantLayout({ children }: { children: ReactNode }) {
  await requireUser("/merchant");
  const [t, ta, tv] = await Promise.all([getTranslations("merchant"), getTranslations("afterSale"), getTranslations("vouchers")]);
  const link = "rounded-md px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100";
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 pb-3">
        <p className="text-lg font-semibold">{t("title")}</p>
        <nav className="flex flex-wrap gap-1" aria-label={t("title")}>
          <Link href="/merchant" className={link}>
            {t("nav.shops")}
          </Link>
          <Link href="/merchant/orders" className={link}>
            {t("nav.orders")}
          </Link>
          <Link href="/merchant/after-sales" className={link}>
            {ta("merchantNav")}
          </Link>
          <Link href="/merchant/vouchers" className={link}>
            {tv("nav")}
          </Link>
          <Link href="/merchant/analytics" className={link}>
            {t("nav.analytics")}
          </Link>
        </nav>
      </div>
      {children}
    </div>
  );
}
