import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { LiveThread } from "@/components/chat/live-thread";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { listMessages } from "@/lib/chat/messages";
import { PAGE_SIZE } from "@/lib/chat/schemas";
import { getThreadForMember, markThreadRead } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { giftCardAction, markReadAction, sendMessageAction } from "./actions";

export const dynamic = "force-dynamic";

/** The writes; reads go through GET /api/realtime/threads/[threadId]/messages and the live stream. */
const actions = { send: sendMessageAction, giftCard: giftCardAction, markRead: markReadAction };

/** Read once per request, by the title and by the page. */
const loadThread = cache((userId: string, threadId: string) => getThreadForMember(db, userId, threadId));

export async function generateMetadata({ params }: { params: Promise<{ threadId: string }> }) {
  const [{ threadId }, user, t] = await Promise.all([params, getCurrentUser(), getTranslations("chat")]);
  const thread = user ? await loadThread(user.id, threadId) : null;
  return { title: thread?.title || t("title") };
}

export default async function ThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  const { threadId } = await params;
  const user = await requireUser(`/chats/${threadId}`);
  const [t, thread] = await Promise.all([getTranslations("chat"), loadThread(user.id, threadId)]);
  // Outsiders get the same answer as for a thread that does not exist.
  if (!thread) notFound();
  const page = await listMessages(db, user.id, thread.id, { limit: PAGE_SIZE });
  await markThreadRead(db, user.id, thread.id);
  const isGroup = thread.kind === "GROUP";

  return (
    // The app header is h-14 plus its 1px border; the thread fills the rest of the screen.
    <div className="flex h-[calc(100dvh-57px)] flex-col bg-chat-bg">
      <div className="flex h-12 shrink-0 items-center gap-2 border-b border-gray-200 bg-gray-50 px-2">
        <Link href="/chats" aria-label={t("back")} className="flex size-9 items-center justify-center rounded-md text-xl text-gray-700 hover:bg-gray-200">
          ‹
        </Link>
        <h1 className="min-w-0 flex-1 truncate text-center text-base font-semibold" data-testid="thread-title">
          {thread.title}
          {isGroup && <span className="ml-1 font-normal text-gray-500">({thread.members.length})</span>}
        </h1>
        {isGroup ? (
          <Link
            href={`/chats/${thread.id}/members`}
            aria-label={t("showMembers")}
            data-testid="thread-members-link"
            className="flex size-9 items-center justify-center rounded-md text-xl text-gray-700 hover:bg-gray-200"
          >
            ⋯
          </Link>
        ) : (
          <span className="size-9" aria-hidden />
        )}
      </div>
      <LiveThread threadId={thread.id} viewerId={user.id} viewerName={user.name} isGroup={isGroup} initial={page} actions={actions} />
    </div>
  );
}
