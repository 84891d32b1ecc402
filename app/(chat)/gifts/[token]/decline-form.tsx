"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { declineGiftAction } from "./actions";

/** 拒收, in two steps: a plain "Decline" link-button, then a confirmation that says what happens. */
export function DeclineGiftForm({ token, senderName }: { token: string; senderName: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(declineGiftAction, null);
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const formError = state && !state.ok ? state.formError : undefined;
  if (!asking) {
    return (
      <div className="text-center">
        <button
          ref={opener}
          type="button"
          onClick={() => setAsking(true)}
          className="text-sm text-gray-600 underline-offset-2 hover:underline"
          data-testid="decline-gift"
        >
          {t("gift.decline")}
        </button>
        <FieldError message={formError && t(formError)} />
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-lg bg-gray-50 p-3" role="group" aria-labelledby="decline-question">
      <input type="hidden" name="token" value={token} />
      <p id="decline-question" className="text-sm text-gray-700">
        {t("gift.declineConfirm", { name: senderName })}
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending} className="flex-1" data-testid="decline-gift-confirm" autoFocus>
          {pending ? t("gift.declining") : t("gift.declineYes")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="flex-1"
          onClick={() => {
            setAsking(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
        >
          {t("gift.declineNo")}
        </Button>
      </div>
      <FieldError message={formError && t(formError)} />
    </form>
  );
}
