"use client";

import { useTranslations } from "next-intl";
import { GiftMessageField } from "@/components/gift/gift-message-field";
import { GiftPayBar } from "@/components/gift/gift-pay-bar";
import { GiftVariantFieldset } from "@/components/gift/gift-variant-fieldset";
import { useSendGiftForm } from "@/components/gift/use-send-gift-form";
import { FieldError } from "@/components/ui/field";
import { sendPassphraseGiftAction } from "./actions";


/** Option, 赠言 and pay: no friend to choose, the link and passphrase come after payment. */
export function SendPassphraseGiftForm({ variants, defaultVariantId }: { variants: { id: string; name: string; price: number }[]; defaultVariantId: string }) {
  const t = useTranslations();
  const { action, pending, variantId, setVariantId, price, err, formError } = useSendGiftForm(sendPassphraseGiftAction, variants, defaultVariantId);

  return (
    <form action={action} className="space-y-5" noValidate>
      <GiftVariantFieldset variants={variants} value={variantId} onChange={setVariantId} error={err("variantId")} />
      <GiftMessageField placeholder={t("gift.messagePlaceholder")} error={err("message")} />
      <FieldError message={formError} />
      <GiftPayBar amount={price} pending={pending} />
    </form>
  );
}
