"use server";

import { revalidatePath } from "next/cache";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { redeemVoucher, redeemVoucherSchema } from "@/lib/vouchers/redeem";

/** Redeem a code at the counter: each code once. */
export const redeemVoucherAction = userFormAction(
  redeemVoucherSchema,
  (form) => ({ code: formText(form, "code") }),
  async (input, { user }) => {
    const r = await redeemVoucher(db, user.id, input);
    revalidatePath("/merchant", "layout");
    revalidatePath("/gifts", "layout");
    return { code: r.code, productTitle: r.productTitle, variantName: r.variantName, holderName: r.holderName };
  },
);
