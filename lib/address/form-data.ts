// Reading the address fields a form posted (components/address/address-form.tsx and
// address-picker.tsx). Pure: no region data, no database, safe anywhere.

export const ADDRESS_FIELDS = ["name", "phone", "provinceCode", "cityCode", "districtCode", "detail"] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The raw, unvalidated fields, shaped for `addressInputSchema`. Missing fields are undefined. */
export type RawAddressFields = Record<AddressField, string | undefined>;

export const DEFAULT_ADDRESS_PREFIX = "address";
/** The value of the picker's radio that means "use the new address typed below". */
export const NEW_ADDRESS = "new";

/** The `name` attribute of a field: "address.phone" by default, "phone" for an empty prefix. */
export function addressFieldName(field: string, prefix: string = DEFAULT_ADDRESS_PREFIX): string {
  return prefix ? `${prefix}.${field}` : field;
}

function text(formData: FormData, name: string): string | undefined {
  const v = formData.get(name);
  return typeof v === "string" ? v : undefined;
}

/** Pulls the six address fields out of a FormData, for `addressInputSchema.safeParse(...)`. */
export function parseAddressFormData(formData: FormData, prefix: string = DEFAULT_ADDRESS_PREFIX): RawAddressFields {
  const out = {} as RawAddressFields;
  for (const f of ADDRESS_FIELDS) out[f] = text(formData, addressFieldName(f, prefix));
  return out;
}

/** Whether the "Save to my address book" box was ticked. */
export function wantsToSaveAddress(formData: FormData, prefix: string = DEFAULT_ADDRESS_PREFIX): boolean {
  const v = text(formData, addressFieldName("save", prefix));
  return v === "on" || v === "true" || v === "1";
}

/**
 * What the address picker submitted: a saved address's id, or a new address. A form that
 * only shows AddressForm (no picker) posts no addressId, which counts as a new address.
 */
export function readAddressChoice(
  formData: FormData,
  prefix: string = DEFAULT_ADDRESS_PREFIX,
): { kind: "saved"; addressId: string } | { kind: "new"; fields: RawAddressFields; save: boolean } {
  const id = text(formData, addressFieldName("addressId", prefix))?.trim();
  if (id && id !== NEW_ADDRESS) return { kind: "saved", addressId: id };
  return { kind: "new", fields: parseAddressFormData(formData, prefix), save: wantsToSaveAddress(formData, prefix) };
}

/** Puts a prefix on field-error keys ("phone" → "address.phone") so they can sit beside a parent form's own. */
export function prefixFieldErrors(errors: Record<string, string[]>, prefix: string = DEFAULT_ADDRESS_PREFIX): Record<string, string[]> {
  if (!prefix) return errors;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "_form" ? k : `${prefix}.${k}`, v]));
}
