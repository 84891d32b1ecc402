import { getFormatter, getTranslations } from "next-intl/server";
import { ChartCard, ChartFrame, EmptyNote } from "@/components/analytics/chart-card";
import { FigureTable } from "@/components/ui/figure-table";
import { analyticsFormat } from "@/components/analytics/format";
import { LazyHourChart } from "@/components/analytics/lazy-charts";
import { queryHours, type QueryScope } from "@/lib/analytics/queries";
import { db } from "@/lib/db/client";

export async function HoursSection({ scope }: { scope: QueryScope }) {
  const [t, format, hours] = await Promise.all([getTranslations("analytics"), getFormatter(), queryHours(db, scope)]);
  const f = analyticsFormat(t, format);
  const label = (hour: number) => t("hours.hourLabel", { hour: String(hour).padStart(2, "0") });
  const busiest = hours.reduce((a, b) => (b.giftOrders > a.giftOrders ? b : a), hours[0]!);
  const empty = hours.every((h) => h.giftOrders === 0 && h.selfOrders === 0);
  return (
    <ChartCard
      id="hours"
      title={t("hours.title")}
      chart={
        empty ? (
          <EmptyNote>{t("hours.empty")}</EmptyNote>
        ) : (
          <ChartFrame summary={t("hours.chart", { top: label(busiest.hour) })} height={220}>
            <LazyHourChart
              data={hours.map((h) => ({ hour: String(h.hour), gift: h.giftOrders, self: h.selfOrders }))}
              labels={{ gift: t("hours.giftOrders"), self: t("hours.selfOrders") }}
            />
          </ChartFrame>
        )
      }
    >
      <FigureTable
        testId="analytics-hours-table"
        caption={t("hours.caption")}
        tall
        columns={[
          { label: t("hours.hour") },
          { label: t("hours.giftOrders"), numeric: true },
          { label: t("hours.selfOrders"), numeric: true },
          { label: t("hours.giftSales"), numeric: true },
        ]}
        rows={hours.map((h) => ({ key: String(h.hour), cells: [label(h.hour), f.count(h.giftOrders), f.count(h.selfOrders), f.money(h.giftSales)] }))}
      />
    </ChartCard>
  );
}
