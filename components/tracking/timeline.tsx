import { useFormatter, useTranslations } from "next-intl";
import type { TimelineEvent } from "@/lib/tracking/parcel";
import { formatMoney } from "@/lib/money/format";

/** A parcel's story, oldest first: one line per step with its time. */
export function Timeline({ events, currency, perspective }: { events: TimelineEvent[]; currency: string; perspective: "recipient" | "sender" | "buyer" }) {
  const t = useTranslations("tracking");
  const to = useTranslations("orders");
  const format = useFormatter();
  if (events.length === 0) return null;
  const describe = (e: TimelineEvent) => {
    switch (e.kind) {
      case "shipped":
        return (
          <>
            {t("event.shipped", { carrier: e.carrier })}{" "}
            <a href={e.trackingUrl} target="_blank" rel="noopener noreferrer" className="font-mono text-lanbao-600 underline" data-testid="tracking-link">
              {e.trackingNumber}
            </a>
          </>
        );
      case "delivered":
        return t(`event.delivered.${e.by ?? "MERCHANT"}`);
      case "voucherIssued":
        return t("event.voucherIssued", { date: format.dateTime(e.expiresAt, { dateStyle: "medium" }) });
      case "refunded": {
        const reason = e.reason && to.has(`failure.${e.reason}`) ? to(`failure.${e.reason}`) : null;
        return (
          <>
            {e.amount !== null ? t("event.refundedAmount", { amount: formatMoney(e.amount, currency) }) : t("event.refunded")}
            {reason && <span className="block text-xs text-gray-500">{reason}</span>}
          </>
        );
      }
      case "afterSaleApproved":
        return e.amount !== null ? t("event.afterSaleApprovedAmount", { amount: formatMoney(e.amount, currency) }) : t("event.afterSaleApproved");
      case "afterSaleRejected":
        return (
          <>
            {t("event.afterSaleRejected")}
            {e.reason && <span className="block text-xs text-gray-500">{t("event.rejectReason", { reason: e.reason })}</span>}
          </>
        );
      case "sent":
      case "paid":
      case "accepted":
      case "declined":
      case "expired":
        return t(`event.${e.kind}.${perspective}`);
      default:
        return t(`event.${e.kind}`);
    }
  };
  return (
    <ol className="relative space-y-4 border-l-2 border-lanbao-100 pl-5" data-testid="timeline" aria-label={t("timeline")}>
      {events.map((e, i) => (
        <li key={i} className="relative text-sm" data-testid="timeline-event" data-kind={e.kind}>
          <span
            aria-hidden
            className={`absolute top-1 -left-[27px] size-3 rounded-full ring-2 ring-white ${i === events.length - 1 ? "bg-lanbao-500" : "bg-lanbao-200"}`}
          />
          <p className="text-gray-900">{describe(e)}</p>
          <p className="text-xs text-gray-500">
            <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
