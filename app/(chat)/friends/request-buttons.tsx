"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { respondFriendRequestAction } from "./actions";

/** Accept / Decline on an incoming request. */
export function RequestButtons({ friendshipId, name }: { friendshipId: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  async function answer(accept: boolean) {
    setPending(true);
    setMessage(undefined);
    const res = await respondFriendRequestAction({ friendshipId, accept }).catch(() => null);
    if (res?.ok) {
      setMessage({ text: accept ? t("friends.nowFriends", { name }) : t("friends.declined"), error: false });
      router.refresh();
    } else {
      setPending(false);
      setMessage({ text: t(res ? (res.formError ?? "chat.errors.failed") : "chat.errors.failed"), error: true });
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={() => answer(false)} data-testid="decline-request">
          {t("friends.decline")}
        </Button>
        <Button className="px-3 py-1.5" disabled={pending} onClick={() => answer(true)} data-testid="accept-request">
          {t("friends.accept")}
        </Button>
      </div>
      {message && (
        <p role={message.error ? "alert" : "status"} className={`text-xs ${message.error ? "text-red-600" : "text-green-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
