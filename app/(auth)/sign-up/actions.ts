"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db/client";

/**
 * Open to visitors by nature, limited per client address. Answers the same whether the
 * email was free or taken (lib/auth/sign-up.ts): never return what signUp says.
 */
export const signUpAction = publicAction(
  signUpSchema,
  async (input) => {
    await signUp(db, input);
    return null;
  },
  { rateLimit: "signUp" },
);
