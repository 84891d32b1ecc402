import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { GROUP_MIN_OTHERS } from "@/lib/chat/schemas";
import { db } from "@/lib/db/client";
import { listFriends } from "@/lib/social/friends";
import { NewGroupForm } from "./new-group-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("chat"))("newGroupTitle") };
}

export default async function NewGroupPage() {
  const user = await requireUser("/chats/new");
  const [t, friends] = await Promise.all([getTranslations("chat"), listFriends(db, user.id)]);
  return (
    <div className="space-y-5 px-4 py-5">
      <div className="flex items-center gap-2">
        <Link href="/chats" aria-label={t("back")} className="flex size-9 items-center justify-center rounded-md text-xl text-gray-700 hover:bg-gray-200">
          ‹
        </Link>
        <h1 className="text-xl font-semibold">{t("newGroupTitle")}</h1>
      </div>
      {friends.length < GROUP_MIN_OTHERS ? (
        <div className="space-y-3 rounded-xl bg-white p-6 text-center ring-1 ring-gray-200">
          <p className="text-sm text-gray-600">{t("needTwoFriends")}</p>
          <Link href="/friends" className={buttonClass("primary")}>
            {t("findFriends")}
          </Link>
        </div>
      ) : (
        <NewGroupForm friends={friends.map(({ id, name, lanbaoId }) => ({ id, name, lanbaoId }))} />
      )}
    </div>
  );
}
