import { getLocale, getTranslations } from "next-intl/server";
import { LocaleSelect } from "./locale-select";

export async function LanguageSwitch() {
  const [t, locale] = await Promise.all([getTranslations("nav"), getLocale()]);
  return <LocaleSelect label={t("language")} locale={locale} />;
}
