import { getFormatter, getTranslations } from "next-intl/server";
import { ChartCard, ChartFrame, EmptyNote } from "@/components/analytics/chart-card";
import { FigureTable } from "@/components/ui/figure-table";
import { analyticsFormat } from "@/components/analytics/format";
import { LazyRankChart } from "@/components/analytics/lazy-charts";
import { queryCategories, queryTopProducts, type QueryScope } from "@/lib/analytics/queries";
import { db } from "@/lib/db/client";

const short = (s: string) => (s.length > 14 ? `${s.slice(0, 13)}…` : s);

export async function ProductsSection({ scope }: { scope: QueryScope }) {
  const [t, tc, format, products, categories] = await Promise.all([
    getTranslations("analytics"),
    getTranslations("categories"),
    getFormatter(),
    queryTopProducts(db, scope),
    queryCategories(db, scope),
  ]);
  const f = analyticsFormat(t, format);
  const category = (slug: string) => (slug && tc.has(slug) ? tc(slug) : slug);
  return (
    <>
      <ChartCard
        id="products"
        title={t("products.title")}
        chart={
          products.length === 0 ? (
            <EmptyNote>{t("products.empty")}</EmptyNote>
          ) : (
            <ChartFrame summary={t("products.chart", { top: `${products[0]!.title} ${f.count(products[0]!.giftUnits)}` })} height={28 * products.length + 32}>
              <LazyRankChart data={products.map((p) => ({ name: short(p.title), value: p.giftUnits }))} label={t("products.giftUnits")} />
            </ChartFrame>
          )
        }
      >
        {products.length > 0 && (
          <FigureTable
            testId="analytics-products-table"
            caption={t("products.caption")}
            columns={[
              { label: t("products.product") },
              { label: t("products.category") },
              { label: t("products.giftOrders"), numeric: true },
              { label: t("products.giftUnits"), numeric: true },
              { label: t("products.giftNet"), numeric: true },
              { label: t("products.selfUnits"), numeric: true },
              { label: t("products.selfNet"), numeric: true },
              { label: t("products.giftShare"), numeric: true },
            ]}
            rows={products.map((p) => ({
              key: p.productId,
              cells: [
                p.title,
                category(p.categorySlug),
                f.count(p.giftOrders),
                f.count(p.giftUnits),
                f.money(p.giftNet),
                f.count(p.selfUnits),
                f.money(p.selfNet),
                f.share(p.giftNet, p.giftNet + p.selfNet),
              ],
            }))}
          />
        )}
      </ChartCard>
      <ChartCard
        id="categories"
        title={t("categories.title")}
        chart={
          categories.length === 0 ? (
            <EmptyNote>{t("products.empty")}</EmptyNote>
          ) : (
            <ChartFrame summary={t("categories.chart", { top: `${category(categories[0]!.categorySlug)} ${f.count(categories[0]!.giftUnits)}` })} height={28 * categories.length + 32}>
              <LazyRankChart data={categories.map((c) => ({ name: category(c.categorySlug), value: c.giftUnits }))} label={t("categories.giftUnits")} />
            </ChartFrame>
          )
        }
      >
        {categories.length > 0 && (
          <FigureTable
            testId="analytics-categories-table"
            caption={t("categories.caption")}
            columns={[
              { label: t("categories.category") },
              { label: t("categories.giftOrders"), numeric: true },
              { label: t("categories.giftUnits"), numeric: true },
              { label: t("categories.giftNet"), numeric: true },
              { label: t("categories.giftShare"), numeric: true },
            ]}
            rows={categories.map((c) => ({
              key: c.categorySlug,
              cells: [category(c.categorySlug), f.count(c.giftOrders), f.count(c.giftUnits), f.money(c.giftNet), f.share(c.giftNet, c.giftNet + c.selfNet)],
            }))}
          />
        )}
      </ChartCard>
    </>
  );
}
