"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { shareProductAction } from "./actions";

/** Pick one of your recent chats and post the product's card into it. */
export function ShareToChatForm({ productId, threads }: { productId: string; threads: { id: string; title: string }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(shareProductAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok ? state.formError : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-700">{t("chat.share.chooseChat")}</legend>
        <ul className="divide-y divide-gray-100 rounded-xl ring-1 ring-gray-200">
          {threads.map((th, i) => (
            <li key={th.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-3 text-sm has-[:checked]:bg-lanbao-50">
                <input type="radio" name="threadId" value={th.id} defaultChecked={i === 0} className="size-4 accent-lanbao-500" />
                <span className="truncate">{th.title}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError message={errors.threadId && t(errors.threadId[0])} />
      </fieldset>
      <FieldError message={formError && t(formError)} />
      <Button type="submit" disabled={pending} className="w-full py-3 text-base" data-testid="share-submit">
        {pending ? t("chat.share.sharing") : t("chat.share.submit")}
      </Button>
    </form>
  );
}
