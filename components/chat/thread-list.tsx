import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ThreadSummary } from "@/lib/chat/threads";

export async function ThreadList({ threads, emptyText }: { threads: ThreadSummary[]; emptyText: string }) {
  const [t, format] = await Promise.all([getTranslations("chat"), getFormatter()]);
  if (threads.length === 0) return <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-500 ring-1 ring-gray-200">{emptyText}</p>;
  return (
    <ul className="divide-y divide-gray-100 overflow-hidden rounded-xl bg-white ring-1 ring-gray-200" data-testid="thread-list">
      {threads.map((th) => (
        <li key={th.id}>
          <Link href={`/chats/${th.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-gray-50">
            <span
              aria-hidden
              className={`flex size-11 shrink-0 items-center justify-center rounded-lg text-base font-semibold text-white ${th.kind === "GROUP" ? "bg-emerald-500" : "bg-lanbao-500"}`}
            >
              {th.title.slice(0, 1)}
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex items-baseline justify-between gap-2">
                <p className="truncate font-medium">
                  {th.title}
                  {th.kind === "GROUP" && <span className="ml-1 text-sm font-normal text-gray-500">({th.memberCount})</span>}
                </p>
                <time className="shrink-0 text-xs text-gray-500" dateTime={th.lastMessageAt.toISOString()}>
                  {format.relativeTime(th.lastMessageAt)}
                </time>
              </div>
              <p className="truncate text-sm text-gray-500">
                {th.lastMessage
                  ? th.lastMessage.kind === "GIFT"
                    ? t("previewGift")
                    : th.lastMessage.kind === "SYSTEM"
                      ? t("previewSystem")
                      : th.lastMessage.kind === "PRODUCT"
                        ? t("previewProduct")
                      : `${th.kind === "GROUP" && th.lastMessage.senderName ? `${th.lastMessage.senderName}: ` : ""}${th.lastMessage.body ?? ""}`
                  : t("noMessages")}
              </p>
            </div>
            {th.unread > 0 && (
              <span className="flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-medium text-white" aria-label={t("unread", { count: th.unread })}>
                {th.unread > 99 ? "99+" : th.unread}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
