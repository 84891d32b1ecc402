"use server";

import { redirect } from "next/navigation";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { shareProductSchema, shareProductToThread } from "@/lib/chat/share-product";
import { db } from "@/lib/db/client";

/** Posts the product's card into one of the user's chats, then opens that chat. */
export const shareProductAction = userFormAction(
  shareProductSchema,
  (form) => ({ threadId: formText(form, "threadId"), productId: formText(form, "productId") }),
  async (input, { user }): Promise<null> => {
    await shareProductToThread(db, user.id, input);
    redirect(`/chats/${input.threadId}`);
  },
  { signedOut: "chat.share.signInFirst", rateLimit: "message" },
);
