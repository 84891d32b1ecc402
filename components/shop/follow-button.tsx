"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/validation/result";

export type FollowState = ActionResult<{ following: boolean; followerCount: number }>;

/** Follow / unfollow a shop; the server action answers with the new state. */
export function FollowButton({
  shopId,
  following,
  followerCount,
  action,
}: {
  shopId: string;
  following: boolean;
  followerCount: number;
  action: (prev: FollowState, form: FormData) => Promise<FollowState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { ok: true, data: { following, followerCount } });
  const current = state.ok ? state.data : { following, followerCount };
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="follow" value={current.following ? "false" : "true"} />
      <span className="text-sm text-gray-600" data-testid="follower-count">
        {t("shop.followers", { count: current.followerCount })}
      </span>
      <button
        type="submit"
        disabled={pending}
        aria-pressed={current.following}
        data-testid="follow-button"
        className={cn(
          "rounded-full px-4 py-1.5 text-sm font-medium transition-colors disabled:opacity-60",
          current.following ? "bg-gray-100 text-gray-700 ring-1 ring-gray-300 hover:bg-gray-200" : "bg-lanbao-500 text-white hover:bg-lanbao-600",
        )}
      >
        {current.following ? t("shop.unfollow") : t("shop.follow")}
      </button>
      {!state.ok && <FieldError message={state.formError ? (t.has(state.formError) ? t(state.formError) : t("common.errorBody")) : undefined} />}
    </form>
  );
}
