import type { z } from "zod";

/** Field errors carry i18n keys (e.g. "validation.required"); forms translate them. */
export type FieldErrors = Record<string, string[]>;

/** What every server action returns: data, or errors a form can show next to its fields. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(fieldErrors: FieldErrors, formError?: string): { ok: false; fieldErrors: FieldErrors; formError?: string } {
  return formError ? { ok: false, fieldErrors, formError } : { ok: false, fieldErrors };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Thrown by services for a rule the user broke; the message is an i18n key. */
export class DomainError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
  ) {
    super(key);
    this.name = "DomainError";
  }
}

/** Thrown by services for input refused on several fields at once (e.g. an address). */
export class InputError extends Error {
  constructor(public readonly fieldErrors: FieldErrors) {
    super("invalid input");
    this.name = "InputError";
  }
}

/** Turns a DomainError or InputError into an ActionResult; anything else is a bug and rethrown. */
export function failFromError(err: unknown): { ok: false; fieldErrors: FieldErrors; formError?: string } {
  if (err instanceof InputError) return fail(err.fieldErrors);
  if (err instanceof DomainError) {
    return err.field ? fail({ [err.field]: [err.key] }) : fail({}, err.key);
  }
  throw err;
}
