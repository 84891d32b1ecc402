import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

export default async function NotFound() {
  const t = await getTranslations("common");
  // The root layout has no <main> of its own (each section's layout brings one).
  return (
    <main>
      <NotFoundNotice title={t("notFoundTitle")} body={t("notFoundBody")} href="/" linkLabel={t("goHome")} />
    </main>
  );
}
