import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/product/pagination";
import { OrderStatusBadge } from "@/components/shop/order-status-badge";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listMerchantOrders, ORDER_FILTERS } from "@/lib/merchant/orders";
import { listMyShops } from "@/lib/merchant/shops";
import { formatMoney } from "@/lib/money/format";
import { DataTable, EmptyState } from "@/components/ui/table";

type Search = { status?: string; kind?: string; shopId?: string; page?: string };

export async function generateMetadata() {
  return { title: (await getTranslations("merchant"))("orders.title") };
}

export default async function MerchantOrdersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const user = await requireUser("/merchant/orders");
  const [t, to, ts, format, shops, orders] = await Promise.all([
    getTranslations("merchant"),
    getTranslations("orders"),
    getTranslations("slip"),
    getFormatter(),
    listMyShops(db, user.id),
    listMerchantOrders(db, user.id, { status: sp.status as never, kind: sp.kind as never, shopId: sp.shopId, page: sp.page }),
  ]);
  const f = orders.filters;
  const query = (page: number) => {
    const q = new URLSearchParams();
    if (f.status) q.set("status", f.status);
    if (f.kind) q.set("kind", f.kind);
    if (f.shopId) q.set("shopId", f.shopId);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return `/merchant/orders${s ? `?${s}` : ""}`;
  };
  const select = `${inputClass} py-2 text-sm`;

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("orders.title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-2" data-testid="order-filters">
        <label className="space-y-1 text-xs text-gray-600">
          <span>{t("orders.filterStatus")}</span>
          <select name="status" defaultValue={f.status ?? ""} className={select}>
            <option value="">{t("orders.allPaid")}</option>
            {ORDER_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s === "TO_SHIP" ? t("orders.toShip") : to(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-xs text-gray-600">
          <span>{t("orders.filterKind")}</span>
          <select name="kind" defaultValue={f.kind ?? ""} className={select}>
            <option value="">{t("orders.all")}</option>
            <option value="GIFT">{to("kind.GIFT")}</option>
            <option value="SELF">{to("kind.SELF")}</option>
          </select>
        </label>
        {shops.length > 1 && (
          <label className="space-y-1 text-xs text-gray-600">
            <span>{t("orders.filterShop")}</span>
            <select name="shopId" defaultValue={f.shopId ?? ""} className={select}>
              <option value="">{t("orders.all")}</option>
              {shops.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="rounded-lg bg-gray-900 px-4 py-2 text-sm font-medium text-white">
          {t("orders.apply")}
        </button>
        <span className="ml-auto text-sm text-gray-500">{t("orders.count", { count: orders.total })}</span>
      </form>
      {f.status === "TO_SHIP" && orders.total > 0 && (
        <Link href={`/merchant/slips${f.shopId ? `?shopId=${encodeURIComponent(f.shopId)}` : ""}`} className="inline-block text-sm font-medium text-lanbao-600 hover:underline" data-testid="print-to-ship-slips">
          {ts("printAll")}
        </Link>
      )}

      {orders.items.length === 0 ? (
        <EmptyState>{t("orders.empty")}</EmptyState>
      ) : (
        <DataTable
          className="min-w-[860px]"
          data-testid="merchant-orders"
          columns={[
            { label: t("orders.order") },
            { label: t("orders.date") },
            { label: t("orders.product") },
            { label: t("orders.kind") },
            { label: t("orders.customer") },
            { label: t("orders.status") },
            { label: t("orders.amount"), align: "right" },
          ]}
        >
          {orders.items.map((o) => (
            <tr key={o.id} data-testid="merchant-order-row" data-order-id={o.id}>
              <td className="px-3 py-2">
                <Link href={`/merchant/orders/${o.id}`} className="font-mono text-xs font-medium text-lanbao-600 hover:underline">
                  {o.id.slice(-8).toUpperCase()}
                </Link>
              </td>
              <td className="px-3 py-2 text-xs text-gray-600">{format.dateTime(o.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
              <td className="px-3 py-2">
                <Link href={`/merchant/orders/${o.id}`} className="line-clamp-1 hover:text-lanbao-600 hover:underline">
                  {o.productTitle}
                </Link>
                <div className="text-xs text-gray-500">
                  {o.variantName} × {o.quantity} · {o.shopName}
                </div>
              </td>
              <td className="px-3 py-2">
                <Badge tone={o.kind === "GIFT" ? "blue" : "gray"}>{to(`kind.${o.kind}`)}</Badge>
              </td>
              <td className="px-3 py-2 text-xs">
                {o.kind === "GIFT" && o.recipientName ? t("orders.giftFromTo", { sender: o.buyerName, recipient: o.recipientName }) : o.buyerName}
              </td>
              <td className="px-3 py-2">
                <OrderStatusBadge status={o.displayStatus} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMoney(o.totalAmount, o.currency)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={orders.page} pageCount={orders.pageCount} href={query} />
    </div>
  );
}
