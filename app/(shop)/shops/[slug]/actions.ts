"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formText, userFormAction } from "@/lib/actions/safe-action";
import { followInputSchema, setShopFollow } from "@/lib/catalog/follow";
import { db } from "@/lib/db/client";

/** Follow or unfollow a shop as the signed-in user. */
export const setFollowAction = userFormAction(
  followInputSchema,
  (form) => ({ shopId: formText(form, "shopId"), follow: form.get("follow") === "true" }),
  async (input, { user }) => {
    const result = await setShopFollow(db, user.id, input);
    revalidatePath("/shops/[slug]", "page");
    const t = await getTranslations("shop");
    return { ...result, followersLabel: t("followers", { count: result.followerCount }) };
  },
  { signedOut: "shop.signInToFollow", invalid: "validation.invalid" },
);
