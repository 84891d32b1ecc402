"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { shippingAddressFromForm } from "@/lib/address/shipping";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { acceptGift } from "@/lib/gifting/accept";
import { getGiftByToken } from "@/lib/gifting/view";
import { fail, failFromError, ok, type ActionResult } from "@/lib/validation/result";

const formSchema = z.object({
  token: z.string().min(20).max(100),
  variantId: z.string().min(1).max(64).optional(),
});

/** The recipient presses Accept gift. Only the gift's recipient gets past getGiftByToken. */
export async function acceptGiftAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "gift.signInFirst");
  const parsed = formSchema.safeParse({ token: formData.get("token"), variantId: formData.get("variantId") ?? undefined });
  if (!parsed.success) return fail({}, "gift.notFound");

  const view = await getGiftByToken(db, user.id, parsed.data.token);
  if (!view || view.role !== "recipient") return fail({}, "gift.notYours");

  let shipping = null;
  if (view.product.kind === "PHYSICAL") {
    const address = await shippingAddressFromForm(db, user.id, formData);
    if (!address.ok) return address;
    shipping = address.address;
  }
  try {
    await acceptGift(db, user.id, { giftId: view.giftId, variantId: parsed.data.variantId, shipping });
  } catch (err) {
    return failFromError(err);
  }
  revalidatePath(`/gifts/${parsed.data.token}`);
  revalidatePath(`/chats/${view.threadId}`);
  return ok(null);
}
