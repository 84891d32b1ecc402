"use client";

import { useTranslations } from "next-intl";
import { useActionForm, type FormAction } from "@/components/merchant/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import type { RegionOptions } from "@/lib/address/regions";
import { AddressForm, type AddressFormValue } from "./address-form";

/** Add or edit one address of the book, optionally making it the default. */
export function AddressBookForm({
  action,
  addressId,
  defaultValue,
  initialOptions,
  isDefault,
}: {
  action: FormAction<null>;
  addressId?: string;
  defaultValue?: Partial<AddressFormValue>;
  initialOptions?: Partial<RegionOptions>;
  isDefault?: boolean;
}) {
  const t = useTranslations("addressBook");
  const form = useActionForm(action);
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-5" data-testid="address-book-form">
      {addressId && <input type="hidden" name="addressId" value={addressId} />}
      <AddressForm namePrefix="" errors={form.fieldErrors} defaultValue={defaultValue} initialOptions={initialOptions} showSaveOption={false} />
      {!isDefault && (
        <label className="flex items-center gap-2 text-sm text-gray-700">
          <input type="checkbox" name="makeDefault" className="size-4 rounded border-gray-300 accent-lanbao-500" />
          {t("makeDefault")}
        </label>
      )}
      <FieldError message={form.formError ?? form.err("addressId")} />
      <Button type="submit" disabled={form.pending} className="w-full sm:w-auto" data-testid="save-address">
        {form.pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
