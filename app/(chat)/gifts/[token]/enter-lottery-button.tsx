"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { enterLotteryAction } from "./actions";

/** One tap to enter a gift lottery before its draw. */
export function EnterLotteryButton({ token }: { token: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(enterLotteryAction, null);
  const formError = state && !state.ok ? state.formError : undefined;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} className="w-full py-3 text-base" data-testid="enter-lottery">
        {pending ? t("gift.lottery.entering") : t("gift.lottery.enter")}
      </Button>
      <FieldError message={formError && t(formError)} />
    </form>
  );
}
