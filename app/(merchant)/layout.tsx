import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { ClientMessages } from "@/components/shell/client-messages";

export default function MerchantGroupLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages>
      <AppHeader />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </ClientMessages>
  );
}
