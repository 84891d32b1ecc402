import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

/**
 * The messages for the translated client components below it (all of them: forms show
 * error keys that can come from any namespace). Placed by the layouts and pages that have
 * such components, not by the root layout, so pages without them send no messages and no
 * translation code to the browser (see docs/performance.md).
 */
export function ClientMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
