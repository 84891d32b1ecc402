"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { acceptGift } from "@/lib/gifting/accept";
import { declineGift } from "@/lib/gifting/decline";
import { acceptLotteryWin, enterLottery } from "@/lib/gifting/lottery";
import { claimByPassphraseSchema, claimGiftByPassphrase } from "@/lib/gifting/passphrase";
import { requestAddress } from "@/lib/rate-limit/request";
import { acceptFormSchema, fromForm, giftFormOptions, giftOf, tokenOnly, withShipping } from "./gift-form";

function refresh(t: string, threadId: string | null) {
  revalidatePath(`/gifts/${t}`);
  if (threadId) revalidatePath(`/chats/${threadId}`);
}

/** The recipient of a single gift presses Accept gift. */
export const acceptGiftAction = userFormAction(
  acceptFormSchema,
  fromForm,
  async (input, ctx) => {
    const gift = await giftOf(input.token, ["SINGLE"]);
    await withShipping(gift, { userId: ctx.user.id, form: ctx.form }, (shipping) => acceptGift(db, ctx.user.id, { giftId: gift.id, variantId: input.variantId, shipping }));
    refresh(input.token, gift.threadId);
    return null;
  },
  giftFormOptions,
);

/** The recipient declines (拒收): the sender is refunded at once. */
export const declineGiftAction = userFormAction(
  tokenOnly,
  (form) => ({ token: formText(form, "token") }),
  async (input, { user }) => {
    const gift = await giftOf(input.token, ["SINGLE"]);
    await declineGift(db, user.id, { giftId: gift.id });
    refresh(input.token, gift.threadId);
    return null;
  },
  giftFormOptions,
);

/** A member enters a gift lottery. */
export const enterLotteryAction = userFormAction(
  tokenOnly,
  (form) => ({ token: formText(form, "token") }),
  async (input, { user }) => {
    const gift = await giftOf(input.token, ["LOTTERY"]);
    const entered = await enterLottery(db, user.id, { giftId: gift.id });
    refresh(input.token, gift.threadId);
    return entered;
  },
  giftFormOptions,
);

/** A lottery winner accepts their unit with an address. */
export const acceptWinAction = userFormAction(
  acceptFormSchema,
  fromForm,
  async (input, ctx) => {
    const gift = await giftOf(input.token, ["LOTTERY"]);
    await withShipping(gift, { userId: ctx.user.id, form: ctx.form }, (shipping) => acceptLotteryWin(db, ctx.user.id, { giftId: gift.id, variantId: input.variantId, shipping }));
    refresh(input.token, gift.threadId);
    return null;
  },
  giftFormOptions,
);

/**
 * Someone with a passphrase gift's link enters its passphrase; the right one makes them the
 * recipient, and the page then shows the gift to accept. Guesses are limited per link, per
 * user and per client address (lib/gifting/passphrase.ts).
 */
export const claimByPassphraseAction = userFormAction(
  claimByPassphraseSchema,
  (form) => ({ token: formText(form, "token"), passphrase: formText(form, "passphrase") }),
  async (input, { user }) => {
    await claimGiftByPassphrase(db, user.id, input, { address: await requestAddress() });
    revalidatePath(`/gifts/${input.token}`);
    redirect(`/gifts/${input.token}`);
  },
  giftFormOptions,
);
