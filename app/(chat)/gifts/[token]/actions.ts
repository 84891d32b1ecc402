"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireShippingAddress, type ShippingAddress } from "@/lib/address/shipping";
import { formOptional, formText, userFormAction, type ActionContext } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import type { GiftMode } from "@/lib/db/generated/enums";
import { acceptGift } from "@/lib/gifting/accept";
import { declineGift } from "@/lib/gifting/decline";
import { takeGroupUnit } from "@/lib/gifting/group";
import { acceptLotteryWin, enterLottery } from "@/lib/gifting/lottery";
import { claimByPassphraseSchema, claimGiftByPassphrase } from "@/lib/gifting/passphrase";
import { findGiftByToken } from "@/lib/gifting/token";
import { requestAddress } from "@/lib/rate-limit/request";
import { DomainError } from "@/lib/validation/result";

// The link's token finds the gift; each service checks that the acting user may do what
// they ask (the recipient, a member of the group, a winner), and answers anyone else as
// for a missing gift.
const token = z.string().min(20, "gift.notFound").max(100, "gift.notFound");
const acceptFormSchema = z.object({ token, variantId: z.string().min(1).max(64).optional() });
const tokenOnly = z.object({ token });
const fromForm = (form: FormData) => ({ token: formText(form, "token"), variantId: formOptional(form, "variantId") });
const opts = { signedOut: "gift.signInFirst" };

async function giftOf(t: string, modes: GiftMode[]) {
  const gift = await findGiftByToken(db, t);
  if (!gift || !modes.includes(gift.mode)) throw new DomainError("gift.notFound");
  return gift;
}

/**
 * The address from the form when the gift is a parcel (vouchers need none), handed to
 * `take`; a new address the member asked to keep goes into their book once it succeeded.
 */
async function withShipping<T>(
  gift: NonNullable<Awaited<ReturnType<typeof findGiftByToken>>>,
  ctx: ActionContext & { form: FormData },
  take: (shipping: ShippingAddress | null) => Promise<T>,
): Promise<T> {
  const chosen = gift.order.product.kind === "PHYSICAL" ? await requireShippingAddress(db, ctx.user.id, ctx.form) : null;
  const result = await take(chosen?.address ?? null);
  await chosen?.remember();
  return result;
}

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
    await withShipping(gift, ctx, (shipping) => acceptGift(db, ctx.user.id, { giftId: gift.id, variantId: input.variantId, shipping }));
    refresh(input.token, gift.threadId);
    return null;
  },
  opts,
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
  opts,
);

/** A member takes one unit of a group gift, with their address, in one step. */
export const takeGroupUnitAction = userFormAction(
  acceptFormSchema,
  fromForm,
  async (input, ctx) => {
    const gift = await giftOf(input.token, ["GROUP"]);
    await withShipping(gift, ctx, (shipping) => takeGroupUnit(db, ctx.user.id, { giftId: gift.id, variantId: input.variantId, shipping }));
    refresh(input.token, gift.threadId);
    return null;
  },
  opts,
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
  opts,
);

/** A lottery winner accepts their unit with an address. */
export const acceptWinAction = userFormAction(
  acceptFormSchema,
  fromForm,
  async (input, ctx) => {
    const gift = await giftOf(input.token, ["LOTTERY"]);
    await withShipping(gift, ctx, (shipping) => acceptLotteryWin(db, ctx.user.id, { giftId: gift.id, variantId: input.variantId, shipping }));
    refresh(input.token, gift.threadId);
    return null;
  },
  opts,
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
  opts,
);
