"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireShippingAddress } from "@/lib/address/shipping";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { getProductPage } from "@/lib/catalog/products";
import { db } from "@/lib/db/client";
import { SELF_ORDER_MAX_QUANTITY, startCheckout } from "@/lib/orders/checkout";
import { DomainError, type ActionResult } from "@/lib/validation/result";

export type BuyState = ActionResult<null> | null;

const buySchema = z.object({
  productId: z.string().trim().min(1, "validation.required").max(64, "validation.invalid"),
  variantId: z.string().trim().min(1, "product.buy.chooseVariant").max(64, "validation.invalid"),
  quantity: z.coerce
    .number({ error: "validation.invalid" })
    .int("validation.invalid")
    .min(1, "validation.invalid")
    .max(SELF_ORDER_MAX_QUANTITY, "product.buy.quantityTooHigh"),
});

/**
 * Buy now for oneself: validates the choice and the buyer's address (saved or new),
 * starts a Stripe checkout and sends the buyer to it. Nothing is written when anything
 * is refused; the order itself only becomes paid through the payment webhook.
 */
export const buyNowAction = userFormAction(
  buySchema,
  (form) => ({ productId: formText(form, "productId"), variantId: formText(form, "variantId"), quantity: formText(form, "quantity") }),
  async (input, { user, form }): Promise<null> => {
    const product = await getProductPage(db, input.productId, user.id);
    const variant = product?.variants.find((v) => v.id === input.variantId);
    if (!product || !variant) throw new DomainError("product.buy.variantUnavailable", "variantId");
    const shipping = product.kind === "PHYSICAL" ? await requireShippingAddress(db, user.id, form) : null;
    const { checkoutUrl } = await startCheckout(db, user.id, { kind: "SELF", variantId: variant.id, quantity: input.quantity, shipping: shipping?.address ?? null });
    await shipping?.remember();
    redirect(checkoutUrl);
  },
  { signedOut: "product.buy.signInRequired", rateLimit: "checkout" },
);
