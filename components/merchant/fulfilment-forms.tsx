"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { useActionForm, type FormAction } from "./use-action-form";

/** Mark shipped: carrier and tracking number. */
export function ShipForm({
  orderId,
  claimId,
  carriers,
  action,
}: {
  orderId: string;
  claimId?: string;
  carriers: readonly string[];
  action: FormAction<null>;
}) {
  const t = useTranslations("merchant");
  const form = useActionForm(action);
  const prefix = claimId ?? orderId;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3 rounded-lg bg-gray-50 p-3" data-testid="ship-form">
      <input type="hidden" name="orderId" value={orderId} />
      {claimId && <input type="hidden" name="claimId" value={claimId} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${prefix}-carrier`} name="carrier" label={t("order.carrier")} list={`${prefix}-carriers`} maxLength={40} error={form.err("carrier")} />
        <datalist id={`${prefix}-carriers`}>
          {carriers.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Field
          id={`${prefix}-tracking`}
          name="trackingNumber"
          label={t("order.trackingNumber")}
          maxLength={40}
          autoCapitalize="characters"
          error={form.err("trackingNumber")}
        />
      </div>
      <FieldError message={form.formError ?? form.err("claimId")} />
      <Button type="submit" disabled={form.pending} data-testid="mark-shipped">
        {t("order.markShipped")}
      </Button>
    </form>
  );
}

/** Mark delivered. */
export function DeliverButton({ orderId, claimId, action }: { orderId: string; claimId?: string; action: FormAction<null> }) {
  const t = useTranslations("merchant");
  const form = useActionForm(action);
  return (
    <form onSubmit={form.onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      {claimId && <input type="hidden" name="claimId" value={claimId} />}
      <Button type="submit" variant="secondary" disabled={form.pending} data-testid="mark-delivered">
        {t("order.markDelivered")}
      </Button>
      <FieldError message={form.formError} />
    </form>
  );
}

/** A refund Stripe kept refusing: try it again (after fixing what Stripe said). */
export function RetryRefundButton({ refundId, action }: { refundId: string; action: FormAction<null> }) {
  const t = useTranslations("merchant");
  const form = useActionForm(action);
  return (
    <form onSubmit={form.onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="refundId" value={refundId} />
      <Button type="submit" variant="secondary" disabled={form.pending} data-testid="retry-refund">
        {form.pending ? t("order.retrying") : t("order.retryRefund")}
      </Button>
      <FieldError message={form.formError} />
    </form>
  );
}
