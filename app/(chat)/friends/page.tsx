import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/chat/avatar";
import { LiveRefresh } from "@/components/chat/live-refresh";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listFriendRequests, listFriends } from "@/lib/social/friends";
import { ChatButton } from "./chat-button";
import { FriendSearch } from "./friend-search";
import { RequestButtons } from "./request-buttons";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("friends"))("title") };
}

export default async function FriendsPage() {
  const user = await requireUser("/friends");
  const [t, friends, requests] = await Promise.all([getTranslations("friends"), listFriends(db, user.id), listFriendRequests(db, user.id)]);
  return (
    <div className="space-y-6 px-4 py-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-gray-600">
          <span data-testid="my-lanbao-id">{t("yourId", { id: user.lanbaoId })}</span>
          <span className="block text-xs text-gray-500">{t("yourIdHint")}</span>
        </p>
      </div>

      <FriendSearch />

      {requests.incoming.length > 0 && (
        <section className="space-y-2" aria-labelledby="incoming-title">
          <h2 id="incoming-title" className="text-sm font-semibold text-gray-700">
            {t("incomingTitle")}
          </h2>
          <ul className="divide-y divide-gray-100 overflow-hidden rounded-xl bg-white ring-1 ring-gray-200" data-testid="incoming-requests">
            {requests.incoming.map((r) => (
              <li key={r.friendshipId} className="flex items-center gap-3 px-3 py-3" data-testid="incoming-request">
                <Avatar name={r.user.name} seed={r.user.id} />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{r.user.name}</p>
                  <p className="truncate text-xs text-gray-500">{t("wantsToBeFriends")}</p>
                </div>
                <RequestButtons friendshipId={r.friendshipId} name={r.user.name} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {requests.outgoing.length > 0 && (
        <section className="space-y-2" aria-labelledby="outgoing-title">
          <h2 id="outgoing-title" className="text-sm font-semibold text-gray-700">
            {t("outgoingTitle")}
          </h2>
          <ul className="divide-y divide-gray-100 overflow-hidden rounded-xl bg-white ring-1 ring-gray-200" data-testid="outgoing-requests">
            {requests.outgoing.map((r) => (
              <li key={r.friendshipId} className="flex items-center gap-3 px-3 py-3">
                <Avatar name={r.user.name} seed={r.user.id} />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{r.user.name}</p>
                  <p className="truncate text-xs text-gray-500">{r.user.lanbaoId}</p>
                </div>
                <span className="text-sm text-gray-500">{t("requested")}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-2" aria-labelledby="friends-title">
        <h2 id="friends-title" className="text-sm font-semibold text-gray-700">
          {t("friendsTitle")}
        </h2>
        {friends.length === 0 ? (
          <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-500 ring-1 ring-gray-200">{t("noFriends")}</p>
        ) : (
          <ul className="divide-y divide-gray-100 overflow-hidden rounded-xl bg-white ring-1 ring-gray-200" data-testid="friend-list">
            {friends.map((f) => (
              <li key={f.id} className="flex items-center gap-3 px-3 py-3" data-testid="friend">
                <Avatar name={f.name} seed={f.id} />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{f.name}</p>
                  <p className="truncate text-xs text-gray-500">{f.lanbaoId}</p>
                </div>
                <ChatButton friendId={f.id} name={f.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <LiveRefresh on={["threads"]} />
    </div>
  );
}
