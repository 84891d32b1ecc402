"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { giftZoneSchema, setGiftZone } from "@/lib/merchant/gift-zone";
import { createShop, createShopSchema, setShopGifting, shopGiftingSchema, shopSettingsSchema, updateShopSettings } from "@/lib/merchant/shops";

const opts = { invalid: "merchant.fixErrors" };

/** Opens a shop owned by the signed-in user, then goes to it. */
export const createShopAction = userFormAction(
  createShopSchema,
  (form) => ({ name: formText(form, "name"), slug: formText(form, "slug"), description: formText(form, "description") }),
  async (input, { user }): Promise<null> => {
    const shop = await createShop(db, user.id, input);
    revalidatePath("/merchant");
    redirect(`/merchant/shops/${shop.id}`);
  },
  opts,
);

/** Name, description and cover ("coverKey": a new upload's key, "" to remove, absent to keep). */
export const updateShopSettingsAction = userFormAction(
  shopSettingsSchema,
  (form) => {
    const cover = form.get("coverKey");
    return {
      shopId: formText(form, "shopId"),
      name: formText(form, "name"),
      description: formText(form, "description"),
      coverKey: typeof cover !== "string" ? undefined : cover === "" ? null : cover,
    };
  },
  async (input, { user }) => {
    const shop = await updateShopSettings(db, user.id, input);
    revalidatePath(`/merchant/shops/${shop.id}`, "layout");
    revalidatePath(`/shops/${shop.slug}`);
    return null;
  },
  opts,
);

/** The shop's gifting switch. */
export const setGiftingAction = userFormAction(
  shopGiftingSchema,
  (form) => ({ shopId: formText(form, "shopId"), enabled: form.get("enabled") === "true" }),
  async (input, { user }) => {
    const shop = await setShopGifting(db, user.id, input);
    revalidatePath(`/merchant/shops/${shop.id}`, "layout");
    revalidatePath("/", "layout");
    return { enabled: shop.giftingEnabled };
  },
  opts,
);

/** The gift zone: `productId` values in display order. */
export const setGiftZoneAction = userFormAction(
  giftZoneSchema,
  (form): z.input<typeof giftZoneSchema> => ({ shopId: formText(form, "shopId"), productIds: form.getAll("productId").map(String) }),
  async (input, { user }) => {
    await setGiftZone(db, user.id, input);
    revalidatePath(`/merchant/shops/${input.shopId}`, "layout");
    revalidatePath("/shops/[slug]", "page");
    return null;
  },
  opts,
);
