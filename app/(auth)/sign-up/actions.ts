"use server";

import { ZodError } from "zod";
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db/client";
import { fail, failFromError, fieldErrorsOf, ok, type ActionResult } from "@/lib/validation/result";

/** Open to visitors by nature; the service validates everything and refuses taken emails. */
export async function signUpAction(input: { name: unknown; email: unknown; password: unknown }): Promise<ActionResult> {
  try {
    await signUp(db, input);
    return ok(null);
  } catch (err) {
    if (err instanceof ZodError) return fail(fieldErrorsOf(err));
    return failFromError(err);
  }
}
