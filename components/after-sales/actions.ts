"use server";

// What a parcel's recipient does after accepting it, from the gifts page and from their
// own order page: confirm receipt, ask for a refund or a return, take the request back.
import { revalidatePath } from "next/cache";
import { formOptional, formText, userFormAction } from "@/lib/actions/safe-action";
import { afterSaleRequestSchema, requestAfterSale, withdrawAfterSale, withdrawAfterSaleSchema } from "@/lib/after-sales/request";
import { db } from "@/lib/db/client";
import { confirmReceipt, confirmReceiptSchema } from "@/lib/tracking/receipt";

const opts = { invalid: "afterSale.fixErrors" };

function revalidateParcel(orderId: string) {
  revalidatePath("/gifts", "layout");
  revalidatePath(`/orders/${orderId}`);
  revalidatePath("/merchant", "layout");
}

/** 确认收货: the parcel arrived. */
export const confirmReceiptAction = userFormAction(
  confirmReceiptSchema,
  (form) => ({ orderId: formText(form, "orderId") }),
  async (input, { user }) => {
    await confirmReceipt(db, user.id, input);
    revalidateParcel(input.orderId);
    return null;
  },
);

/** 售后: ask the shop for a refund or a return, with a reason and an optional photo. */
export const requestAfterSaleAction = userFormAction(
  afterSaleRequestSchema,
  (form) => ({
    orderId: formText(form, "orderId"),
    kind: formText(form, "kind") as "REFUND_ONLY",
    reason: formText(form, "reason"),
    photoKey: formOptional(form, "photoKey"),
  }),
  async (input, { user }) => {
    const { requestId } = await requestAfterSale(db, user.id, input);
    revalidateParcel(input.orderId);
    return { requestId };
  },
  opts,
);

export const withdrawAfterSaleAction = userFormAction(
  withdrawAfterSaleSchema,
  (form) => ({ requestId: formText(form, "requestId") }),
  async (input, { user }) => {
    const { orderId } = await withdrawAfterSale(db, user.id, input);
    revalidateParcel(orderId);
    return null;
  },
);
