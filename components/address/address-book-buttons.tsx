"use client";

import { useTranslations } from "next-intl";
import { useActionForm, type FormAction } from "@/components/merchant/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";

/** Make default / delete, each a one-button form naming the address it acts on. */
export function AddressRowButtons({
  addressId,
  label,
  isDefault,
  setDefaultAction,
  deleteAction,
}: {
  addressId: string;
  /** Who and where, for the buttons' accessible names. */
  label: string;
  isDefault: boolean;
  setDefaultAction: FormAction<null>;
  deleteAction: FormAction<null>;
}) {
  const t = useTranslations("addressBook");
  const setDefault = useActionForm(setDefaultAction);
  const remove = useActionForm(deleteAction);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!isDefault && (
        <form onSubmit={setDefault.onSubmit}>
          <input type="hidden" name="addressId" value={addressId} />
          <Button type="submit" variant="ghost" className="px-2 py-1" disabled={setDefault.pending} aria-label={t("makeDefaultFor", { address: label })}>
            {t("setDefault")}
          </Button>
        </form>
      )}
      <form
        onSubmit={(e) => {
          if (!window.confirm(t("confirmDelete"))) return e.preventDefault();
          remove.onSubmit(e);
        }}
      >
        <input type="hidden" name="addressId" value={addressId} />
        <Button type="submit" variant="ghost" className="px-2 py-1 text-red-700" disabled={remove.pending} aria-label={t("deleteFor", { address: label })} data-testid="delete-address">
          {t("delete")}
        </Button>
      </form>
      <FieldError message={setDefault.formError ?? remove.formError} />
    </div>
  );
}
