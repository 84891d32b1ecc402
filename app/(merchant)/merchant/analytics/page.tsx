import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { analyticsFormat } from "@/components/analytics/format";
import { RangeForm } from "@/components/analytics/range-form";
import { orNotFound } from "@/components/merchant/or-not-found";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { QueryScope } from "@/lib/analytics/queries";
import { analyticsAsOf } from "@/lib/analytics/refresh";
import { analyticsQuerySchema, RANGES, resolveAnalyticsScope, type AnalyticsScope } from "@/lib/analytics/scope";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { fieldErrorsOf } from "@/lib/validation/result";
import { HeadlineSection } from "./_sections/headline";
import { HoursSection } from "./_sections/hours";
import { ProductsSection } from "./_sections/products";
import { ProvincesSection } from "./_sections/provinces";
import { TrendSection } from "./_sections/trend";

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export async function generateMetadata() {
  return { title: (await getTranslations("analytics"))("title") };
}

/** The CSV of exactly the days and shops on screen. */
function exportHref(scope: AnalyticsScope) {
  const q = new URLSearchParams({ range: "custom", from: scope.from, to: scope.to });
  if (scope.shop) q.set("shop", scope.shop.id);
  return `/merchant/analytics/export?${q}`;
}

function SectionLoading({ label }: { label: string }) {
  return (
    <Card className="flex h-40 items-center justify-center gap-3 text-sm text-gray-500" role="status">
      <span className="size-5 animate-spin rounded-full border-2 border-gray-300 border-t-lanbao-500" aria-hidden />
      {label}
    </Card>
  );
}

export default async function MerchantAnalyticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const user = await requireUser("/merchant/analytics");
  const raw = { range: one(sp.range), from: one(sp.from), to: one(sp.to), shop: one(sp.shop) };
  const parsed = analyticsQuerySchema.safeParse(raw);
  // Dates that cannot be used fall back to the default range (the form says why); a shop
  // that is not the user's is a 404 either way.
  const scope = await orNotFound(resolveAnalyticsScope(db, user.id, parsed.success ? parsed.data : { shop: raw.shop }));
  const [t, tAll, tc, format, asOf] = await Promise.all([
    getTranslations("analytics"),
    getTranslations(),
    getTranslations("common"),
    getFormatter(),
    analyticsAsOf(db),
  ]);
  const f = analyticsFormat(t, format);

  if (scope.shops.length === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-600 ring-1 ring-gray-200">{t("noShops")}</p>
      </div>
    );
  }

  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const firstError = (field: string) => (errors[field]?.[0] ? tAll(errors[field][0]) : undefined);
  const q: QueryScope = { shopIds: scope.shopIds, from: scope.from, to: scope.to };
  const key = `${scope.shopIds.join(",")}:${scope.from}:${scope.to}`;
  const loading = <SectionLoading label={tc("loading")} />;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-gray-600" data-testid="analytics-subtitle">
            {t("subtitle", { shop: scope.shop?.name ?? t("allShops"), from: f.day(scope.from), to: f.day(scope.to) })}
          </p>
        </div>
        <div className="text-right">
          {/* A file download, not a page: prefetching it would run the export. */}
          <Link href={exportHref(scope)} prefetch={false} className={buttonClass("secondary", "py-2")} data-testid="analytics-download">
            {t("filters.download")}
          </Link>
          <p className="mt-1 max-w-xs text-xs text-gray-500">{t("filters.downloadHint")}</p>
        </div>
      </div>

      <RangeForm
        action="/merchant/analytics"
        ranges={RANGES}
        range={scope.range}
        from={parsed.success ? scope.from : (raw.from ?? scope.from)}
        to={parsed.success ? scope.to : (raw.to ?? scope.to)}
        shop={scope.shop?.id ?? ""}
        shops={scope.shops}
        labels={{
          form: t("filters.label"),
          range: t("filters.range"),
          ranges: Object.fromEntries(RANGES.map((r) => [r, t(`filters.ranges.${r}`)])),
          from: t("filters.from"),
          to: t("filters.to"),
          shop: t("filters.shop"),
          allShops: t("allShops"),
          apply: t("filters.apply"),
        }}
        errors={{ from: firstError("from"), to: firstError("to") }}
      />
      {!parsed.success && (
        <p role="alert" className="text-sm text-amber-800">
          {t("errors.invalidRange")}
        </p>
      )}

      {asOf ? (
        <p className="text-xs text-gray-500" data-testid="analytics-as-of">
          {t("asOf", { time: format.dateTime(asOf, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      ) : (
        <p role="status" className="rounded-xl bg-white p-6 text-center text-sm text-gray-600 ring-1 ring-gray-200" data-testid="analytics-not-yet">
          {t("notYet")}
        </p>
      )}

      {asOf && (
        <>
          <Suspense key={`headline:${key}`} fallback={loading}>
            <HeadlineSection scope={q} />
          </Suspense>
          <Suspense key={`trend:${key}`} fallback={loading}>
            <TrendSection scope={q} />
          </Suspense>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Suspense key={`provinces:${key}`} fallback={loading}>
              <ProvincesSection scope={q} />
            </Suspense>
            <Suspense key={`hours:${key}`} fallback={loading}>
              <HoursSection scope={q} />
            </Suspense>
            <Suspense key={`products:${key}`} fallback={loading}>
              <ProductsSection scope={q} />
            </Suspense>
          </div>
        </>
      )}
    </div>
  );
}
