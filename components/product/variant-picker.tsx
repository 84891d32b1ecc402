import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { ProductPageVariant } from "@/lib/catalog/products";

/**
 * The option picker as plain links (?variant=…): no client code, works without
 * JavaScript. Out-of-stock options are shown but cannot be chosen.
 */
export function VariantPicker({ productId, variants, selectedId }: { productId: string; variants: ProductPageVariant[]; selectedId: string }) {
  const t = useTranslations("product");
  const selected = variants.find((v) => v.id === selectedId);
  const options = selected ? Object.entries(selected.options) : [];
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-gray-700" id="variant-label">
        {t("variant")}
      </p>
      <ul className="flex flex-wrap gap-2" aria-labelledby="variant-label" data-testid="variant-picker">
        {variants.map((v) => {
          const base = "block rounded-lg px-3 py-2 text-sm ring-1";
          if (v.stock <= 0) {
            return (
              <li key={v.id}>
                <span
                  aria-disabled="true"
                  data-testid="variant-option"
                  data-out-of-stock="true"
                  className={cn(base, "cursor-not-allowed bg-gray-50 text-gray-500 line-through ring-gray-200")}
                >
                  {v.name}
                  <span className="sr-only"> ({t("outOfStock")})</span>
                </span>
              </li>
            );
          }
          const active = v.id === selectedId;
          return (
            <li key={v.id}>
              <Link
                href={`/products/${productId}?variant=${v.id}`}
                replace
                scroll={false}
                aria-current={active ? "true" : undefined}
                data-testid="variant-option"
                className={cn(
                  base,
                  active ? "bg-lanbao-50 font-medium text-lanbao-700 ring-2 ring-lanbao-500" : "bg-white text-gray-800 ring-gray-300 hover:ring-lanbao-500",
                )}
              >
                {v.name}
              </Link>
            </li>
          );
        })}
      </ul>
      {selected && (
        <p className="text-xs text-gray-500" data-testid="variant-stock">
          {options.length > 0 && <span>{options.map(([k, val]) => `${k}: ${val}`).join(" · ")} · </span>}
          {selected.stock > 0 ? t("inStock", { count: selected.stock }) : t("outOfStock")}
        </p>
      )}
    </div>
  );
}
