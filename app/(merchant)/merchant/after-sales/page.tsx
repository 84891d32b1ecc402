import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AfterSaleStatusBadge } from "@/components/after-sales/status-badge";
import { Pagination } from "@/components/product/pagination";
import { cn } from "@/components/ui/cn";
import { listShopAfterSales } from "@/lib/after-sales/merchant";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DataTable, EmptyState } from "@/components/ui/table";

export async function generateMetadata() {
  return { title: (await getTranslations("afterSale"))("merchantTitle") };
}

/** 售后 requests of the merchant's shops: the open ones to decide, or all. */
export default async function MerchantAfterSalesPage({ searchParams }: { searchParams: Promise<{ show?: string; page?: string }> }) {
  const sp = await searchParams;
  const user = await requireUser("/merchant/after-sales");
  const [t, to, format, list] = await Promise.all([
    getTranslations("afterSale"),
    getTranslations("orders"),
    getFormatter(),
    listShopAfterSales(db, user.id, { show: sp.show as never, page: sp.page }),
  ]);
  const href = (show: string, page = 1) => `/merchant/after-sales?show=${show}${page > 1 ? `&page=${page}` : ""}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("merchantTitle")}</h1>
      <nav aria-label={t("merchantFilter")} className="flex gap-2 text-sm">
        {(["open", "all"] as const).map((x) => (
          <Link
            key={x}
            href={href(x)}
            aria-current={list.show === x ? "page" : undefined}
            className={cn("rounded-md px-3 py-1.5 font-medium", list.show === x ? "bg-gray-900 text-white" : "bg-white text-gray-700 ring-1 ring-gray-300")}
          >
            {t(`show.${x}`)}
          </Link>
        ))}
      </nav>
      {list.items.length === 0 ? (
        <EmptyState>{t(`merchantEmpty.${list.show}`)}</EmptyState>
      ) : (
        <DataTable
          className="min-w-[720px]"
          data-testid="merchant-after-sale-list"
          columns={[
            { label: t("column.date") },
            { label: t("column.product") },
            { label: t("column.requester") },
            { label: t("column.request") },
            { label: t("column.status") },
          ]}
        >
          {list.items.map((r) => (
            <tr key={r.id} data-testid="merchant-after-sale-row">
              <td className="px-3 py-2 text-xs text-gray-600">{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
              <td className="px-3 py-2">
                <Link href={`/merchant/orders/${r.orderId}`} className="line-clamp-1 text-lanbao-600 hover:underline">
                  {r.productTitle}
                </Link>
                <div className="text-xs text-gray-500">
                  {to(`kind.${r.orderKind}`)} · {r.shopName}
                </div>
              </td>
              <td className="px-3 py-2 text-xs">{r.requesterName}</td>
              <td className="px-3 py-2 text-xs">
                <span className="font-medium">{t(`kind.${r.kind}`)}</span>
                <span className="line-clamp-2 text-gray-600">{r.reason}</span>
              </td>
              <td className="px-3 py-2">
                <AfterSaleStatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => href(list.show, p)} />
    </div>
  );
}
