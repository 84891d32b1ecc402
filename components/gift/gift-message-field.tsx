"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, inputClass } from "@/components/ui/field";
import { GIFT_MESSAGE_MAX } from "@/lib/gifting/message";

/** The gift message of every send form (chat, group, passphrase): a short note with its count. */
export function GiftMessageField({ defaultValue = "", placeholder, error }: { defaultValue?: string; placeholder: string; error?: string }) {
  const t = useTranslations();
  const [message, setMessage] = useState(defaultValue.slice(0, GIFT_MESSAGE_MAX));
  return (
    <div className="space-y-1">
      <label htmlFor="message" className="block text-sm font-medium text-gray-700">
        {t("gift.message")}
      </label>
      <textarea
        id="message"
        name="message"
        rows={2}
        maxLength={GIFT_MESSAGE_MAX}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        placeholder={placeholder}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "message-error" : undefined}
      />
      <p className="text-right text-xs text-gray-500">
        {message.length}/{GIFT_MESSAGE_MAX}
      </p>
      <FieldError id="message-error" message={error} />
    </div>
  );
}
