import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/product/pagination";
import { ProductGrid } from "@/components/product/product-card";
import { SearchBox } from "@/components/shop/search-box";
import { searchProducts, SEARCH_MAX_QUERY } from "@/lib/catalog/search";
import { pageParam } from "@/lib/catalog/shops";
import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/table";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

function queryOf(q: string | string[] | undefined) {
  return (Array.isArray(q) ? q[0] : (q ?? "")).trim().slice(0, SEARCH_MAX_QUERY);
}

export async function generateMetadata({ searchParams }: Props) {
  const [t, q] = [await getTranslations("search"), queryOf((await searchParams).q)];
  return { title: q ? t("titleFor", { query: q }) : t("title") };
}

export default async function SearchPage({ searchParams }: Props) {
  const sp = await searchParams;
  const query = queryOf(sp.q);
  const t = await getTranslations("search");
  const result = query ? await searchProducts(db, query, { page: pageParam(sp.page) }) : null;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <SearchBox defaultValue={query} autoFocus={!query} />
      {!result ? (
        <p className="text-sm text-gray-600">{t("prompt")}</p>
      ) : result.items.length === 0 ? (
        <EmptyState data-testid="search-empty">
          {t("empty", { query })}
        </EmptyState>
      ) : (
        <section className="space-y-3" aria-live="polite">
          <h2 className="text-sm font-normal text-gray-600" data-testid="search-summary">
            {result.fuzzy
              ? t("fuzzy", { query })
              : result.more
                ? t("resultsMore", { count: result.total, query })
                : t("results", { count: result.total, query })}
          </h2>
          <ProductGrid products={result.items} showShop eagerCount={2} />
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            href={(p) => `/search?q=${encodeURIComponent(query)}${p > 1 ? `&page=${p}` : ""}`}
          />
        </section>
      )}
    </div>
  );
}
