"use server";

import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { shippingAddressFromForm, type ShippingAddress } from "@/lib/address/shipping";
import { getProductPage } from "@/lib/catalog/products";
import { db } from "@/lib/db/client";
import { startCheckout } from "@/lib/orders/checkout";
import { fail, failFromError, fieldErrorsOf, type ActionResult } from "@/lib/validation/result";

export type BuyState = ActionResult<null> | null;

const buySchema = z.object({
  productId: z.string().trim().min(1, "validation.required").max(64, "validation.invalid"),
  variantId: z.string({ error: "product.buy.chooseVariant" }).trim().min(1, "product.buy.chooseVariant").max(64, "validation.invalid"),
  quantity: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(10, "product.buy.quantityTooHigh"),
});

/**
 * Buy now for oneself: validates the choice and the buyer's address (saved or new),
 * starts a Stripe checkout and sends the buyer to it. Nothing is written when anything
 * is refused; the order itself only becomes paid through the payment webhook.
 */
export async function buyNowAction(_prev: BuyState, form: FormData): Promise<BuyState> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "product.buy.signInRequired");
  const parsed = buySchema.safeParse({
    productId: form.get("productId") ?? undefined,
    variantId: form.get("variantId") ?? undefined,
    quantity: form.get("quantity") ?? undefined,
  });
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
  const product = await getProductPage(db, parsed.data.productId, user.id);
  const variant = product?.variants.find((v) => v.id === parsed.data.variantId);
  if (!product || !variant) return fail({ variantId: ["product.buy.variantUnavailable"] });

  let shipping: ShippingAddress | null = null;
  if (product.kind === "PHYSICAL") {
    const address = await shippingAddressFromForm(db, user.id, form);
    if (!address.ok) return address;
    shipping = address.address;
  }

  let checkoutUrl: string;
  try {
    ({ checkoutUrl } = await startCheckout(db, user.id, {
      kind: "SELF",
      variantId: variant.id,
      quantity: parsed.data.quantity,
      shipping,
    }));
  } catch (err) {
    if (err instanceof ZodError) return fail(fieldErrorsOf(err));
    return failFromError(err);
  }
  redirect(checkoutUrl);
}
