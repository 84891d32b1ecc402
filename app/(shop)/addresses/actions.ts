"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formOptional, userFormAction } from "@/lib/actions/safe-action";
import { deleteAddress, saveAddress, setDefaultAddress } from "@/lib/address/book";
import { parseAddressFormData } from "@/lib/address/form-data";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/validation/result";

const id = z.string().trim().min(1).max(64);
const opts = { invalid: "addressBook.fixErrors" };

/** Add an address, or edit one (addressId). The address fields are validated by the book (addressInputSchema). */
export const saveAddressAction = userFormAction(
  z.object({ addressId: id.optional(), makeDefault: z.boolean(), address: z.record(z.string(), z.string().optional()) }),
  (form) => ({ addressId: formOptional(form, "addressId"), makeDefault: form.get("makeDefault") === "on", address: parseAddressFormData(form, "") }),
  async (input, { user }): Promise<null> => {
    await saveAddress(db, user.id, input.address, { addressId: input.addressId, makeDefault: input.makeDefault });
    revalidatePath("/addresses");
    redirect("/addresses");
  },
  opts,
);

export const deleteAddressAction = userFormAction(
  z.object({ addressId: id }),
  (form) => ({ addressId: formOptional(form, "addressId") }),
  async (input, { user }) => {
    if (!(await deleteAddress(db, user.id, input.addressId))) throw new DomainError("address.notFound");
    revalidatePath("/addresses");
    return null;
  },
);

export const setDefaultAddressAction = userFormAction(
  z.object({ addressId: id }),
  (form) => ({ addressId: formOptional(form, "addressId") }),
  async (input, { user }) => {
    if (!(await setDefaultAddress(db, user.id, input.addressId))) throw new DomainError("address.notFound");
    revalidatePath("/addresses");
    return null;
  },
);
