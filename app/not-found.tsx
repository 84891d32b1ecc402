import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

export default async function NotFound() {
  const t = await getTranslations("common");
  return <NotFoundNotice title={t("notFoundTitle")} body={t("notFoundBody")} href="/" linkLabel={t("goHome")} />;
}
