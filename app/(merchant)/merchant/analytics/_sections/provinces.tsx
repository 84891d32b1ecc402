import { getFormatter, getTranslations } from "next-intl/server";
import { ChartCard, ChartFrame, EmptyNote } from "@/components/analytics/chart-card";
import { FigureTable } from "@/components/ui/figure-table";
import { analyticsFormat } from "@/components/analytics/format";
import { LazyRankChart } from "@/components/analytics/lazy-charts";
import { queryProvinces, type QueryScope } from "@/lib/analytics/queries";
import { db } from "@/lib/db/client";

/** The chart shows the busiest provinces; the table lists them all. */
const CHART_ROWS = 12;

export async function ProvincesSection({ scope }: { scope: QueryScope }) {
  const [t, format, rows] = await Promise.all([getTranslations("analytics"), getFormatter(), queryProvinces(db, scope)]);
  const f = analyticsFormat(t, format);
  const total = rows.reduce((n, r) => n + r.recipients, 0);
  // Names as written on parcels (广东省, 内蒙古自治区), whatever the page's language.
  const name = (province: string) => province || t("provinces.voucher");
  const top = rows.slice(0, CHART_ROWS);
  return (
    <ChartCard
      id="provinces"
      title={t("provinces.title")}
      chart={
        rows.length === 0 ? (
          <EmptyNote>{t("provinces.empty")}</EmptyNote>
        ) : (
          <ChartFrame summary={t("provinces.chart", { top: `${name(rows[0]!.province)} ${f.count(rows[0]!.recipients)}` })} height={28 * top.length + 32}>
            <LazyRankChart data={top.map((r) => ({ name: name(r.province), value: r.recipients }))} label={t("provinces.recipients")} />
          </ChartFrame>
        )
      }
    >
      {rows.length > 0 && (
        <FigureTable
          testId="analytics-provinces-table"
          caption={t("provinces.caption")}
          tall
          columns={[{ label: t("provinces.province") }, { label: t("provinces.recipients"), numeric: true }, { label: t("provinces.share"), numeric: true }]}
          rows={rows.map((r) => ({ key: r.province || "-", cells: [name(r.province), f.count(r.recipients), f.share(r.recipients, total)] }))}
          footer={[t("kinds.total"), f.count(total), ""]}
        />
      )}
    </ChartCard>
  );
}
