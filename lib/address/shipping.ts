// For server actions that take a shipping address from AddressPicker / AddressForm
// (accepting a gift, buying for oneself): one call reads the choice, checks it belongs to
// the user or validates the new address, and saves it to the book when asked.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError, InputError, fail, fieldErrorsOf } from "@/lib/validation/result";
import { getAddressForUser, saveAddress } from "./book";
import { DEFAULT_ADDRESS_PREFIX, addressFieldName, prefixFieldErrors, readAddressChoice } from "./form-data";
import type { ShippingAddress } from "./format";
import { addressInputSchema } from "./schema";

export { toShipColumns, type ShippingAddress } from "./format";

export type ShippingAddressResult =
  | { ok: true; address: ShippingAddress; /** The address-book row used or saved, if any. */ addressId: string | null }
  | ReturnType<typeof fail>;

function pick(a: ShippingAddress): ShippingAddress {
  return { name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail };
}

/**
 * The address the user chose in the form. Field errors come back under prefixed keys
 * ("address.phone", "address.addressId"), ready for the form's `errors` prop. A full
 * address book does not fail the action: the address is used, just not saved.
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
    return { ok: true, address: pick(row), addressId: row.id };
  }
  const parsed = addressInputSchema.safeParse(choice.fields);
  if (!parsed.success) return fail(prefixFieldErrors(fieldErrorsOf(parsed.error), prefix));
  let addressId: string | null = null;
  if (choice.save) {
    try {
      addressId = (await saveAddress(db, userId, choice.fields)).id;
    } catch (err) {
      if (!(err instanceof DomainError && err.key === "address.limitReached")) throw err;
    }
  }
  return { ok: true, address: pick(parsed.data), addressId };
}

/** shippingAddressFromForm for actions: the address, or an InputError with the field errors. */
export async function requireShippingAddress(db: Db | Prisma.TransactionClient, userId: string, formData: FormData): Promise<ShippingAddress> {
  const result = await shippingAddressFromForm(db, userId, formData);
  if (!result.ok) throw new InputError(result.fieldErrors);
  return result.address;
}
