"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Avatar } from "@/components/chat/avatar";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import type { FoundUser } from "@/lib/social/friends";
import { findUserSchema } from "@/lib/social/schemas";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/result";
import { respondFriendRequestAction, searchUserAction, sendFriendRequestAction } from "./actions";
import { ChatButton } from "./chat-button";

/** Look someone up by email or Lanbao ID, then add them (or answer them, or chat). */
export function FriendSearch() {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [found, setFound] = useState<FoundUser | null>(null);
  const [status, setStatus] = useState<string>();
  const [searching, setSearching] = useState(false);
  const [acting, setActing] = useState(false);

  async function onSearch(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = { query: String(new FormData(e.currentTarget).get("query") ?? "") };
    setFound(null);
    setStatus(undefined);
    setFormError(undefined);
    // Checked here for quick feedback and again on the server.
    const parsed = findUserSchema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setErrors({});
    setSearching(true);
    const res = await searchUserAction(parsed.data).catch(() => null);
    setSearching(false);
    if (!res) return setFormError("chat.errors.failed");
    if (!res.ok) {
      setErrors(res.fieldErrors);
      return setFormError(res.formError);
    }
    setFound(res.data);
  }

  async function act(user: FoundUser) {
    setActing(true);
    setFormError(undefined);
    const res =
      user.relation === "incoming" && user.friendshipId
        ? await respondFriendRequestAction({ friendshipId: user.friendshipId, accept: true }).catch(() => null)
        : await sendFriendRequestAction({ userId: user.id }).catch(() => null);
    setActing(false);
    if (!res?.ok) return setFormError(res?.formError ?? "chat.errors.failed");
    const nowFriends = "outcome" in res.data ? res.data.outcome === "accepted" || res.data.outcome === "alreadyFriends" : true;
    setFound({ ...user, relation: nowFriends ? "friends" : "outgoing" });
    setStatus(nowFriends ? t("friends.nowFriends", { name: user.name }) : t("friends.sent", { name: user.name }));
    router.refresh();
  }

  const err = (k: string) => errors[k] && t(errors[k][0]);
  return (
    <section className="space-y-3">
      <form onSubmit={onSearch} noValidate className="flex items-start gap-2">
        <Field
          id="friend-query"
          name="query"
          type="text"
          inputMode="email"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          label={t("friends.searchLabel")}
          placeholder={t("friends.searchPlaceholder")}
          error={err("query")}
          className="flex-1"
        />
        <Button type="submit" disabled={searching} className="mt-6 shrink-0">
          {searching ? t("friends.searching") : t("friends.search")}
        </Button>
      </form>
      <FieldError message={formError && t(formError)} />
      {found && (
        <div className="flex items-center gap-3 rounded-xl bg-white p-3 ring-1 ring-gray-200" data-testid="search-result">
          <Avatar name={found.name} seed={found.id} />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{found.name}</p>
            <p className="truncate text-xs text-gray-500">{found.lanbaoId}</p>
          </div>
          {found.relation === "friends" ? (
            <ChatButton friendId={found.id} name={found.name} />
          ) : found.relation === "outgoing" ? (
            <span className="text-sm text-gray-500">{t("friends.requested")}</span>
          ) : (
            <Button className="px-3 py-1.5" disabled={acting} onClick={() => act(found)} data-testid="add-friend">
              {found.relation === "incoming" ? t("friends.accept") : t("friends.addFriend")}
            </Button>
          )}
        </div>
      )}
      {status && (
        <p role="status" className="text-sm text-green-700">
          {status}
        </p>
      )}
    </section>
  );
}
