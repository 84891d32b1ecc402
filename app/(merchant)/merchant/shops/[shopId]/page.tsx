import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/merchant/or-not-found";
import { ProductRowActions } from "@/components/merchant/product-row-actions";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listMerchantProducts } from "@/lib/merchant/products";
import { formatMoney } from "@/lib/money/format";
import { deleteProductAction, setPublishedAction } from "./products/actions";
import { DataTable, EmptyState } from "@/components/ui/table";

type Props = { params: Promise<{ shopId: string }>; searchParams: Promise<{ saved?: string }> };

export default async function MerchantProductsPage({ params, searchParams }: Props) {
  const [{ shopId }, sp] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/merchant/shops/${shopId}`);
  const [t, tc, format, products] = await Promise.all([
    getTranslations("merchant"),
    getTranslations("categories"),
    getFormatter(),
    orNotFound(listMerchantProducts(db, user.id, shopId)),
  ]);
  const saved = sp.saved ? products.find((p) => p.id === sp.saved) : undefined;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-gray-600">{t("products.count", { count: products.length })}</p>
        <Link href={`/merchant/shops/${shopId}/products/new`} className={buttonClass("primary")} data-testid="new-product">
          ＋ {t("products.new")}
        </Link>
      </div>
      {saved && (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200">
          ✓ {t("products.created", { title: saved.title })}
        </p>
      )}
      {products.length === 0 ? (
        <EmptyState>{t("products.empty")}</EmptyState>
      ) : (
        <DataTable
          className="min-w-[820px]"
          data-testid="merchant-products"
          columns={[
            { label: t("products.product") },
            { label: t("products.category") },
            { label: t("products.price"), align: "right" },
            { label: t("products.stock"), align: "right" },
            { label: t("products.status") },
            { label: t("products.orders"), align: "right" },
            { label: t("products.updated") },
            { label: t("actions"), srOnly: true },
          ]}
        >
          {products.map((p) => (
            <tr key={p.id} data-testid="merchant-product-row" data-product-id={p.id}>
              <td className="px-3 py-2">
                <div className="flex items-center gap-2">
                  <span className="size-9 shrink-0 overflow-hidden rounded bg-gray-100">
                    {p.imageUrl && (
                      // eslint-disable-next-line @next/next/no-img-element -- small thumbnail
                      <img src={p.imageUrl} alt="" width={36} height={36} loading="lazy" className="size-full object-cover" />
                    )}
                  </span>
                  <div className="min-w-0">
                    <Link href={`/merchant/shops/${shopId}/products/${p.id}`} className="line-clamp-1 font-medium text-gray-900 hover:text-lanbao-600">
                      {p.title}
                    </Link>
                    <div className="text-xs text-gray-500">
                      {t(`product.kind${p.kind}Short`)} · {t("products.variants", { count: p.variantCount })}
                      {p.giftZoneRank !== null && ` · ${t("products.giftZoneRank", { rank: p.giftZoneRank })}`}
                    </div>
                  </div>
                </div>
              </td>
              <td className="px-3 py-2 text-gray-600">{tc.has(p.categorySlug) ? tc(p.categorySlug) : p.categorySlug}</td>
              <td className="px-3 py-2 text-right tabular-nums">{p.minPrice !== null ? formatMoney(p.minPrice) : "—"}</td>
              <td className={`px-3 py-2 text-right tabular-nums ${p.stock === 0 ? "text-red-600" : ""}`}>{p.stock}</td>
              <td className="px-3 py-2">
                <Badge tone={p.published ? "green" : "gray"}>
                  <span data-testid="product-state">{p.published ? t("products.published") : t("products.draft")}</span>
                </Badge>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{p.orderCount}</td>
              <td className="px-3 py-2 text-xs text-gray-500">{format.dateTime(p.updatedAt, { dateStyle: "short" })}</td>
              <td className="px-3 py-2">
                <ProductRowActions shopId={shopId} product={p} publishAction={setPublishedAction} deleteAction={deleteProductAction} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
