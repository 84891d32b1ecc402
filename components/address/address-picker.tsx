"use client";

// Choose where a parcel goes: one of the user's saved addresses (masked phone) or a new
// one typed into AddressForm. Embed inside a parent's <form>. Posts
// `<prefix>.addressId` = the saved address's id, or "new" together with the AddressForm
// fields. shippingAddressFromForm (lib/address/shipping.ts) reads either.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/ui/field";
import { ADDRESS_FIELDS, DEFAULT_ADDRESS_PREFIX, NEW_ADDRESS, addressFieldName } from "@/lib/address/form-data";
import { formatRegion, maskPhone } from "@/lib/address/format";
import { cn } from "@/components/ui/cn";
import type { ShippingAddress } from "@/lib/address/format";
import { AddressForm, type AddressFormProps } from "./address-form";
import { useKeepValuesOnFormReset } from "./keep-on-reset";

/** An address from the user's book, as the picker lists it. */
export type SavedAddress = ShippingAddress & { id: string; isDefault: boolean };

export type AddressPickerProps = {
  /** The user's address book (listAddresses), default first. */
  addresses: SavedAddress[];
  namePrefix?: string;
  /** Field errors (i18n keys): "address.addressId" for the choice, the AddressForm keys for a new address. */
  errors?: Record<string, string[]>;
  /** Which saved address starts selected; the default address otherwise. */
  defaultAddressId?: string;
  /** Passed to the embedded AddressForm. */
  newAddress?: Omit<AddressFormProps, "namePrefix" | "errors">;
};

export function AddressPicker({
  addresses,
  namePrefix = DEFAULT_ADDRESS_PREFIX,
  errors = {},
  defaultAddressId,
  newAddress,
}: AddressPickerProps) {
  const t = useTranslations();
  const rootRef = useKeepValuesOnFormReset<HTMLDivElement>();
  const choiceName = addressFieldName("addressId", namePrefix);
  const base = (namePrefix || DEFAULT_ADDRESS_PREFIX).replace(/[^A-Za-z0-9_-]+/g, "-");
  // Errors on the new address's fields mean the user was typing one: reopen it.
  const newAddressHasErrors = ADDRESS_FIELDS.some((f) => errors[addressFieldName(f, namePrefix)]);
  const [choice, setChoice] = useState<string>(() => {
    if (newAddressHasErrors || addresses.length === 0) return NEW_ADDRESS;
    if (defaultAddressId && addresses.some((a) => a.id === defaultAddressId)) return defaultAddressId;
    return (addresses.find((a) => a.isDefault) ?? addresses[0]).id;
  });
  // The new-address form mounts (and loads provinces) only once it is first wanted.
  const [newOpened, setNewOpened] = useState(choice === NEW_ADDRESS);
  const choiceError = (errors[choiceName] ?? errors.addressId)?.[0];

  const form = <AddressForm namePrefix={namePrefix} errors={errors} {...newAddress} />;
  if (addresses.length === 0) {
    return (
      <div ref={rootRef} className="space-y-4">
        <input type="hidden" name={choiceName} value={NEW_ADDRESS} />
        {form}
      </div>
    );
  }

  return (
    <div ref={rootRef} className="space-y-4">
      <fieldset className="space-y-2" aria-describedby={choiceError ? `${base}-addressId-error` : undefined}>
        <legend className="mb-2 text-sm font-medium text-gray-700">{t("address.shipTo")}</legend>
        {addresses.map((a) => {
          const rid = `${base}-choice-${a.id}`;
          return (
            <label
              key={a.id}
              htmlFor={rid}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg border bg-white p-3",
                choice === a.id ? "border-lanbao-500 ring-2 ring-lanbao-500/30" : "border-gray-200",
              )}
            >
              <input
                id={rid}
                type="radio"
                name={choiceName}
                value={a.id}
                checked={choice === a.id}
                onChange={() => setChoice(a.id)}
                className="mt-1 size-4 accent-lanbao-500"
              />
              <span className="min-w-0 flex-1 text-sm">
                <span className="flex flex-wrap items-center gap-2 font-medium text-gray-900">
                  {a.name}
                  <span className="font-normal text-gray-600">{maskPhone(a.phone)}</span>
                  {a.isDefault && (
                    <span className="rounded bg-lanbao-50 px-1.5 py-0.5 text-xs font-medium text-lanbao-700">{t("address.default")}</span>
                  )}
                </span>
                <span className="mt-0.5 block break-words text-gray-600">
                  {formatRegion(a)} {a.detail}
                </span>
              </span>
            </label>
          );
        })}
        <label
          htmlFor={`${base}-choice-new`}
          className={cn(
            "flex cursor-pointer items-center gap-3 rounded-lg border bg-white p-3 text-sm font-medium",
            choice === NEW_ADDRESS ? "border-lanbao-500 ring-2 ring-lanbao-500/30" : "border-gray-200",
          )}
        >
          <input
            id={`${base}-choice-new`}
            type="radio"
            name={choiceName}
            value={NEW_ADDRESS}
            checked={choice === NEW_ADDRESS}
            onChange={() => {
              setChoice(NEW_ADDRESS);
              setNewOpened(true);
            }}
            className="size-4 accent-lanbao-500"
          />
          {t("address.useNew")}
        </label>
        <FieldError id={`${base}-addressId-error`} message={choiceError && (t.has(choiceError) ? t(choiceError) : choiceError)} />
      </fieldset>
      {/* Kept mounted once opened so typing survives switching back and forth; a disabled fieldset posts nothing. */}
      {newOpened && (
        <fieldset disabled={choice !== NEW_ADDRESS} hidden={choice !== NEW_ADDRESS} className="min-w-0">
          {form}
        </fieldset>
      )}
    </div>
  );
}
