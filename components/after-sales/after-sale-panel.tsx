import { useFormatter, useTranslations } from "next-intl";
import type { FormAction } from "@/components/merchant/use-action-form";
import type { AfterSalePanel as Panel } from "@/lib/tracking/gifts";
import { AfterSaleRequestForm } from "./request-form";
import { AfterSaleRequestList } from "./request-list";

/** 售后 on the recipient's side: whether they can ask now and until when, the form, their requests. */
export function AfterSalePanel({
  panel,
  orderId,
  requestAction,
  withdrawAction,
}: {
  panel: Panel;
  orderId: string;
  requestAction: FormAction<{ requestId: string }>;
  withdrawAction: FormAction<null>;
}) {
  const t = useTranslations("afterSale");
  const format = useFormatter();
  const until = panel.until ? format.dateTime(panel.until, { dateStyle: "medium", timeStyle: "short" }) : null;
  // Nothing to say about a parcel that has not arrived and has no history.
  if (!panel.eligible && panel.block === "notDelivered" && panel.requests.length === 0) return null;
  return (
    <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200" data-testid="after-sale-panel" aria-labelledby="after-sale-title">
      <h2 id="after-sale-title" className="font-semibold">
        {t("title")}
      </h2>
      <AfterSaleRequestList requests={panel.requests} currency={panel.currency} withdrawAction={withdrawAction} />
      {panel.eligible ? (
        <>
          {until && <p className="text-xs text-gray-500">{t("windowUntil", { date: until })}</p>}
          <AfterSaleRequestForm orderId={orderId} action={requestAction} />
        </>
      ) : (
        panel.block !== "alreadyOpen" && (
          <p className="text-sm text-gray-600" data-testid="after-sale-closed">
            {t(`closed.${panel.block ?? "notDelivered"}`, { date: until ?? "" })}
          </p>
        )
      )}
    </section>
  );
}
