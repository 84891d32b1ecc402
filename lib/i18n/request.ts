import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE } from "./config";
import { resolveLocale } from "./negotiate";

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
