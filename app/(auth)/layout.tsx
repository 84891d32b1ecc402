import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/shell/client-messages";
import { LanguageSwitch } from "@/components/shell/language-switch";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-gradient-to-b from-lanbao-50 to-white">
      <header className="mx-auto flex max-w-sm items-center justify-between px-4 pt-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-lanbao-600">
          <span aria-hidden className="flex size-8 items-center justify-center rounded-lg bg-lanbao-500 text-white">
            蓝
          </span>
          Lanbao 蓝包
        </Link>
        <LanguageSwitch />
      </header>
      <main className="mx-auto max-w-sm px-4 py-8">
        <ClientMessages>{children}</ClientMessages>
      </main>
    </div>
  );
}
