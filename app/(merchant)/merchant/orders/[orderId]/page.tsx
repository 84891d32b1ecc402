import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AfterSaleDecisionForms } from "@/components/after-sales/decide-forms";
import { AfterSaleRequestList } from "@/components/after-sales/request-list";
import { DeliverButton, RetryRefundButton, ShipForm } from "@/components/merchant/fulfilment-forms";
import { orNotFound } from "@/components/merchant/or-not-found";
import { OrderStatusBadge } from "@/components/shop/order-status-badge";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { ShippingAddress } from "@/lib/address/format";
import { getMerchantOrder } from "@/lib/merchant/orders";
import { formatMoney } from "@/lib/money/format";
import { CARRIERS } from "@/lib/orders/fulfilment";
import { approveAfterSaleAction, rejectAfterSaleAction } from "../../after-sales/actions";
import { deliverAction, retryRefundAction, shipAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("merchant"))("order.title") };
}

function Address({ s }: { s: ShippingAddress }) {
  return (
    <div className="text-sm" data-testid="ship-address">
      <p className="font-medium">
        {s.name} · {s.phone}
      </p>
      <p className="text-gray-600">{[s.province, s.city, s.district, s.detail].filter(Boolean).join(" ")}</p>
    </div>
  );
}

export default async function MerchantOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requireUser(`/merchant/orders/${orderId}`);
  const [t, to, ta, ts, tv, format, order] = await Promise.all([
    getTranslations("merchant"),
    getTranslations("orders"),
    getTranslations("afterSale"),
    getTranslations("slip"),
    getTranslations("vouchers"),
    getFormatter(),
    orNotFound(getMerchantOrder(db, user.id, orderId)),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const physical = order.product.kind === "PHYSICAL";
  const closed = order.status === "CANCELLED" || order.status === "REFUNDED";
  const shipmentsOf = (claimId: string | null) => order.shipments.filter((s) => s.claimId === claimId);
  const failure = order.failureReason ? (to.has(`failure.${order.failureReason}`) ? to(`failure.${order.failureReason}`) : to("failure.other")) : null;

  const shipments = (list: typeof order.shipments) =>
    list.length > 0 && (
      <ul className="space-y-1 text-sm" data-testid="shipments">
        {list.map((s) => (
          <li key={s.id}>
            {s.carrier} · <span className="font-mono">{s.trackingNumber}</span> · {date(s.shippedAt)}
            {s.deliveredAt && <span className="text-green-700"> · {t("order.deliveredOn", { date: date(s.deliveredAt) })}</span>}
          </li>
        ))}
      </ul>
    );

  return (
    <div className="space-y-4">
      <Link href="/merchant/orders" className="text-sm text-lanbao-600">
        ← {t("order.back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("order.title")}</h1>
        <span className="font-mono text-sm text-gray-500">{order.id}</span>
        <Badge tone={order.kind === "GIFT" ? "blue" : "gray"}>{to(`kind.${order.kind}`)}</Badge>
        <OrderStatusBadge status={order.displayStatus} />
        {physical && (order.shipping || order.claims.some((c) => c.shipping)) && (
          <Link href={`/merchant/slips/${order.id}`} className="ml-auto text-sm font-medium text-lanbao-600 hover:underline" data-testid="packing-slip-link">
            {ts("print")}
          </Link>
        )}
      </div>
      {failure && <p className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">{failure}</p>}

      <div className="grid gap-4 lg:grid-cols-3">
        <section className="space-y-2 rounded-xl bg-white p-4 text-sm ring-1 ring-gray-200">
          <h2 className="font-semibold">{t("order.summary")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-gray-500">{t("order.product")}</dt>
            <dd>
              <Link href={`/merchant/shops/${order.shop.id}/products/${order.product.id}`} className="hover:underline">
                {order.product.title}
              </Link>
            </dd>
            <dt className="text-gray-500">{t("order.variant")}</dt>
            <dd>{order.variantName}</dd>
            <dt className="text-gray-500">{t("order.quantity")}</dt>
            <dd>{order.quantity}</dd>
            <dt className="text-gray-500">{t("order.total")}</dt>
            <dd className="font-semibold">{formatMoney(order.totalAmount, order.currency)}</dd>
            <dt className="text-gray-500">{t("order.shop")}</dt>
            <dd>{order.shop.name}</dd>
            <dt className="text-gray-500">{t("order.placed")}</dt>
            <dd>{date(order.createdAt)}</dd>
            {order.paidAt && (
              <>
                <dt className="text-gray-500">{t("order.paid")}</dt>
                <dd>{date(order.paidAt)}</dd>
              </>
            )}
            <dt className="text-gray-500">{order.kind === "GIFT" ? t("order.sender") : t("order.buyer")}</dt>
            <dd>{order.buyerName}</dd>
            {order.gift?.recipientName && (
              <>
                <dt className="text-gray-500">{t("order.recipient")}</dt>
                <dd>{order.gift.recipientName}</dd>
              </>
            )}
            {order.gift && (
              <>
                <dt className="text-gray-500">{t("order.giftMessage")}</dt>
                <dd data-testid="order-gift-message">{order.gift.message || <span className="text-gray-500">{t("order.noGiftMessage")}</span>}</dd>
                <dt className="text-gray-500">{ts("title")}</dt>
                <dd className="text-xs text-gray-600">{order.gift.senderOnSlip ? ts("senderShown") : ts("senderHidden")}</dd>
              </>
            )}
          </dl>
        </section>

        <section className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-gray-200 lg:col-span-2" data-testid="fulfilment">
          <h2 className="text-sm font-semibold">{t("order.fulfilment")}</h2>
          {!physical && <p className="text-sm text-gray-600">{t("order.voucherNote")}</p>}

          {order.kind === "SELF" && (
            <div className="space-y-3">
              {order.shipping ? <Address s={order.shipping} /> : physical && <p className="text-sm text-gray-500">—</p>}
              {shipments(shipmentsOf(null))}
              {physical && order.status === "PAID" && <ShipForm orderId={order.id} carriers={CARRIERS} action={shipAction} />}
              {physical && order.status === "SHIPPED" && <DeliverButton orderId={order.id} action={deliverAction} />}
              {order.vouchers.length > 0 && (
                <ul className="space-y-1 text-sm" data-testid="order-vouchers">
                  {order.vouchers.map((v) => (
                    <li key={v.code}>
                      <span className="font-mono">{v.code}</span> · {tv(`phase.${v.phase}`)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}

          {order.displayStatus === "WAITING" && (
            <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="waiting-recipient">
              {t("order.waitingRecipient")}
              {order.gift && ` ${t("order.giftExpires", { date: date(order.gift.expiresAt) })}`}
            </p>
          )}
          {order.claims.map((c) => (
            <div key={c.id} className="space-y-2 rounded-lg border border-gray-200 p-3" data-testid="claim">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-medium">{t("order.parcelFor", { name: c.recipientName })}</p>
                <Badge tone={c.status === "DELIVERED" ? "green" : c.status === "REFUNDED" ? "red" : "blue"}>{t(`order.claimStatus.${c.status}`)}</Badge>
              </div>
              <p className="text-xs text-gray-500">
                {t("order.chosenVariant")}: {c.variantName} · {t("order.acceptedAt", { date: date(c.acceptedAt) })}
              </p>
              {c.shipping && <Address s={c.shipping} />}
              {c.voucherCode && (
                <p className="text-sm">
                  {t("order.voucherCode")}: <span className="font-mono">{c.voucherCode}</span>
                  {order.vouchers
                    .filter((v) => v.claimId === c.id)
                    .map((v) => (
                      <span key={v.code} className="text-gray-500"> · {tv(`phase.${v.phase}`)}</span>
                    ))}
                </p>
              )}
              {shipments(shipmentsOf(c.id))}
              {physical && !closed && c.status === "ACCEPTED" && <ShipForm orderId={order.id} claimId={c.id} carriers={CARRIERS} action={shipAction} />}
              {physical && !closed && c.status === "SHIPPED" && <DeliverButton orderId={order.id} claimId={c.id} action={deliverAction} />}
            </div>
          ))}
        </section>
      </div>

      {order.afterSales.length > 0 && (
        <section className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-gray-200" data-testid="merchant-after-sales">
          <h2 className="text-sm font-semibold">{ta("title")}</h2>
          {order.afterSales.map((r) => (
            <div key={r.id} className="space-y-2">
              <p className="text-xs text-gray-500">{ta("askedBy", { name: r.requesterName })}</p>
              <AfterSaleRequestList requests={[r]} currency={order.currency} />
              {r.status === "REQUESTED" && r.refundable !== null && (
                <AfterSaleDecisionForms
                  requestId={r.id}
                  refundable={r.refundable}
                  currency={order.currency}
                  approveAction={approveAfterSaleAction}
                  rejectAction={rejectAfterSaleAction}
                />
              )}
            </div>
          ))}
        </section>
      )}

      {order.refunds.length > 0 && (
        <section className="space-y-2 rounded-xl bg-white p-4 text-sm ring-1 ring-gray-200" data-testid="refunds">
          <h2 className="font-semibold">{t("order.refunds")}</h2>
          <ul className="space-y-2">
            {order.refunds.map((r) => (
              <li key={r.id} className="space-y-1" data-testid="refund" data-status={r.status}>
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{formatMoney(r.amount, order.currency)}</span>
                  <span className="text-gray-500">{to.has(`failure.${r.reason}`) ? to(`failure.${r.reason}`) : r.reason}</span>
                  <Badge tone={r.status === "SUCCEEDED" ? "green" : r.status === "FAILED" ? "red" : "amber"}>
                    {t(r.status === "SUCCEEDED" ? "order.refundSucceeded" : r.status === "FAILED" ? "order.refundFailed" : "order.refundPending")}
                  </Badge>
                </p>
                {r.status === "FAILED" && (
                  <>
                    {r.lastError && <p className="text-xs text-red-700">{t("order.refundError", { error: r.lastError })}</p>}
                    <RetryRefundButton refundId={r.id} action={retryRefundAction} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
