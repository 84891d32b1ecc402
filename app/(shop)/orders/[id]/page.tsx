import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AfterSalePanel } from "@/components/after-sales/after-sale-panel";
import { ConfirmReceiptButton } from "@/components/after-sales/small-forms";
import { OrderStatusBadge } from "@/components/shop/order-status-badge";
import { Timeline } from "@/components/tracking/timeline";
import { requireUser } from "@/lib/auth/session";
import { getBuyerOrder } from "@/lib/catalog/buyer-orders";
import { db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";
import { trackingUrl } from "@/lib/tracking/carriers";
import { getOwnOrderTracking } from "@/lib/tracking/own-orders";
import { confirmReceiptAction, requestAfterSaleAction, withdrawAfterSaleAction } from "@/components/after-sales/actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("detailTitle") };
}

export default async function OrderPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/orders/${id}`);
  const order = await getBuyerOrder(db, user.id, id);
  if (!order) notFound();
  const [t, tt, format, tracking] = await Promise.all([
    getTranslations("orders"),
    getTranslations("tracking"),
    getFormatter(),
    order.kind === "SELF" ? getOwnOrderTracking(db, user.id, id) : null,
  ]);
  const failureKey = order.failureReason ? (t.has(`failure.${order.failureReason}`) ? `failure.${order.failureReason}` : "failure.other") : null;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/orders" className="text-sm text-lanbao-600">
        ← {t("allOrders")}
      </Link>
      <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
        <div className="flex items-start justify-between gap-3">
          <div>
            <h1 className="text-lg font-semibold">{t("detailTitle")}</h1>
            <p className="font-mono text-xs text-gray-500">{order.id}</p>
          </div>
          <OrderStatusBadge status={order.displayStatus} />
        </div>
        {failureKey && (
          <p role="status" data-testid="order-failure" className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
            {t(failureKey)}
          </p>
        )}
        {order.kind === "GIFT" && (
          <p className="rounded-lg bg-lanbao-50 p-3 text-sm text-lanbao-700">
            {t("giftTo", { name: order.recipientName ?? t("aFriend") })} · {t("giftPrivacy")}
            {order.giftId && (
              <Link href={`/gifts/sent/${order.giftId}`} className="mt-1 block font-medium underline" data-testid="gift-timeline-link">
                {tt("openTimeline")}
              </Link>
            )}
          </p>
        )}
        {order.passphraseGiftHref && (
          <Link href={order.passphraseGiftHref} className="block text-sm font-medium text-lanbao-600" data-testid="open-passphrase-gift">
            {t("openPassphraseGift")} →
          </Link>
        )}
        <Link href={`/products/${order.productId}`} className="flex gap-3">
          <div className="size-16 shrink-0 overflow-hidden rounded-lg bg-gray-100">
            {order.imageUrl && (
              // eslint-disable-next-line @next/next/no-img-element -- pre-sized thumbnail
              <img src={order.imageUrl} alt="" width={64} height={64} className="size-full object-cover" />
            )}
          </div>
          <div className="min-w-0 text-sm">
            <p className="font-medium">{order.productTitle}</p>
            <p className="text-gray-500">
              {order.variantName} · {formatMoney(order.unitAmount, order.currency)} × {order.quantity}
            </p>
            <p className="text-gray-500">{order.shopName}</p>
          </div>
        </Link>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t border-gray-100 pt-3 text-sm">
          <dt className="text-gray-500">{t("total")}</dt>
          <dd className="text-right font-semibold">{formatMoney(order.totalAmount, order.currency)}</dd>
          <dt className="text-gray-500">{t("placedAt")}</dt>
          <dd className="text-right">{date(order.createdAt)}</dd>
          {order.paidAt && (
            <>
              <dt className="text-gray-500">{t("paidAt")}</dt>
              <dd className="text-right">{date(order.paidAt)}</dd>
            </>
          )}
        </dl>
      </section>

      {order.shipping && (
        <section className="space-y-1 rounded-2xl bg-white p-4 text-sm shadow-sm ring-1 ring-gray-200">
          <h2 className="font-semibold">{t("shipTo")}</h2>
          <p>
            {order.shipping.name} · {order.shipping.phone}
          </p>
          <p className="text-gray-600">{order.shipping.address}</p>
        </section>
      )}

      {order.shipments.length > 0 && (
        <section className="space-y-2 rounded-2xl bg-white p-4 text-sm shadow-sm ring-1 ring-gray-200" data-testid="order-shipments">
          <h2 className="font-semibold">{t("delivery")}</h2>
          <ul className="space-y-2">
            {order.shipments.map((s, i) => (
              <li key={i} className="space-y-0.5">
                <p>
                  {t("shippedVia", { carrier: s.carrier })} · {date(s.shippedAt)}
                </p>
                <p className="text-xs text-gray-500">
                  <a href={trackingUrl(s.trackingNumber)} target="_blank" rel="noopener noreferrer" className="font-mono underline">
                    {t("tracking", { number: s.trackingNumber })}
                  </a>
                </p>
                {s.deliveredAt && <p className="text-green-700">{t("deliveredAt", { date: date(s.deliveredAt) })}</p>}
              </li>
            ))}
          </ul>
          {tracking?.receipt.canConfirm && (
            <div className="space-y-1 border-t border-gray-100 pt-3">
              <ConfirmReceiptButton orderId={order.id} action={confirmReceiptAction} />
              {tracking.receipt.autoConfirmAt && (
                <p className="text-xs text-gray-500">{tt("autoConfirmOn", { date: format.dateTime(tracking.receipt.autoConfirmAt, { dateStyle: "medium" }) })}</p>
              )}
            </div>
          )}
        </section>
      )}

      {tracking && tracking.vouchers.length > 0 && (
        <section className="space-y-2 rounded-2xl bg-white p-4 text-sm shadow-sm ring-1 ring-gray-200" data-testid="order-vouchers">
          <h2 className="font-semibold">{tt("yourVoucherCodes")}</h2>
          <ul className="space-y-2">
            {tracking.vouchers.map((v) => (
              <li key={v.code} data-testid="voucher">
                <span className="font-mono text-base font-semibold tracking-wider">{v.code}</span>
                <span className="block text-xs text-gray-600" data-testid="voucher-phase" data-phase={v.phase}>
                  {tt(`voucherPhase.${v.phase}`, { date: date(v.phase === "redeemed" && v.redeemedAt ? v.redeemedAt : v.expiresAt) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {tracking && tracking.events.length > 0 && (
        <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
          <h2 className="font-semibold">{tt("timeline")}</h2>
          <Timeline events={tracking.events} currency={order.currency} perspective="buyer" />
        </section>
      )}

      {tracking?.afterSale && (
        <AfterSalePanel panel={tracking.afterSale} orderId={order.id} requestAction={requestAfterSaleAction} withdrawAction={withdrawAfterSaleAction} />
      )}
    </div>
  );
}
