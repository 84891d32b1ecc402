import type { ReactNode } from "react";
import { ClientMessages } from "@/components/shell/client-messages";
import { GIFT_PAGE_NAMESPACES } from "./client-namespaces";

export default function GiftPageLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={GIFT_PAGE_NAMESPACES}>{children}</ClientMessages>;
}
