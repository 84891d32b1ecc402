import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/chat/avatar";
import { requireUser } from "@/lib/auth/session";
import { getThreadForMember } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { listFriends } from "@/lib/social/friends";
import { AddMembersForm } from "./add-members-form";

export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ threadId: string }> }) {
  const { threadId } = await params;
  const user = await requireUser(`/chats/${threadId}/members`);
  const [t, thread, friends] = await Promise.all([getTranslations("chat"), getThreadForMember(db, user.id, threadId), listFriends(db, user.id)]);
  if (!thread) notFound();
  const inGroup = new Set(thread.members.map((m) => m.id));
  const addable = friends.filter((f) => !inGroup.has(f.id)).map(({ id, name, lanbaoId }) => ({ id, name, lanbaoId }));

  return (
    <div className="space-y-5 px-4 py-5">
      <div className="flex items-center gap-2">
        <Link
          href={`/chats/${thread.id}`}
          aria-label={t("backToChat")}
          className="flex size-9 items-center justify-center rounded-md text-xl text-gray-700 hover:bg-gray-200"
        >
          ‹
        </Link>
        <h1 className="min-w-0 flex-1 truncate text-xl font-semibold">{thread.title}</h1>
      </div>
      <section className="space-y-2" aria-labelledby="members-title">
        <h2 id="members-title" className="text-sm font-semibold text-gray-700">
          {t("members", { count: thread.members.length })}
        </h2>
        <ul className="grid grid-cols-4 gap-3 rounded-xl bg-white p-3 ring-1 ring-gray-200 sm:grid-cols-6" data-testid="member-grid">
          {thread.members.map((m) => (
            <li key={m.id} className="flex flex-col items-center gap-1 text-center">
              <Avatar name={m.name} seed={m.id} />
              <span className="w-full truncate text-xs text-gray-600">{m.id === user.id ? t("you") : m.name}</span>
            </li>
          ))}
        </ul>
      </section>
      {thread.kind === "GROUP" &&
        (addable.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-center text-sm text-gray-500 ring-1 ring-gray-200">{t("allFriendsIn")}</p>
        ) : (
          <AddMembersForm threadId={thread.id} friends={addable} />
        ))}
    </div>
  );
}
