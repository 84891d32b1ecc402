import type { ReactNode } from "react";
import { ClientMessages } from "@/components/shell/client-messages";

/** Its pages have translated client forms (confirm receipt, after-sales, the address book). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
