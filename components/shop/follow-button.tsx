"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/validation/result";

/** The new state, with the follower count already in words (the shop page has no translation code in the browser). */
export type FollowState = ActionResult<{ following: boolean; followerCount: number; followersLabel: string }>;

export type FollowText = { follow: string; unfollow: string; failed: string };

/** Follow / unfollow a shop; the server action answers with the new state. */
export function FollowButton({
  shopId,
  following,
  followerCount,
  followersLabel,
  text,
  action,
}: {
  shopId: string;
  following: boolean;
  followerCount: number;
  followersLabel: string;
  text: FollowText;
  action: (prev: FollowState, form: FormData) => Promise<FollowState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true, data: { following, followerCount, followersLabel } });
  const current = state.ok ? state.data : { following, followerCount, followersLabel };
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="follow" value={current.following ? "false" : "true"} />
      <span className="text-sm text-gray-600" data-testid="follower-count">
        {current.followersLabel}
      </span>
      <button
        type="submit"
        disabled={pending}
        aria-pressed={current.following}
        data-testid="follow-button"
        className={cn(
          "rounded-full px-4 py-1.5 text-sm font-medium transition-colors disabled:opacity-60",
          current.following ? "bg-gray-100 text-gray-700 ring-1 ring-gray-300 hover:bg-gray-200" : "bg-lanbao-600 text-white hover:bg-lanbao-700",
        )}
      >
        {current.following ? text.unfollow : text.follow}
      </button>
      {!state.ok && <FieldError message={text.failed} />}
    </form>
  );
}
