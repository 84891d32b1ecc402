import { ZodError } from "zod";
import { fail, failFromError, fieldErrorsOf } from "@/lib/validation/result";

/**
 * What a merchant action returns when its service refused: field errors from zod (with a
 * summary line for the form), or the DomainError's key. Anything else is a bug: rethrown.
 */
export function actionFailure(err: unknown) {
  if (err instanceof ZodError) return fail(fieldErrorsOf(err), "merchant.fixErrors");
  return failFromError(err);
}
