import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";

export default async function CheckoutCancelledPage() {
  await requireUser("/");
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
