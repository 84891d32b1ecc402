import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { NavigationProgress } from "@/components/shell/navigation-progress";
import { RouteErrorTextProvider } from "@/components/shell/route-error";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f6fed" };

/**
 * No translation provider here: server components translate on the server, and only the
 * layouts whose pages have translated client components (chats, merchant, sign-in, buy)
 * send messages to the browser (lib/i18n/README.md). The shop and product pages ship none.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body>
        <Suspense fallback={null}>
          <NavigationProgress label={t("loading")} />
        </Suspense>
        <RouteErrorTextProvider text={{ title: t("errorTitle"), body: t("errorBody"), retry: t("retry") }}>{children}</RouteErrorTextProvider>
      </body>
    </html>
  );
}
