"use client";

import { useTranslations } from "next-intl";
import { useActionForm, type FormAction } from "./use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";

type Redeemed = { code: string; productTitle: string; variantName: string; holderName: string };

/** "Redeem a code": type it, see at once whether it went through and for what. */
export function RedeemVoucherForm({ action }: { action: FormAction<Redeemed> }) {
  const t = useTranslations("vouchers");
  const form = useActionForm(action);
  const done = form.state?.ok ? form.state.data : null;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-gray-200" data-testid="redeem-form">
      <Field
        id="voucher-code"
        name="code"
        label={t("codeLabel")}
        placeholder="ABCD-EFGH-JKMN"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        hint={t("codeHint")}
        error={form.err("code")}
      />
      <FieldError message={form.formError} />
      <Button type="submit" disabled={form.pending} data-testid="redeem-submit">
        {form.pending ? t("redeeming") : t("redeem")}
      </Button>
      {done && (
        <p role="status" className="rounded-lg bg-green-50 p-3 text-sm text-green-800" data-testid="redeem-success">
          {t("redeemed", { code: done.code, product: `${done.productTitle} · ${done.variantName}`, name: done.holderName })}
        </p>
      )}
    </form>
  );
}
