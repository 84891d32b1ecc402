import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PackingSlipSheet } from "@/components/merchant/packing-slip";
import { PrintButton } from "@/components/merchant/print-button";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getToShipPackingSlips, MAX_SLIPS } from "@/lib/merchant/packing-slips";
import { EmptyState } from "@/components/ui/table";

export async function generateMetadata() {
  return { title: (await getTranslations("slip"))("batchTitle") };
}

/** Every parcel still to ship, one slip per page, to print in one go. */
export default async function ToShipSlipsPage({ searchParams }: { searchParams: Promise<{ shopId?: string }> }) {
  const { shopId } = await searchParams;
  const user = await requireUser("/merchant/slips");
  const [t, slips] = await Promise.all([getTranslations("slip"), getToShipPackingSlips(db, user.id, { shopId })]);
  const back = `/merchant/orders?status=TO_SHIP${shopId ? `&shopId=${encodeURIComponent(shopId)}` : ""}`;
  return (
    <div className="space-y-4">
      {/* The slips are the page; its name is for screen readers (and is the tab's title). */}
      <h1 className="sr-only">{t("batchTitle")}</h1>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={back} className="text-sm text-lanbao-600">
          ← {t("backToOrders")}
        </Link>
        <p className="text-sm text-gray-600">{t("count", { count: slips.length, max: MAX_SLIPS })}</p>
        {slips.length > 0 && <PrintButton />}
      </div>
      {slips.length === 0 ? (
        <EmptyState>{t("noneToShip")}</EmptyState>
      ) : (
        slips.map((s) => <PackingSlipSheet key={s.key} slip={s} />)
      )}
    </div>
  );
}
