import { getFormatter, getTranslations } from "next-intl/server";
import { ChartCard, ChartFrame, EmptyNote } from "@/components/analytics/chart-card";
import { FigureTable } from "@/components/ui/figure-table";
import { analyticsFormat } from "@/components/analytics/format";
import { LazyTrendChart } from "@/components/analytics/lazy-charts";
import { queryTrend, type QueryScope } from "@/lib/analytics/queries";
import { db } from "@/lib/db/client";

export async function TrendSection({ scope }: { scope: QueryScope }) {
  const [t, format, days] = await Promise.all([getTranslations("analytics"), getFormatter(), queryTrend(db, scope)]);
  const f = analyticsFormat(t, format);
  const sum = (pick: (d: (typeof days)[number]) => number) => days.reduce((n, d) => n + pick(d), 0);
  const giftNet = sum((d) => d.gift.netAmount);
  const selfNet = sum((d) => d.self.netAmount);
  const empty = days.every((d) => d.gift.orders === 0 && d.self.orders === 0);
  return (
    <ChartCard
      id="trend"
      title={t("trend.title")}
      chart={
        empty ? (
          <EmptyNote>{t("empty")}</EmptyNote>
        ) : (
          <ChartFrame summary={t("trend.chart", { gift: f.money(giftNet), self: f.money(selfNet), days: days.length })} height={240}>
            <LazyTrendChart
              data={days.map((d) => ({ day: d.day, gift: d.gift.netAmount, self: d.self.netAmount }))}
              labels={{ gift: t("trend.gift"), self: t("trend.self") }}
            />
          </ChartFrame>
        )
      }
    >
      <FigureTable
        testId="analytics-trend-table"
        caption={t("trend.caption")}
        tall
        columns={[
          { label: t("trend.day") },
          { label: t("trend.giftOrders"), numeric: true },
          { label: t("trend.giftNet"), numeric: true },
          { label: t("trend.selfOrders"), numeric: true },
          { label: t("trend.selfNet"), numeric: true },
        ]}
        rows={days.map((d) => ({ key: d.day, cells: [d.day, f.count(d.gift.orders), f.money(d.gift.netAmount), f.count(d.self.orders), f.money(d.self.netAmount)] }))}
        footer={[t("kinds.total"), f.count(sum((d) => d.gift.orders)), f.money(giftNet), f.count(sum((d) => d.self.orders)), f.money(selfNet)]}
      />
    </ChartCard>
  );
}
