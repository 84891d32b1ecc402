"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { AddressPicker, type SavedAddress } from "@/components/address/address-picker";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { formatMoney } from "@/lib/money/format";
import { acceptGiftAction } from "./actions";

export function AcceptGiftForm({
  token,
  variants,
  paidVariantId,
  needsAddress,
  addresses,
}: {
  token: string;
  variants: { id: string; name: string; price: number }[];
  paidVariantId: string;
  needsAddress: boolean;
  addresses: SavedAddress[];
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(acceptGiftAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok ? state.formError : undefined;
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      {variants.length > 1 && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-gray-700">{t("gift.chooseVariant")}</legend>
          <div className="flex flex-wrap gap-2">
            {variants.map((v) => (
              <label key={v.id} className="cursor-pointer">
                <input type="radio" name="variantId" value={v.id} defaultChecked={v.id === paidVariantId} className="peer sr-only" />
                <span className="inline-block rounded-lg border border-gray-300 px-3 py-1.5 text-sm peer-checked:border-lanbao-500 peer-checked:bg-lanbao-50 peer-checked:text-lanbao-700 peer-focus-visible:ring-2 peer-focus-visible:ring-lanbao-500">
                  {v.name} · {formatMoney(v.price)}
                </span>
              </label>
            ))}
          </div>
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
      <Button type="submit" disabled={pending} className="w-full py-3 text-base" data-testid="accept-gift">
        {pending ? t("gift.accepting") : t("gift.accept")}
      </Button>
    </form>
  );
}
