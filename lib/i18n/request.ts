import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, type Locale } from "./config";
import { resolveLocale } from "./negotiate";

const loaders: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("./messages/en"),
  "zh-CN": () => import("./messages/zh-CN"),
};

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  const messages = (await loaders[locale]()).default;
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
