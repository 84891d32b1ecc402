import { getFormatter, getTranslations } from "next-intl/server";
import { analyticsFormat } from "@/components/analytics/format";
import { FigureTable } from "@/components/ui/figure-table";
import { Card } from "@/components/ui/card";
import { headlineFigures, loadHeadline } from "@/lib/analytics/figures";
import type { QueryScope } from "@/lib/analytics/queries";
import { db } from "@/lib/db/client";

/** The headline figures, and the two tables they come from: gift outcomes and sales by kind. */
export async function HeadlineSection({ scope }: { scope: QueryScope }) {
  const [t, format, data] = await Promise.all([getTranslations("analytics"), getFormatter(), loadHeadline(db, scope)]);
  const f = analyticsFormat(t, format);
  const figures = headlineFigures(data);
  const { gift, self, outcomes, afterSales } = data.summary;
  const settled = outcomes.accepted + outcomes.declined + outcomes.expired;
  const totalNet = gift.netAmount + self.netAmount;
  const kindRow = (key: "gift" | "self", label: string, k: typeof gift) => ({
    key,
    cells: [
      label,
      f.count(k.orders),
      f.count(k.units),
      f.money(k.salesAmount),
      f.money(k.refundAmount),
      f.money(k.netAmount),
      f.share(k.netAmount, totalNet),
      f.count(afterSales[key]),
    ],
  });
  return (
    <section aria-labelledby="analytics-figures-title" className="space-y-3">
      <h2 id="analytics-figures-title" className="sr-only">
        {t("figures.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="analytics-figures">
        {figures.map((fig) => (
          <Card key={fig.key} className="min-w-0 p-3" data-figure={fig.key}>
            <dt className="text-xs text-gray-500">{t(`figures.${fig.key}`)}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid="figure-value">
              {f.value(fig.value)}
            </dd>
            {fig.note && <dd className="text-xs text-gray-500">{t(`figures.notes.${fig.note.key}`, { value: f.value(fig.note.value) })}</dd>}
          </Card>
        ))}
      </dl>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <Card className="min-w-0 p-3">
          <h3 className="mb-2 text-sm font-semibold">{t("outcomes.title")}</h3>
          <FigureTable
            testId="analytics-outcomes"
            caption={t("outcomes.caption")}
            columns={[{ label: t("outcomes.outcome") }, { label: t("outcomes.units"), numeric: true }, { label: t("outcomes.share"), numeric: true }]}
            rows={[
              ...(["accepted", "declined", "expired"] as const).map((k) => ({
                key: k,
                cells: [t(`outcomes.${k}`), f.count(outcomes[k]), f.share(outcomes[k], settled)],
              })),
              { key: "waiting", cells: [t("outcomes.waiting"), f.count(outcomes.waiting), ""] },
            ]}
            footer={[t("outcomes.total"), f.count(outcomes.units), ""]}
          />
        </Card>
        <Card className="min-w-0 p-3">
          <h3 className="mb-2 text-sm font-semibold">{t("kinds.title")}</h3>
          <FigureTable
            testId="analytics-kinds"
            caption={t("kinds.caption")}
            columns={[
              { label: t("kinds.kind") },
              { label: t("kinds.orders"), numeric: true },
              { label: t("kinds.units"), numeric: true },
              { label: t("kinds.paid"), numeric: true },
              { label: t("kinds.refunded"), numeric: true },
              { label: t("kinds.net"), numeric: true },
              { label: t("kinds.share"), numeric: true },
              { label: t("kinds.afterSales"), numeric: true },
            ]}
            rows={[kindRow("gift", t("kinds.gift"), gift), kindRow("self", t("kinds.self"), self)]}
            footer={[
              t("kinds.total"),
              f.count(gift.orders + self.orders),
              f.count(gift.units + self.units),
              f.money(gift.salesAmount + self.salesAmount),
              f.money(gift.refundAmount + self.refundAmount),
              f.money(totalNet),
              "",
              f.count(afterSales.gift + afterSales.self),
            ]}
          />
        </Card>
      </div>
    </section>
  );
}
