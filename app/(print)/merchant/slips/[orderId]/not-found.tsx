import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

export default async function MerchantNotFound() {
  const t = await getTranslations("merchant");
  return <NotFoundNotice title={t("notFoundTitle")} body={t("notFoundBody")} href="/merchant" linkLabel={t("nav.shops")} />;
}
