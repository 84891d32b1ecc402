"use client";

// The analytics filters: a plain GET form (it works without script). With script, typing a
// date switches the range to "Custom", so what is submitted is what the merchant sees.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, inputClass } from "@/components/ui/field";

type Labels = {
  form: string;
  range: string;
  ranges: Record<string, string>;
  from: string;
  to: string;
  shop: string;
  allShops: string;
  apply: string;
};

export function RangeForm({
  action,
  ranges,
  range,
  from,
  to,
  shop,
  shops,
  labels,
  errors,
}: {
  action: string;
  ranges: readonly string[];
  range: string;
  from: string;
  to: string;
  shop: string;
  shops: { id: string; name: string }[];
  labels: Labels;
  errors: { from?: string; to?: string };
}) {
  const [current, setCurrent] = useState(range);
  const field = `${inputClass} py-2 text-sm`;
  const toCustom = () => setCurrent("custom");
  return (
    <form method="get" action={action} aria-label={labels.form} className="flex flex-wrap items-end gap-2" data-testid="analytics-filters">
      <label className="space-y-1 text-xs text-gray-600">
        <span>{labels.range}</span>
        <select name="range" value={current} onChange={(e) => setCurrent(e.target.value)} className={field}>
          {ranges.map((r) => (
            <option key={r} value={r}>
              {labels.ranges[r]}
            </option>
          ))}
        </select>
      </label>
      <div className="space-y-1 text-xs text-gray-600">
        <label htmlFor="analytics-from">{labels.from}</label>
        <input
          id="analytics-from"
          type="date"
          name="from"
          defaultValue={from}
          onChange={toCustom}
          aria-invalid={errors.from ? true : undefined}
          aria-describedby={errors.from ? "analytics-from-error" : undefined}
          className={field}
        />
        <FieldError id="analytics-from-error" message={errors.from} />
      </div>
      <div className="space-y-1 text-xs text-gray-600">
        <label htmlFor="analytics-to">{labels.to}</label>
        <input
          id="analytics-to"
          type="date"
          name="to"
          defaultValue={to}
          onChange={toCustom}
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={errors.to ? "analytics-to-error" : undefined}
          className={field}
        />
        <FieldError id="analytics-to-error" message={errors.to} />
      </div>
      {shops.length > 1 && (
        <label className="space-y-1 text-xs text-gray-600">
          <span>{labels.shop}</span>
          <select name="shop" defaultValue={shop} className={field}>
            <option value="">{labels.allShops}</option>
            {shops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {shops.length === 1 && <input type="hidden" name="shop" value={shop} />}
      <Button type="submit" className="py-2">
        {labels.apply}
      </Button>
    </form>
  );
}
