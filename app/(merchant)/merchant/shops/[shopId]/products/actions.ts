"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { createProductInputFromForm, updateProductInputFromForm } from "@/lib/merchant/product-form";
import {
  createProduct,
  createProductSchema,
  deleteProduct,
  productIdSchema,
  publishSchema,
  setProductPublished,
  updateProduct,
  updateProductSchema,
} from "@/lib/merchant/products";

const opts = { invalid: "merchant.fixErrors" };
/** The shop a product form posts from, only to know which pages to refresh. */
const shopId = z.string().max(64).default("");

function revalidateProduct(shop: string, productId?: string) {
  revalidatePath(`/merchant/shops/${shop}`, "layout");
  revalidatePath("/shops/[slug]", "page");
  revalidatePath("/search");
  if (productId) revalidatePath(`/products/${productId}`);
}

/** Creates a product from the product form, then returns to the shop's product list. */
export const createProductAction = userFormAction(
  createProductSchema,
  createProductInputFromForm,
  async (input, { user }): Promise<null> => {
    const created = await createProduct(db, user.id, input);
    revalidateProduct(created.shopId, created.id);
    redirect(`/merchant/shops/${created.shopId}?saved=${created.id}`);
  },
  opts,
);

/**
 * Saves the product form of an existing product, then reloads the form from what was
 * stored (new variants and pictures now have ids, so a second save edits them).
 */
export const updateProductAction = userFormAction(
  updateProductSchema.extend({ shopId }),
  (form) => ({ ...updateProductInputFromForm(form), shopId: formText(form, "shopId") }),
  async (input, { user }): Promise<null> => {
    await updateProduct(db, user.id, input);
    revalidateProduct(input.shopId, input.productId);
    redirect(`/merchant/shops/${encodeURIComponent(input.shopId)}/products/${encodeURIComponent(input.productId)}?saved=${Date.now()}`);
  },
  opts,
);

export const setPublishedAction = userFormAction(
  publishSchema.extend({ shopId }),
  (form) => ({ productId: formText(form, "productId"), published: form.get("published") === "true", shopId: formText(form, "shopId") }),
  async (input, { user }) => {
    const result = await setProductPublished(db, user.id, input);
    revalidateProduct(input.shopId, input.productId);
    return { published: result.published };
  },
  opts,
);

export const deleteProductAction = userFormAction(
  productIdSchema.extend({ shopId }),
  (form) => ({ productId: formText(form, "productId"), shopId: formText(form, "shopId") }),
  async (input, { user }) => {
    await deleteProduct(db, user.id, input);
    revalidateProduct(input.shopId, input.productId);
    return null;
  },
  opts,
);
