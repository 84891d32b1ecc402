import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { UnreadBadge } from "@/components/chat/unread-badge";
import { getCurrentUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { isMerchant as runsAShop } from "@/lib/merchant/access";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

export async function AppHeader() {
  const [t, tf, tc, tcommon, user] = await Promise.all([
    getTranslations("nav"),
    getTranslations("friends"),
    getTranslations("chat"),
    getTranslations("common"),
    getCurrentUser(),
  ]);
  const [unread, isMerchant] = user ? await Promise.all([countUnread(db, user.id), runsAShop(db, user.id)]) : [0, false];
  return (
    <header className="sticky top-0 z-10 border-b border-gray-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-lanbao-600">
          <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-lanbao-500 text-sm text-white">
            蓝
          </span>
          {/* On phones only the glyph shows; the name is still the link's name. */}
          <span className="sr-only sm:not-sr-only">{tcommon("appName")}</span>
        </Link>
        <nav aria-label={t("main")} className="flex items-center gap-1 text-sm">
          <Link href="/shops" className="rounded-md px-2 py-1 text-gray-700 hover:bg-gray-100">
            {t("shops")}
          </Link>
          <Link href="/search" aria-label={t("search")} className="rounded-md p-1.5 text-gray-700 hover:bg-gray-100">
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden className="size-4">
              <circle cx="11" cy="11" r="7" />
              <path d="m20 20-3.5-3.5" />
            </svg>
          </Link>
          {user && (
            <>
              <Link href="/chats" className="relative rounded-md px-2 py-1 text-gray-700 hover:bg-gray-100">
                {t("chats")}
                <UnreadBadge initial={unread} viewerId={user.id} label={tc.raw("unread") as string} />
              </Link>
              <Link href="/gifts" className="rounded-md px-2 py-1 text-gray-700 hover:bg-gray-100" data-testid="nav-gifts">
                {t("gifts")}
              </Link>
              {/* Phones reach friends from the chat list; the header has no room there. */}
              <Link href="/friends" className="hidden rounded-md px-2 py-1 text-gray-700 hover:bg-gray-100 sm:block">
                {tf("title")}
              </Link>
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitch />
          {user ? (
            <UserMenu
              name={user.name}
              text={{
                menu: t("userMenu"),
                lanbaoId: t("lanbaoId", { id: user.lanbaoId }),
                gifts: t("gifts"),
                orders: t("orders"),
                addresses: t("addresses"),
                merchant: isMerchant ? t("merchant") : t("openShop"),
                signOut: t("signOut"),
              }}
            />
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
