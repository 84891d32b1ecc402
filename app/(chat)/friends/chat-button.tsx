"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { openDirectChatAction } from "./actions";

export function ChatButton({ friendId, name }: { friendId: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        className="px-3 py-1.5"
        disabled={pending}
        aria-label={`${t("friends.chat")} · ${name}`}
        data-testid="open-chat"
        onClick={async () => {
          setPending(true);
          setError(undefined);
          const res = await openDirectChatAction({ friendId }).catch(() => null);
          if (res?.ok) return router.push(`/chats/${res.data.threadId}`);
          setPending(false);
          setError(res ? (res.formError ?? "chat.errors.failed") : "chat.errors.failed");
        }}
      >
        {t("friends.chat")}
      </Button>
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {t(error)}
        </p>
      )}
    </div>
  );
}
