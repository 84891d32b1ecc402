import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

export default async function AddressNotFound() {
  const t = await getTranslations("addressBook");
  const ta = await getTranslations("address");
  return <NotFoundNotice title={t("notFoundTitle")} body={ta("notFound")} href="/addresses" linkLabel={t("title")} />;
}
