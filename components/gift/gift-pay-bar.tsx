"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { formatMoney } from "@/lib/money/format";

/** The foot of a send-gift form: what it costs (— until it can be worked out) and Pay. */
export function GiftPayBar({ amount, pending }: { amount: number | null; pending: boolean }) {
  const t = useTranslations("gift");
  return (
    <div className="flex items-center justify-between gap-4 border-t border-gray-100 pt-4">
      <div>
        <p className="text-xs text-gray-500">{t("amount")}</p>
        <p className="text-xl font-semibold text-lanbao-700" data-testid="gift-amount">
          {amount === null ? "—" : formatMoney(amount)}
        </p>
      </div>
      <Button type="submit" disabled={pending} className="min-w-32 py-3 text-base" data-testid="gift-pay">
        {pending ? t("paying") : t("pay")}
      </Button>
    </div>
  );
}
