// POST /gifts/<token>/claims: a member takes one unit of a group gift, with their address, in
// one step ("Take one" on the gift page). A route rather than a server action because a whole
// group presses it at once: the answer is the result alone, not a render of the page; the
// sheet then refreshes itself once when the unit is its own.
import { userFormRoute } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { takeGroupUnit, type TakeOutcome } from "@/lib/gifting/group";
import { acceptFormSchema, fromForm, giftFormOptions, giftOf, withShipping } from "../gift-form";

export const dynamic = "force-dynamic";

export const POST = userFormRoute(
  acceptFormSchema,
  (form, params) => ({ ...fromForm(form), token: params.token ?? "" }),
  async (input, ctx): Promise<TakeOutcome> => {
    // Everyone in the group asks for the same gift at once: a second-old answer will do.
    const gift = await giftOf(input.token, ["GROUP"], { recent: true });
    return withShipping(gift, ctx, (shipping) => takeGroupUnit(db, ctx.userId, { giftId: gift.id, variantId: input.variantId, shipping }, gift));
  },
  giftFormOptions,
);
