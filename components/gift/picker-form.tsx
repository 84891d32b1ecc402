"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type MouseEvent, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";

const MESSAGE_MAX = 50;
const QUERY_MAX = 100;

/**
 * The picker's message field and search, around its product lists. Both fields are one
 * GET form, so a search keeps the message and everything works without JavaScript; with
 * it, choosing a product takes the message as typed to the confirm step.
 */
export function PickerForm({
  defaultMessage,
  defaultQuery,
  errors,
  children,
}: {
  defaultMessage: string;
  defaultQuery: string;
  /** Message keys of the parameters that were dropped as invalid. */
  errors: string[];
  children: ReactNode;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState(defaultMessage);

  function carryMessage(e: MouseEvent<HTMLDivElement>) {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>("a[data-gift-product]");
    if (!link || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    const url = new URL(link.href);
    const text = message.trim();
    if (text) url.searchParams.set("message", text);
    else url.searchParams.delete("message");
    e.preventDefault();
    router.push(url.pathname + url.search);
  }

  return (
    <div className="space-y-4">
      <form method="get" role="search" className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="picker-message" className="block text-sm font-medium text-gray-700">
            {t("gift.pickerMessage")}
          </label>
          <textarea
            id="picker-message"
            name="message"
            rows={2}
            maxLength={MESSAGE_MAX}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            placeholder={t("gift.pickerMessagePlaceholder")}
            className={inputClass}
            data-testid="picker-message"
          />
        </div>
        <div className="flex gap-2">
          <input
            name="q"
            type="search"
            defaultValue={defaultQuery}
            maxLength={QUERY_MAX}
            enterKeyHint="search"
            placeholder={t("gift.pickerSearch")}
            aria-label={t("gift.pickerSearch")}
            className={inputClass}
            data-testid="picker-search"
          />
          <button type="submit" className="shrink-0 rounded-lg bg-lanbao-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-lanbao-700">
            {t("gift.pickerSearchButton")}
          </button>
        </div>
        {errors.map((key) => (
          <p key={key} role="alert" className="text-sm text-red-600">
            {t(key)}
          </p>
        ))}
      </form>
      <div onClickCapture={carryMessage}>{children}</div>
    </div>
  );
}
