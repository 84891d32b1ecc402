import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { cancelCheckout } from "@/lib/orders/checkout";

export const dynamic = "force-dynamic";

/**
 * Stripe sends the buyer here when they leave the payment page without paying. Their
 * pending order is given up now: its Checkout Session is expired at Stripe first, so the
 * page they left cannot take a payment later. Only the buyer's own pending order is
 * touched, and doing it twice changes nothing.
 */
export default async function CheckoutCancelledPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const { order } = await searchParams;
  const user = await requireUser(order ? `/checkout/cancelled?order=${encodeURIComponent(order)}` : "/");
  if (typeof order === "string" && order.length <= 64) await cancelCheckout(db, user.id, order);
  const t = await getTranslations("checkout");
  return (
    <Card className="mx-auto max-w-md space-y-3 p-6 text-center">
      <h1 className="text-xl font-semibold">{t("cancelledTitle")}</h1>
      <p className="text-sm text-gray-600">{t("cancelledBody")}</p>
      <Link href="/" className={buttonClass("secondary")}>
        {t("backHome")}
      </Link>
    </Card>
  );
}
