"use server";

import { revalidatePath } from "next/cache";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { approveAfterSale, approveAfterSaleSchema, rejectAfterSale, rejectAfterSaleSchema } from "@/lib/after-sales/decide";
import { db } from "@/lib/db/client";
import { yuanToFen } from "@/lib/merchant/product-form";

const opts = { invalid: "merchant.fixErrors" };

function revalidateDecision(orderId: string) {
  revalidatePath("/merchant", "layout");
  revalidatePath(`/orders/${orderId}`);
  revalidatePath("/gifts", "layout");
}

/** Approve with a refund: the amount is typed in yuan ("38", "12.50"). */
export const approveAfterSaleAction = userFormAction(
  approveAfterSaleSchema,
  (form) => ({ requestId: formText(form, "requestId"), amount: yuanToFen(form.get("amount")) as number }),
  async (input, { user }) => {
    const { orderId } = await approveAfterSale(db, user.id, input);
    revalidateDecision(orderId);
    return null;
  },
  opts,
);

export const rejectAfterSaleAction = userFormAction(
  rejectAfterSaleSchema,
  (form) => ({ requestId: formText(form, "requestId"), reason: formText(form, "reason") }),
  async (input, { user }) => {
    const { orderId } = await rejectAfterSale(db, user.id, input);
    revalidateDecision(orderId);
    return null;
  },
  opts,
);
