"use client";

// The charts as separately loaded pieces: the page is rendered (tables included) on the
// server, and recharts arrives afterwards in its own chunk, only in the browser, so it
// never holds up the page or its first paint.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

/** Only the grey shape pulses: pulsing the words too would fade them below a readable contrast. */
function ChartPlaceholder() {
  const t = useTranslations("analytics");
  return (
    <div className="relative flex h-full items-center justify-center text-xs text-gray-600" data-testid="chart-loading">
      <div aria-hidden className="absolute inset-0 animate-pulse rounded-lg bg-gray-50" />
      <span className="relative">{t("chartLoading")}</span>
    </div>
  );
}

// (next/dynamic wants its options written out at each call.)
export const LazyTrendChart = dynamic(() => import("./charts").then((m) => m.TrendChart), { ssr: false, loading: () => <ChartPlaceholder /> });
export const LazyRankChart = dynamic(() => import("./charts").then((m) => m.RankChart), { ssr: false, loading: () => <ChartPlaceholder /> });
export const LazyHourChart = dynamic(() => import("./charts").then((m) => m.HourChart), { ssr: false, loading: () => <ChartPlaceholder /> });
