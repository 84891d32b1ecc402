import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

export default async function ProductNotFound() {
  const t = await getTranslations("product");
  return <NotFoundNotice title={t("notFoundTitle")} body={t("notFoundBody")} href="/shops" linkLabel={t("browseShops")} />;
}
