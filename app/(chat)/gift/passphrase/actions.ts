"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { GIFT_MESSAGE_MAX, startCheckout } from "@/lib/orders/checkout";

const sendPassphraseGiftSchema = z.object({
  variantId: z.string().min(1, "gift.chooseVariantError").max(64),
  message: z.string().trim().max(GIFT_MESSAGE_MAX, "checkout.messageTooLong"),
});

/** Pay for a passphrase gift: the order and Checkout Session, then off to Stripe. */
export const sendPassphraseGiftAction = userFormAction(
  sendPassphraseGiftSchema,
  (form) => ({ variantId: formText(form, "variantId"), message: formText(form, "message") }),
  async (input, { user }): Promise<null> => {
    const { checkoutUrl } = await startCheckout(db, user.id, { kind: "PASSPHRASE_GIFT", variantId: input.variantId, message: input.message });
    redirect(checkoutUrl);
  },
  { signedOut: "gift.signInFirst", rateLimit: "checkout" },
);
