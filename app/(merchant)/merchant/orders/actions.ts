"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { actionFailure } from "@/lib/merchant/results";
import { markDelivered, markShipped } from "@/lib/orders/fulfilment";
import { fail, ok, type ActionResult } from "@/lib/validation/result";

const optional = (v: FormDataEntryValue | null) => (typeof v === "string" && v ? v : undefined);

/** Mark shipped: carrier and tracking number; for a gift, the claim (parcel) shipped. */
export async function shipAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "merchant.errors.signedOut");
  const orderId = String(form.get("orderId") ?? "");
  try {
    await markShipped(db, user.id, {
      orderId,
      claimId: optional(form.get("claimId")),
      carrier: String(form.get("carrier") ?? ""),
      trackingNumber: String(form.get("trackingNumber") ?? ""),
    });
  } catch (err) {
    return actionFailure(err);
  }
  revalidatePath("/merchant", "layout");
  revalidatePath(`/orders/${orderId}`);
  return ok(null);
}

export async function deliverAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "merchant.errors.signedOut");
  const orderId = String(form.get("orderId") ?? "");
  try {
    await markDelivered(db, user.id, { orderId, claimId: optional(form.get("claimId")) });
  } catch (err) {
    return actionFailure(err);
  }
  revalidatePath("/merchant", "layout");
  revalidatePath(`/orders/${orderId}`);
  return ok(null);
}
