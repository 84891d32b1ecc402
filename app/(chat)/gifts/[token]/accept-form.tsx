"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { AddressPicker, type SavedAddress } from "@/components/address/address-picker";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { VariantRadios } from "@/components/gift/variant-radios";
import { useRouteAction } from "@/components/ui/use-route-action";
import type { ActionResult } from "@/lib/validation/result";

type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Taking a gift with an address (or none, for a voucher), with the variant switch: accepting
 * a gift or a lottery win (a server action), or taking a unit of a group gift (posted to its
 * route, `route`) — `submit` says which.
 */
export function AcceptGiftForm<T>({
  submit,
  submitLabel,
  token,
  variants,
  paidVariantId,
  needsAddress,
  addresses,
}: {
  submit: { action: FormAction<T> } | { route: string };
  submitLabel: string;
  token: string;
  variants: { id: string; name: string; price: number }[];
  paidVariantId: string;
  needsAddress: boolean;
  addresses: SavedAddress[];
}) {
  const t = useTranslations();
  const routeAction = useRouteAction<T>("route" in submit ? submit.route : "");
  const [state, action, pending] = useActionState("action" in submit ? submit.action : routeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok ? state.formError : undefined;
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      {variants.length > 1 && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-gray-700">{t("gift.chooseVariant")}</legend>
          <VariantRadios variants={variants} defaultValue={paidVariantId} showPrice />
          <FieldError message={errors.variantId && t(errors.variantId[0])} />
        </fieldset>
      )}
      {needsAddress ? (
        <section className="space-y-2">
          <h2 className="text-sm font-medium text-gray-700">{t("gift.shipTo")}</h2>
          <AddressPicker addresses={addresses} errors={errors} />
          <FieldError message={errors.address && t(errors.address[0])} />
        </section>
      ) : (
        <p className="rounded-lg bg-lanbao-50 p-3 text-sm text-lanbao-700">{t("gift.voucherNoAddress")}</p>
      )}
      <FieldError message={formError && t(formError)} />
      <Button type="submit" disabled={pending || state?.ok} className="w-full py-3 text-base" data-testid="accept-gift">
        {pending ? t("gift.accepting") : submitLabel}
      </Button>
    </form>
  );
}
