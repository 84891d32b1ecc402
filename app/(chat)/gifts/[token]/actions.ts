"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireShippingAddress } from "@/lib/address/shipping";
import { formOptional, formText, userFormAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { acceptGift } from "@/lib/gifting/accept";
import { declineGift } from "@/lib/gifting/decline";
import { getGiftByToken } from "@/lib/gifting/view";
import { DomainError } from "@/lib/validation/result";

const acceptFormSchema = z.object({
  token: z.string().min(20, "gift.notFound").max(100, "gift.notFound"),
  variantId: z.string().min(1).max(64).optional(),
});

/** The recipient presses Accept gift. Only the gift's recipient gets past getGiftByToken. */
export const acceptGiftAction = userFormAction(
  acceptFormSchema,
  (form) => ({ token: formText(form, "token"), variantId: formOptional(form, "variantId") }),
  async (input, { user, form }) => {
    const view = await getGiftByToken(db, user.id, input.token);
    if (!view || view.role !== "recipient") throw new DomainError("gift.notFound");
    const shipping = view.product.kind === "PHYSICAL" ? await requireShippingAddress(db, user.id, form) : null;
    await acceptGift(db, user.id, { giftId: view.giftId, variantId: input.variantId, shipping });
    revalidatePath(`/gifts/${input.token}`);
    revalidatePath(`/chats/${view.threadId}`);
    return null;
  },
  { signedOut: "gift.signInFirst" },
);

/** The recipient declines (拒收): the sender is refunded at once. */
export const declineGiftAction = userFormAction(
  z.object({ token: acceptFormSchema.shape.token }),
  (form) => ({ token: formText(form, "token") }),
  async (input, { user }) => {
    const view = await getGiftByToken(db, user.id, input.token);
    if (!view || view.role !== "recipient") throw new DomainError("gift.notFound");
    await declineGift(db, user.id, { giftId: view.giftId });
    revalidatePath(`/gifts/${input.token}`);
    revalidatePath(`/chats/${view.threadId}`);
    return null;
  },
  { signedOut: "gift.signInFirst" },
);
