import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function MerchantNotFound() {
  const t = await getTranslations("merchant");
  return (
    <div className="mx-auto flex min-h-[30vh] max-w-md flex-col items-center justify-center gap-3 text-center">
      <h1 className="text-lg font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-sm text-gray-600">{t("notFoundBody")}</p>
      <Link href="/merchant" className={buttonClass("secondary")}>
        {t("nav.shops")}
      </Link>
    </div>
  );
}
