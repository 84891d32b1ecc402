import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/product/pagination";
import { OrderStatusBadge } from "@/components/shop/order-status-badge";
import { requireUser } from "@/lib/auth/session";
import { listBuyerOrders } from "@/lib/catalog/buyer-orders";
import { pageParam } from "@/lib/catalog/shops";
import { db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";
import { EmptyState } from "@/components/ui/table";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("title") };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireUser("/orders");
  const sp = await searchParams;
  const [t, format, orders] = await Promise.all([
    getTranslations("orders"),
    getFormatter(),
    listBuyerOrders(db, user.id, { page: pageParam(sp.page) }),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {orders.items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {orders.items.map((o) => (
            <li key={o.id}>
              <Link
                href={`/orders/${o.id}`}
                data-testid="order-row"
                className="flex gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-gray-200 hover:ring-lanbao-500"
              >
                <div className="size-16 shrink-0 overflow-hidden rounded-lg bg-gray-100">
                  {o.imageUrl && (
                    // eslint-disable-next-line @next/next/no-img-element -- pre-sized thumbnail
                    <img src={o.imageUrl} alt="" width={64} height={64} loading="lazy" className="size-full object-cover" />
                  )}
                </div>
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex items-start justify-between gap-2">
                    <p className="line-clamp-1 text-sm font-medium">{o.productTitle}</p>
                    <OrderStatusBadge status={o.displayStatus} />
                  </div>
                  <p className="text-xs text-gray-500">
                    {o.variantName} · ×{o.quantity} · {o.shopName}
                  </p>
                  <p className="flex items-center justify-between text-xs text-gray-500">
                    <span>
                      {o.kind === "GIFT" ? t("giftTo", { name: o.recipientName ?? t("aFriend") }) : t("kind.SELF")} ·{" "}
                      {format.dateTime(o.createdAt, { dateStyle: "medium" })}
                    </span>
                    <span className="font-medium text-gray-900">{formatMoney(o.totalAmount, o.currency)}</span>
                  </p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={orders.page} pageCount={orders.pageCount} href={(p) => (p === 1 ? "/orders" : `/orders?page=${p}`)} />
    </div>
  );
}
