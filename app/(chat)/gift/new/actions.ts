"use server";

import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getOrCreateDirectThread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { GIFT_MESSAGE_MAX, startCheckout } from "@/lib/orders/checkout";
import { areFriends } from "@/lib/social/friends";
import { fail, failFromError, fieldErrorsOf, type ActionResult } from "@/lib/validation/result";

const sendGiftSchema = z.object({
  variantId: z.string().min(1, "gift.chooseVariantError").max(64),
  recipientId: z.string().min(1, "gift.chooseFriendError").max(64),
  threadId: z.string().max(64).optional(),
  message: z.string().trim().max(GIFT_MESSAGE_MAX, "checkout.messageTooLong"),
});

/** Pay: creates the order and the Checkout Session (amount from the database), then leaves for Stripe. */
export async function sendGiftAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "gift.signInFirst");
  const parsed = sendGiftSchema.safeParse({
    variantId: formData.get("variantId") ?? "",
    recipientId: formData.get("recipientId") ?? "",
    threadId: formData.get("threadId") || undefined,
    message: formData.get("message") ?? "",
  });
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
  const input = parsed.data;

  let checkoutUrl: string;
  try {
    let threadId: string;
    if (input.threadId) {
      threadId = input.threadId;
    } else {
      // From a product page: the gift goes to the direct chat with that friend.
      if (!(await areFriends(db, user.id, input.recipientId))) return fail({ recipientId: ["gift.chooseFriendError"] });
      threadId = (await getOrCreateDirectThread(db, user.id, input.recipientId)).id;
    }
    ({ checkoutUrl } = await startCheckout(db, user.id, { kind: "GIFT", variantId: input.variantId, threadId, recipientId: input.recipientId, message: input.message }));
  } catch (err) {
    if (err instanceof ZodError) return fail(fieldErrorsOf(err));
    return failFromError(err);
  }
  redirect(checkoutUrl);
}
