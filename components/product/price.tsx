import { formatMoney } from "@/lib/money/format";
import { cn } from "@/components/ui/cn";

/** A price in fen, with the original price struck through when it is higher. */
export function Price({
  price,
  originalPrice,
  currency = "CNY",
  size = "md",
  originalLabel,
  className,
}: {
  price: number;
  originalPrice?: number | null;
  currency?: string;
  size?: "md" | "lg";
  /** Screen-reader text before the struck-through amount ("Original price"). */
  originalLabel?: string;
  className?: string;
}) {
  return (
    <span className={cn("inline-flex items-baseline gap-1.5", className)}>
      <span className={cn("font-semibold text-red-600", size === "lg" ? "text-2xl" : "text-base")} data-testid="price">
        {formatMoney(price, currency)}
      </span>
      {originalPrice != null && originalPrice > price && (
        <s className={cn("text-gray-500", size === "lg" ? "text-sm" : "text-xs")} data-testid="original-price">
          {originalLabel && <span className="sr-only">{originalLabel} </span>}
          {formatMoney(originalPrice, currency)}
        </s>
      )}
    </span>
  );
}
