"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db/client";

/** Open to visitors by nature; the service refuses taken emails. */
export const signUpAction = publicAction(signUpSchema, async (input) => {
  await signUp(db, input);
  return null;
});
