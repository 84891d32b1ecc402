// How analytics figures read: counts and percentages in the reader's locale, money in yuan
// from integer fen, durations in minutes, hours or days, days in China time.
import type { getFormatter, getTranslations } from "next-intl/server";
import type { FigureValue } from "@/lib/analytics/figures";
import { dayStart } from "@/lib/analytics/days";
import { formatMoney } from "@/lib/money/format";

type Translator = Awaited<ReturnType<typeof getTranslations<"analytics">>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export type AnalyticsFormat = ReturnType<typeof analyticsFormat>;

export function analyticsFormat(t: Translator, format: Formatter) {
  const none = t("figures.none");
  const count = (n: number) => format.number(n);
  const money = (fen: number) => formatMoney(fen);
  const percent = (v: number | null) => (v === null ? none : format.number(v, { style: "percent", maximumFractionDigits: 1 }));
  const share = (part: number, whole: number) => percent(whole > 0 ? part / whole : null);
  const minutes = (m: number | null) => {
    if (m === null) return none;
    if (m < 60) return t("duration.minutes", { m });
    if (m < 1440) return t("duration.hours", { h: Math.floor(m / 60), m: m % 60 });
    return t("duration.days", { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
  };
  const value = (v: FigureValue) => {
    switch (v.type) {
      case "count":
        return count(v.value);
      case "money":
        return money(v.value);
      case "ratio":
        return percent(v.value);
      case "minutes":
        return minutes(v.value);
    }
  };
  const day = (d: string) => format.dateTime(dayStart(d), { dateStyle: "medium" });
  return { count, money, percent, share, minutes, value, day };
}
