import { getTranslations } from "next-intl/server";
import { PageSpinner } from "@/components/ui/spinner";

/** Shared body of the loading.tsx files. */
export async function RouteLoading() {
  const t = await getTranslations("common");
  return <PageSpinner label={t("loading")} />;
}
