"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formOptional, formText, userFormAction } from "@/lib/actions/safe-action";
import { getOrCreateDirectThread } from "@/lib/chat/threads";
import { db } from "@/lib/db/client";
import { GIFT_MESSAGE_MAX, GROUP_GIFT_MAX_UNITS, startCheckout } from "@/lib/orders/checkout";
import { areFriends } from "@/lib/social/friends";
import { DomainError } from "@/lib/validation/result";

const sendGiftSchema = z.object({
  variantId: z.string().min(1, "gift.chooseVariantError").max(64),
  recipientId: z.string().min(1, "gift.chooseFriendError").max(64),
  threadId: z.string().max(64).optional(),
  message: z.string().trim().max(GIFT_MESSAGE_MAX, "checkout.messageTooLong"),
  senderOnSlip: z.boolean(),
});

/** Pay: creates the order and the Checkout Session (amount from the database), then leaves for Stripe. */
export const sendGiftAction = userFormAction(
  sendGiftSchema,
  (form) => ({
    variantId: formText(form, "variantId"),
    recipientId: formText(form, "recipientId"),
    threadId: formOptional(form, "threadId"),
    message: formText(form, "message"),
    senderOnSlip: form.get("senderOnSlip") === "on",
  }),
  async (input, { user }): Promise<null> => {
    let threadId: string;
    if (input.threadId) {
      threadId = input.threadId;
    } else {
      // From a product page: the gift goes to the direct chat with that friend.
      if (!(await areFriends(db, user.id, input.recipientId))) throw new DomainError("gift.chooseFriendError", "recipientId");
      threadId = (await getOrCreateDirectThread(db, user.id, input.recipientId)).id;
    }
    const { checkoutUrl } = await startCheckout(db, user.id, {
      kind: "GIFT",
      variantId: input.variantId,
      threadId,
      recipientId: input.recipientId,
      message: input.message,
      senderOnSlip: input.senderOnSlip,
    });
    redirect(checkoutUrl);
  },
  { signedOut: "gift.signInFirst", rateLimit: "checkout" },
);

const sendGroupGiftSchema = z.object({
  mode: z.enum(["GROUP", "LOTTERY"], "validation.invalid"),
  variantId: z.string().min(1, "gift.chooseVariantError").max(64),
  threadId: z.string().min(1, "validation.invalid").max(64),
  units: z.coerce.number("validation.invalid").int("validation.invalid").min(1, "checkout.group.unitsTooFew").max(GROUP_GIFT_MAX_UNITS, "checkout.group.unitsTooMany"),
  message: z.string().trim().max(GIFT_MESSAGE_MAX, "checkout.messageTooLong"),
  drawAt: z.string().max(40).optional(),
  eligibleUserIds: z.array(z.string().min(1).max(64)).max(500),
});

/** Pay for a group gift or a gift lottery in a group chat. */
export const sendGroupGiftAction = userFormAction(
  sendGroupGiftSchema,
  (form) => ({
    mode: formText(form, "mode"),
    variantId: formText(form, "variantId"),
    threadId: formText(form, "threadId"),
    units: formText(form, "units"),
    message: formText(form, "message"),
    drawAt: formOptional(form, "drawAt"),
    // "Who may enter": everyone, or the members ticked.
    eligibleUserIds: form.get("entry") === "chosen" ? form.getAll("eligibleUserId").map(String) : [],
  }),
  async (input, { user }): Promise<null> => {
    const { checkoutUrl } = await startCheckout(db, user.id, {
      kind: "GROUP_GIFT",
      mode: input.mode,
      variantId: input.variantId,
      threadId: input.threadId,
      units: input.units,
      message: input.message,
      drawAt: input.mode === "LOTTERY" ? input.drawAt : undefined,
      eligibleUserIds: input.eligibleUserIds,
    });
    redirect(checkoutUrl);
  },
  { signedOut: "gift.signInFirst", rateLimit: "checkout" },
);
