"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useActionForm, type FormAction } from "@/components/merchant/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { AFTER_SALE_REJECT_REASON_MAX } from "@/lib/after-sales/rules";
import { fenToYuan } from "@/lib/merchant/product-form";
import { formatMoney } from "@/lib/money/format";

/** The shop decides: refund (all that is left, or a part) or reject with a reason. */
export function AfterSaleDecisionForms({
  requestId,
  refundable,
  currency,
  approveAction,
  rejectAction,
}: {
  requestId: string;
  refundable: number;
  currency: string;
  approveAction: FormAction<null>;
  rejectAction: FormAction<null>;
}) {
  const t = useTranslations("afterSale");
  const approve = useActionForm(approveAction);
  const reject = useActionForm(rejectAction);
  const id = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="after-sale-decision">
      <form onSubmit={approve.onSubmit} noValidate className="space-y-2 rounded-lg bg-green-50 p-3">
        <input type="hidden" name="requestId" value={requestId} />
        <Field
          id={`${id}-amount`}
          name="amount"
          label={t("refundAmount")}
          inputMode="decimal"
          defaultValue={fenToYuan(refundable)}
          hint={t("refundAmountHint", { max: formatMoney(refundable, currency) })}
          error={approve.err("amount")}
        />
        <FieldError message={approve.formError} />
        <Button type="submit" disabled={approve.pending || reject.pending} data-testid="approve-after-sale">
          {approve.pending ? t("approving") : t("approve")}
        </Button>
      </form>
      <form onSubmit={reject.onSubmit} noValidate className="space-y-2 rounded-lg bg-red-50 p-3">
        <input type="hidden" name="requestId" value={requestId} />
        <Field id={`${id}-reason`} label={t("rejectReason")} error={reject.err("reason")}>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={2}
            maxLength={AFTER_SALE_REJECT_REASON_MAX}
            aria-invalid={reject.err("reason") ? true : undefined}
            className={inputClass}
          />
        </Field>
        <FieldError message={reject.formError} />
        <Button type="submit" variant="danger" disabled={approve.pending || reject.pending} data-testid="reject-after-sale">
          {reject.pending ? t("rejecting") : t("reject")}
        </Button>
      </form>
    </div>
  );
}
