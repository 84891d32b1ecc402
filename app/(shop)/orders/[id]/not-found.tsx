import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

export default async function OrderNotFound() {
  const t = await getTranslations("orders");
  return <NotFoundNotice title={t("notFoundTitle")} body={t("notFoundBody")} href="/orders" linkLabel={t("allOrders")} />;
}
