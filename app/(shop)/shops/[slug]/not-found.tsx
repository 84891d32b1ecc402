import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function ShopNotFound() {
  const t = await getTranslations("shop");
  return (
    <div className="mx-auto flex min-h-[40vh] max-w-md flex-col items-center justify-center gap-3 text-center">
      <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-sm text-gray-600">{t("notFoundBody")}</p>
      <Link href="/shops" className={buttonClass("secondary")}>
        {t("allShops")}
      </Link>
    </div>
  );
}
