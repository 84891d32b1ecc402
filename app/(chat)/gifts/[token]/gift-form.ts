import { z } from "zod";
import { requireShippingAddress, type ShippingAddress } from "@/lib/address/shipping";
import { formOptional, formText } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import type { GiftMode } from "@/lib/db/generated/enums";
import { findGiftRoute, findRecentGiftRoute, type GiftRoute } from "@/lib/gifting/token";
import { DomainError } from "@/lib/validation/result";

// What the gift page's forms send (its actions and the "Take one" route share it). The
// link's token finds the gift; each service checks that the acting user may do what they
// ask (the recipient, a member of the group, a winner), and answers anyone else as for a
// missing gift.
export const token = z.string().min(20, "gift.notFound").max(100, "gift.notFound");
export const acceptFormSchema = z.object({ token, variantId: z.string().min(1).max(64).optional() });
export const tokenOnly = z.object({ token });
export const fromForm = (form: FormData) => ({ token: formText(form, "token"), variantId: formOptional(form, "variantId") });
export const giftFormOptions = { signedOut: "gift.signInFirst" };

/** The gift of the link when it is of one of `modes`; `recent` accepts an answer a second old (findRecentGiftRoute). */
export async function giftOf(t: string, modes: GiftMode[], opts: { recent?: boolean } = {}) {
  const gift = opts.recent ? await findRecentGiftRoute(db, t) : await findGiftRoute(db, { token: t });
  if (!gift || !modes.includes(gift.mode)) throw new DomainError("gift.notFound");
  return gift;
}

/**
 * The address from the form when the gift is a parcel (vouchers need none), handed to
 * `take`; a new address the member asked to keep goes into their book once it succeeded.
 */
export async function withShipping<T>(
  gift: GiftRoute,
  who: { userId: string; form: FormData },
  take: (shipping: ShippingAddress | null) => Promise<T>,
): Promise<T> {
  const chosen = gift.order.product.kind === "PHYSICAL" ? await requireShippingAddress(db, who.userId, who.form) : null;
  const result = await take(chosen?.address ?? null);
  await chosen?.remember();
  return result;
}
