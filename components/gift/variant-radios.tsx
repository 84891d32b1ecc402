"use client";

import { formatMoney } from "@/lib/money/format";

/** The variant (款式) choice of the gift sheets: one radio per variant, styled as chips. */
export function VariantRadios({
  variants,
  value,
  defaultValue,
  onChange,
  showPrice = false,
}: {
  variants: { id: string; name: string; price: number }[];
  value?: string;
  defaultValue?: string;
  onChange?: (id: string) => void;
  showPrice?: boolean;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {variants.map((v) => (
        <label key={v.id} className="cursor-pointer">
          <input
            type="radio"
            name="variantId"
            value={v.id}
            {...(value !== undefined ? { checked: v.id === value } : { defaultChecked: v.id === defaultValue })}
            onChange={() => onChange?.(v.id)}
            className="peer sr-only"
          />
          <span className="inline-block rounded-lg border border-gray-300 px-3 py-1.5 text-sm peer-checked:border-lanbao-500 peer-checked:bg-lanbao-50 peer-checked:text-lanbao-700 peer-focus-visible:ring-2 peer-focus-visible:ring-lanbao-500">
            {v.name}
            {showPrice && ` · ${formatMoney(v.price)}`}
          </span>
        </label>
      ))}
    </div>
  );
}
