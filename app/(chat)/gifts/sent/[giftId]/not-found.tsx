import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

export default async function SentGiftNotFound() {
  const t = await getTranslations("tracking");
  return <NotFoundNotice title={t("notFoundTitle")} body={t("notFoundBody")} href="/gifts?tab=sent" linkLabel={t("allGifts")} />;
}
