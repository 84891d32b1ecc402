import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/chat/live-refresh";
import { ThreadList } from "@/components/chat/thread-list";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { listThreadsForUser } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("chat"))("title") };
}

export default async function ChatsPage() {
  const user = await requireUser("/chats");
  const [t, threads] = await Promise.all([getTranslations("chat"), listThreadsForUser(db, user.id, { take: 100 })]);
  return (
    <div className="space-y-4 px-4 py-5">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <div className="flex gap-2">
          <Link href="/friends" className={buttonClass("secondary", "px-3 py-2")}>
            {t("friends")}
          </Link>
          <Link href="/chats/new" className={buttonClass("primary", "px-3 py-2")} data-testid="new-group-link">
            {t("newGroup")}
          </Link>
        </div>
      </div>
      {threads.length === 0 ? (
        <div className="space-y-3 rounded-xl bg-white p-6 text-center ring-1 ring-gray-200" data-testid="chats-empty">
          <p className="text-sm text-gray-500">{t("empty")}</p>
          <Link href="/friends" className={buttonClass("primary")}>
            {t("findFriends")}
          </Link>
        </div>
      ) : (
        <ThreadList threads={threads} emptyText={t("empty")} />
      )}
      <LiveRefresh />
    </div>
  );
}
