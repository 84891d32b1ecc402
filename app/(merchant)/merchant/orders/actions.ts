"use server";

import { revalidatePath } from "next/cache";
import { formOptional, formText, userFormAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { retryRefundSchema, retryShopRefund } from "@/lib/merchant/orders";
import { deliverSchema, markDelivered, markShipped, shipSchema } from "@/lib/orders/fulfilment";

const opts = { invalid: "merchant.fixErrors" };

function revalidateOrder(orderId: string) {
  revalidatePath("/merchant", "layout");
  revalidatePath(`/orders/${orderId}`);
}

/** Mark shipped: carrier and tracking number; for a gift, the claim (parcel) shipped. */
export const shipAction = userFormAction(
  shipSchema,
  (form) => ({
    orderId: formText(form, "orderId"),
    claimId: formOptional(form, "claimId"),
    carrier: formText(form, "carrier"),
    trackingNumber: formText(form, "trackingNumber"),
  }),
  async (input, { user }) => {
    await markShipped(db, user.id, input);
    revalidateOrder(input.orderId);
    return null;
  },
  opts,
);

export const deliverAction = userFormAction(
  deliverSchema,
  (form) => ({ orderId: formText(form, "orderId"), claimId: formOptional(form, "claimId") }),
  async (input, { user }) => {
    await markDelivered(db, user.id, input);
    revalidateOrder(input.orderId);
    return null;
  },
  opts,
);

/** Try again a refund Stripe kept refusing ("needs attention"). */
export const retryRefundAction = userFormAction(
  retryRefundSchema,
  (form) => ({ refundId: formText(form, "refundId") }),
  async (input, { user }) => {
    const { orderId } = await retryShopRefund(db, user.id, input);
    revalidateOrder(orderId);
    return null;
  },
  opts,
);
