import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/merchant/or-not-found";
import { PackingSlipSheet } from "@/components/merchant/packing-slip";
import { PrintButton } from "@/components/merchant/print-button";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getOrderPackingSlips } from "@/lib/merchant/packing-slips";
import { EmptyState } from "@/components/ui/table";

export async function generateMetadata() {
  return { title: (await getTranslations("slip"))("title") };
}

/** The packing slip(s) of one order: one page per parcel. */
export default async function OrderSlipsPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requireUser(`/merchant/slips/${orderId}`);
  const [t, slips] = await Promise.all([getTranslations("slip"), orNotFound(getOrderPackingSlips(db, user.id, orderId))]);
  return (
    <div className="space-y-4">
      {/* The slips are the page; its name is for screen readers (and is the tab's title). */}
      <h1 className="sr-only">{t("title")}</h1>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/merchant/orders/${orderId}`} className="text-sm text-lanbao-600">
          ← {t("backToOrder")}
        </Link>
        {slips.length > 0 && <PrintButton />}
      </div>
      {slips.length === 0 ? (
        <EmptyState>{t("noneForOrder")}</EmptyState>
      ) : (
        slips.map((s) => <PackingSlipSheet key={s.key} slip={s} />)
      )}
    </div>
  );
}
