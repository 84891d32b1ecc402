// For server actions that take a shipping address from AddressPicker / AddressForm
// (accepting a gift, buying for oneself): one call reads the choice and checks it belongs to
// the user or validates the new address; a new address the user asked to keep is saved to
// the book only once the action has succeeded, so a refused action leaves the book as it was.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError, InputError, fail, fieldErrorsOf } from "@/lib/validation/result";
import { getAddressForUser, saveAddress } from "./book";
import type { RawAddressFields } from "./form-data";
import { DEFAULT_ADDRESS_PREFIX, addressFieldName, prefixFieldErrors, readAddressChoice } from "./form-data";
import type { ShippingAddress } from "./format";
import { addressInputSchema } from "./schema";

export { toShipColumns, type ShippingAddress } from "./format";

export type ShippingAddressResult =
  | {
      ok: true;
      address: ShippingAddress;
      /** The address-book row chosen, if a saved one was. */
      addressId: string | null;
      /** A new address the user asked to keep in the book (saveChosenAddress). */
      toSave: RawAddressFields | null;
    }
  | ReturnType<typeof fail>;

function pick(a: ShippingAddress): ShippingAddress {
  return { name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail };
}

/**
 * The address the user chose in the form. Field errors come back under prefixed keys
 * ("address.phone", "address.addressId"), ready for the form's `errors` prop. Nothing is
 * written here.
 */
export async function shippingAddressFromForm(
  db: Db | Prisma.TransactionClient,
  userId: string,
  formData: FormData,
  prefix: string = DEFAULT_ADDRESS_PREFIX,
): Promise<ShippingAddressResult> {
  const choice = readAddressChoice(formData, prefix);
  if (choice.kind === "saved") {
    const row = await getAddressForUser(db, userId, choice.addressId);
    if (!row) return fail({ [addressFieldName("addressId", prefix)]: ["address.notFound"] });
    return { ok: true, address: pick(row), addressId: row.id, toSave: null };
  }
  const parsed = addressInputSchema.safeParse(choice.fields);
  if (!parsed.success) return fail(prefixFieldErrors(fieldErrorsOf(parsed.error), prefix));
  return { ok: true, address: pick(parsed.data), addressId: null, toSave: choice.save ? choice.fields : null };
}

/**
 * Keeps the new address in the book when the user asked to, once what it was for has
 * succeeded; its id, or null when there was nothing to keep. A full book does not fail the
 * action: the address was used, just not kept.
 */
export async function saveChosenAddress(db: Db | Prisma.TransactionClient, userId: string, chosen: ShippingAddressResult): Promise<string | null> {
  if (!chosen.ok || !chosen.toSave) return null;
  try {
    return (await saveAddress(db, userId, chosen.toSave)).id;
  } catch (err) {
    if (err instanceof DomainError && err.key === "address.limitReached") return null;
    throw err;
  }
}

export type ShippingChoice = {
  address: ShippingAddress;
  /** Saves a new address to the book if the user asked; call after the action succeeded. */
  remember: () => Promise<void>;
};

/** shippingAddressFromForm for actions: the address and how to keep it, or an InputError with the field errors. */
export async function requireShippingAddress(db: Db, userId: string, formData: FormData): Promise<ShippingChoice> {
  const result = await shippingAddressFromForm(db, userId, formData);
  if (!result.ok) throw new InputError(result.fieldErrors);
  return {
    address: result.address,
    remember: async () => {
      await saveChosenAddress(db, userId, result);
    },
  };
}
