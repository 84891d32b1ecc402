"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import type { FollowState } from "@/components/shop/follow-button";
import { getCurrentUser } from "@/lib/auth/session";
import { setShopFollow } from "@/lib/catalog/follow";
import { db } from "@/lib/db/client";
import { fail, failFromError, fieldErrorsOf, ok } from "@/lib/validation/result";

/** Follow or unfollow a shop as the signed-in user. */
export async function setFollowAction(_prev: FollowState, form: FormData): Promise<FollowState> {
  const user = await getCurrentUser();
  if (!user) return fail({}, "shop.signInToFollow");
  try {
    const result = await setShopFollow(db, user.id, { shopId: String(form.get("shopId") ?? ""), follow: form.get("follow") === "true" });
    revalidatePath("/shops/[slug]", "page");
    return ok(result);
  } catch (err) {
    if (err instanceof ZodError) return fail(fieldErrorsOf(err), "validation.invalid");
    return failFromError(err);
  }
}
