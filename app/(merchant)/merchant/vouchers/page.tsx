import { getFormatter, getTranslations } from "next-intl/server";
import { RedeemVoucherForm } from "@/components/merchant/redeem-form";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listRedemptions } from "@/lib/vouchers/redeem";
import { redeemVoucherAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("vouchers"))("title") };
}

/** Redeem a code (核销), and the latest codes redeemed in the merchant's shops. */
export default async function VouchersPage() {
  const user = await requireUser("/merchant/vouchers");
  const [t, format, recent] = await Promise.all([getTranslations("vouchers"), getFormatter(), listRedemptions(db, user.id)]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <RedeemVoucherForm action={redeemVoucherAction} />
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">{t("recent")}</h2>
        {recent.length === 0 ? (
          <p className="text-sm text-gray-600">{t("noneYet")}</p>
        ) : (
          <ul className="divide-y divide-gray-100 rounded-xl bg-white text-sm ring-1 ring-gray-200" data-testid="redemptions">
            {recent.map((r) => (
              <li key={r.code} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                <span>
                  <span className="font-mono">{r.code}</span> · {r.productTitle} · {r.variantName}
                </span>
                <span className="text-xs text-gray-500">
                  {r.holderName} · {format.dateTime(r.redeemedAt, { dateStyle: "short", timeStyle: "short" })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
