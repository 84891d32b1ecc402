import { useFormatter, useTranslations } from "next-intl";
import type { FormAction } from "@/components/merchant/use-action-form";
import type { AfterSaleView } from "@/lib/tracking/parcel";
import { formatMoney } from "@/lib/money/format";
import { WithdrawAfterSaleButton } from "./small-forms";
import { AfterSaleStatusBadge } from "./status-badge";

/** The requester's (or the shop's) full view of the requests: reason, photo, outcome. */
export function AfterSaleRequestList({
  requests,
  currency,
  withdrawAction,
}: {
  requests: AfterSaleView[];
  currency: string;
  /** Given to the requester, who may take an undecided request back. */
  withdrawAction?: FormAction<null>;
}) {
  const t = useTranslations("afterSale");
  const format = useFormatter();
  if (requests.length === 0) return null;
  return (
    <ul className="space-y-3" data-testid="after-sale-requests">
      {requests.map((r) => (
        <li key={r.id} className="space-y-1 rounded-lg border border-gray-200 p-3 text-sm" data-testid="after-sale-request">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium">{t(`kind.${r.kind}`)}</p>
            <AfterSaleStatusBadge status={r.status} />
          </div>
          <p className="text-gray-700">{r.reason}</p>
          {r.photoUrl && (
            <a href={r.photoUrl} target="_blank" rel="noopener noreferrer" className="inline-block">
              {/* eslint-disable-next-line @next/next/no-img-element -- a private photo, served with the session */}
              <img src={r.photoUrl} alt={t("photoAlt")} width={96} height={96} className="size-24 rounded-lg object-cover ring-1 ring-gray-200" />
            </a>
          )}
          <p className="text-xs text-gray-500">{t("askedOn", { date: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
          {r.status === "APPROVED" && r.refundAmount !== null && (
            <p className="text-green-800">
              {t("approvedAmount", { amount: formatMoney(r.refundAmount, currency) })}
              {r.refundStatus && ` · ${t(`refundStatus.${r.refundStatus}`)}`}
            </p>
          )}
          {r.status === "REJECTED" && r.rejectReason && <p className="text-red-800">{t("rejectedBecause", { reason: r.rejectReason })}</p>}
          {r.status === "REQUESTED" && withdrawAction && <WithdrawAfterSaleButton requestId={r.id} action={withdrawAction} />}
        </li>
      ))}
    </ul>
  );
}
