"use client";

import { useTranslations } from "next-intl";
import { GiftMessageField } from "@/components/gift/gift-message-field";
import { GiftPayBar } from "@/components/gift/gift-pay-bar";
import { GiftVariantFieldset } from "@/components/gift/gift-variant-fieldset";
import { useSendGiftForm } from "@/components/gift/use-send-gift-form";
import { FieldError, inputClass } from "@/components/ui/field";
import { sendGiftAction } from "./actions";


export function SendGiftForm({
  variants,
  defaultVariantId,
  recipients,
  fixedRecipient,
  threadId,
  defaultMessage = "",
}: {
  variants: { id: string; name: string; price: number }[];
  defaultVariantId: string;
  recipients: { id: string; name: string }[];
  fixedRecipient: boolean;
  threadId: string | null;
  /** Written in the gift picker before choosing the product. */
  defaultMessage?: string;
}) {
  const t = useTranslations();
  const { action, pending, variantId, setVariantId, price, errors, err, formError } = useSendGiftForm(sendGiftAction, variants, defaultVariantId);

  return (
    <form action={action} className="space-y-5" noValidate>
      {threadId && <input type="hidden" name="threadId" value={threadId} />}
      <GiftVariantFieldset variants={variants} value={variantId} onChange={setVariantId} error={err("variantId")} />

      {fixedRecipient ? (
        <p className="text-sm">
          <input type="hidden" name="recipientId" value={recipients[0].id} />
          {t("gift.to")} <span className="font-medium" data-testid="gift-recipient">{recipients[0].name}</span>
        </p>
      ) : (
        <div className="space-y-1">
          <label htmlFor="recipientId" className="block text-sm font-medium text-gray-700">
            {t("gift.chooseFriend")}
          </label>
          <select id="recipientId" name="recipientId" defaultValue="" className={inputClass} aria-invalid={errors.recipientId ? true : undefined}>
            <option value="" disabled>
              {t("gift.chooseFriendPlaceholder")}
            </option>
            {recipients.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          {recipients.length === 0 && <p className="text-sm text-gray-500">{t("gift.noFriends")}</p>}
          <FieldError message={err("recipientId")} />
        </div>
      )}

      <GiftMessageField defaultValue={defaultMessage} placeholder={t("gift.messagePlaceholder")} error={err("message")} />

      <label className="flex items-start gap-2 text-sm text-gray-700">
        <input type="checkbox" name="senderOnSlip" className="mt-0.5 size-4 rounded border-gray-300 accent-lanbao-500" />
        <span>{t("slip.senderOnSlipOption")}</span>
      </label>

      <FieldError message={formError} />
      <GiftPayBar amount={price} pending={pending} />
    </form>
  );
}
