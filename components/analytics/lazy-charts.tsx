"use client";

// The charts as separately loaded pieces: the page is rendered (tables included) on the
// server, and recharts arrives afterwards in its own chunk, only in the browser, so it
// never holds up the page or its first paint.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

function ChartPlaceholder() {
  const t = useTranslations("analytics");
  return <div className="flex h-full animate-pulse items-center justify-center rounded-lg bg-gray-50 text-xs text-gray-400">{t("chartLoading")}</div>;
}

// (next/dynamic wants its options written out at each call.)
export const LazyTrendChart = dynamic(() => import("./charts").then((m) => m.TrendChart), { ssr: false, loading: () => <ChartPlaceholder /> });
export const LazyRankChart = dynamic(() => import("./charts").then((m) => m.RankChart), { ssr: false, loading: () => <ChartPlaceholder /> });
export const LazyHourChart = dynamic(() => import("./charts").then((m) => m.HourChart), { ssr: false, loading: () => <ChartPlaceholder /> });
