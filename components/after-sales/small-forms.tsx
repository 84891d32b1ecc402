"use client";

import { useTranslations } from "next-intl";
import { useActionForm, type FormAction } from "@/components/merchant/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";

/** One button posting one hidden id: confirm receipt, withdraw a request. */
function OneButtonForm({
  name,
  value,
  label,
  pendingLabel,
  action,
  testId,
  variant = "primary",
}: {
  name: string;
  value: string;
  label: string;
  pendingLabel: string;
  action: FormAction<null>;
  testId: string;
  variant?: "primary" | "secondary" | "ghost";
}) {
  const form = useActionForm(action);
  return (
    <form onSubmit={form.onSubmit} className="space-y-1">
      <input type="hidden" name={name} value={value} />
      <Button type="submit" variant={variant} disabled={form.pending} data-testid={testId}>
        {form.pending ? pendingLabel : label}
      </Button>
      <FieldError message={form.formError ?? form.err(name)} />
    </form>
  );
}

/** 确认收货. */
export function ConfirmReceiptButton({ orderId, action }: { orderId: string; action: FormAction<null> }) {
  const t = useTranslations("tracking");
  return <OneButtonForm name="orderId" value={orderId} label={t("confirmReceipt")} pendingLabel={t("confirming")} action={action} testId="confirm-receipt" />;
}

export function WithdrawAfterSaleButton({ requestId, action }: { requestId: string; action: FormAction<null> }) {
  const t = useTranslations("afterSale");
  return (
    <OneButtonForm
      name="requestId"
      value={requestId}
      label={t("withdraw")}
      pendingLabel={t("withdrawing")}
      action={action}
      testId="withdraw-after-sale"
      variant="ghost"
    />
  );
}
