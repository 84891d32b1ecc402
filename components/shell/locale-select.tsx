"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, isLocale, type Locale } from "@/lib/i18n/config";
import { setLocaleAction } from "./locale-actions";

const LABELS: Record<Locale, string> = { en: "English", "zh-CN": "中文" };

/** The language picker; its label comes translated from the server (no translation code here). */
export function LocaleSelect({ label, locale }: { label: string; locale: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1 text-sm text-gray-600">
      <span className="sr-only">{label}</span>
      <select
        aria-label={label}
        data-testid="language-switch"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLocale(next)) return;
          startTransition(async () => {
            await setLocaleAction(next);
            router.refresh();
          });
        }}
        className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
