"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { GiftMessageField } from "@/components/gift/gift-message-field";
import { GiftPayBar } from "@/components/gift/gift-pay-bar";
import { VariantRadios } from "@/components/gift/variant-radios";
import { FieldError } from "@/components/ui/field";
import { sendPassphraseGiftAction } from "./actions";


/** Option, 赠言 and pay: no friend to choose, the link and passphrase come after payment. */
export function SendPassphraseGiftForm({ variants, defaultVariantId }: { variants: { id: string; name: string; price: number }[]; defaultVariantId: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(sendPassphraseGiftAction, null);
  const [variantId, setVariantId] = useState(defaultVariantId);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok ? state.formError : undefined;
  const price = variants.find((v) => v.id === variantId)?.price ?? variants[0].price;
  const err = (k: string) => errors[k] && t(errors[k][0]);

  return (
    <form action={action} className="space-y-5" noValidate>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-700">{t("gift.variant")}</legend>
        <VariantRadios variants={variants} value={variantId} onChange={setVariantId} />
        <FieldError message={err("variantId")} />
      </fieldset>
      <GiftMessageField placeholder={t("gift.messagePlaceholder")} error={err("message") || undefined} />
      <FieldError message={formError && t(formError)} />
      <GiftPayBar amount={price} pending={pending} />
    </form>
  );
}
