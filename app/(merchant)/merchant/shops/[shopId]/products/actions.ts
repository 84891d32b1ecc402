"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createProductInputFromForm, updateProductInputFromForm } from "@/lib/merchant/product-form";
import { createProduct, deleteProduct, setProductPublished, updateProduct } from "@/lib/merchant/products";
import { actionFailure } from "@/lib/merchant/results";
import { fail, ok, type ActionResult } from "@/lib/validation/result";

const signedOut = () => fail({}, "merchant.errors.signedOut");

function revalidateProduct(shopId: string, productId?: string) {
  revalidatePath(`/merchant/shops/${shopId}`, "layout");
  revalidatePath("/shops/[slug]", "page");
  revalidatePath("/search");
  if (productId) revalidatePath(`/products/${productId}`);
}

/** Creates a product from the product form, then returns to the shop's product list. */
export async function createProductAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  let created: { id: string; shopId: string };
  try {
    created = await createProduct(db, user.id, createProductInputFromForm(form));
  } catch (err) {
    return actionFailure(err);
  }
  revalidateProduct(created.shopId, created.id);
  redirect(`/merchant/shops/${created.shopId}?saved=${created.id}`);
}

/**
 * Saves the product form of an existing product, then reloads the form from what was
 * stored (new variants and pictures now have ids, so a second save edits them).
 */
export async function updateProductAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  const input = updateProductInputFromForm(form);
  const shopId = String(form.get("shopId") ?? "");
  try {
    await updateProduct(db, user.id, input);
  } catch (err) {
    return actionFailure(err);
  }
  revalidateProduct(shopId, input.productId);
  redirect(`/merchant/shops/${encodeURIComponent(shopId)}/products/${encodeURIComponent(input.productId)}?saved=${Date.now()}`);
}

export async function setPublishedAction(
  _prev: ActionResult<{ published: boolean }> | null,
  form: FormData,
): Promise<ActionResult<{ published: boolean }>> {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  try {
    const productId = String(form.get("productId") ?? "");
    const result = await setProductPublished(db, user.id, { productId, published: form.get("published") === "true" });
    revalidateProduct(String(form.get("shopId") ?? ""), productId);
    return ok({ published: result.published });
  } catch (err) {
    return actionFailure(err);
  }
}

export async function deleteProductAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  try {
    const productId = String(form.get("productId") ?? "");
    await deleteProduct(db, user.id, { productId });
    revalidateProduct(String(form.get("shopId") ?? ""), productId);
    return ok(null);
  } catch (err) {
    return actionFailure(err);
  }
}
