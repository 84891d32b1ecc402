"use client";

import { useTranslations } from "next-intl";
import { VariantRadios } from "@/components/gift/variant-radios";
import { FieldError } from "@/components/ui/field";

/** "Option" on a send-gift form: the product's giftable options with their prices, and the field's error. */
export function GiftVariantFieldset({
  variants,
  value,
  onChange,
  error,
}: {
  variants: { id: string; name: string; price: number }[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const t = useTranslations("gift");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-gray-700">{t("variant")}</legend>
      <VariantRadios variants={variants} value={value} onChange={onChange} />
      <FieldError message={error} />
    </fieldset>
  );
}
