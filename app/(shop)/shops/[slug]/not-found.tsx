import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

export default async function ShopNotFound() {
  const t = await getTranslations("shop");
  return <NotFoundNotice title={t("notFoundTitle")} body={t("notFoundBody")} href="/shops" linkLabel={t("allShops")} />;
}
