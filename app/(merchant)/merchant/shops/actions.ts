"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { setGiftZone } from "@/lib/merchant/gift-zone";
import { actionFailure } from "@/lib/merchant/results";
import { createShop, setShopGifting, updateShopSettings } from "@/lib/merchant/shops";
import { fail, ok, type ActionResult } from "@/lib/validation/result";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

const signedOut = () => fail({}, "merchant.errors.signedOut");

/** Opens a shop owned by the signed-in user, then goes to it. */
export async function createShopAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  let shopId: string;
  try {
    shopId = (await createShop(db, user.id, { name: text(form, "name"), slug: text(form, "slug"), description: text(form, "description") })).id;
  } catch (err) {
    return actionFailure(err);
  }
  revalidatePath("/merchant");
  redirect(`/merchant/shops/${shopId}`);
}

/** Name, description and cover ("coverKey": a new upload's key, "" to remove, absent to keep). */
export async function updateShopSettingsAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  const cover = form.get("coverKey");
  try {
    const shop = await updateShopSettings(db, user.id, {
      shopId: text(form, "shopId"),
      name: text(form, "name"),
      description: text(form, "description"),
      coverKey: typeof cover !== "string" ? undefined : cover === "" ? null : cover,
    });
    revalidatePath(`/merchant/shops/${shop.id}`, "layout");
    revalidatePath(`/shops/${shop.slug}`);
    return ok(null);
  } catch (err) {
    return actionFailure(err);
  }
}

/** The shop's gifting switch. */
export async function setGiftingAction(
  _prev: ActionResult<{ enabled: boolean }> | null,
  form: FormData,
): Promise<ActionResult<{ enabled: boolean }>> {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  try {
    const shop = await setShopGifting(db, user.id, { shopId: text(form, "shopId"), enabled: form.get("enabled") === "true" });
    revalidatePath(`/merchant/shops/${shop.id}`, "layout");
    revalidatePath("/", "layout");
    return ok({ enabled: shop.giftingEnabled });
  } catch (err) {
    return actionFailure(err);
  }
}

/** The gift zone: `productId` values in display order. */
export async function setGiftZoneAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  try {
    const shopId = text(form, "shopId");
    await setGiftZone(db, user.id, { shopId, productIds: form.getAll("productId").map(String) });
    revalidatePath(`/merchant/shops/${shopId}`, "layout");
    revalidatePath("/shops/[slug]", "page");
    return ok(null);
  } catch (err) {
    return actionFailure(err);
  }
}
