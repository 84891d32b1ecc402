import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

export async function AppHeader() {
  const [t, user] = await Promise.all([getTranslations("nav"), getCurrentUser()]);
  return (
    <header className="sticky top-0 z-10 border-b border-gray-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-lanbao-600">
          <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-lanbao-500 text-sm text-white">
            蓝
          </span>
          <span className="hidden sm:inline">Lanbao</span>
        </Link>
        <nav className="flex items-center gap-1 text-sm">
          <Link href="/shops" className="rounded-md px-2 py-1 text-gray-700 hover:bg-gray-100">
            {t("shops")}
          </Link>
          {user && (
            <Link href="/chats" className="rounded-md px-2 py-1 text-gray-700 hover:bg-gray-100">
              {t("chats")}
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitch />
          {user ? (
            <UserMenu name={user.name} lanbaoId={user.lanbaoId} />
          ) : (
            <Link href="/sign-in" className="rounded-md px-2 py-1 text-sm font-medium text-lanbao-600">
              {t("signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
