import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/**
 * The messages for the translated client components below it. Placed by the layouts and
 * pages that have such components, not by the root layout, so pages without them send no
 * messages and no translation code to the browser (see docs/performance.md). By default all
 * of them (forms show error keys that can come from any namespace); `namespaces` sends only
 * those, for a page opened on phones whose components and errors need few.
 */
export async function ClientMessages({ children, namespaces }: { children: ReactNode; namespaces?: readonly string[] }) {
  if (!namespaces) return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
  const all = await getMessages();
  const picked = Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}

/** A layout that only places ClientMessages (all namespaces), for sections with translated forms. */
export function ClientMessagesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
