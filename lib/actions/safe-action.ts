// The one way to write a server action: parse the input with zod, find who is asking,
// call a service with their id, and answer with a typed ActionResult. Refusals from the
// services (DomainError, InputError, ZodError) become field or form errors a form can
// show, and so does a rate limit's refusal (with the wait); anything else is a bug and is
// rethrown (so are Next.js redirects).
import { ZodError, type z } from "zod";
import { getCurrentUser, sessionUserId, type CurrentUser } from "@/lib/auth/session";
import { enforceLimit, RateLimitedError, waitMessageKey, type ActionLimitName } from "@/lib/rate-limit";
import { requestAddress } from "@/lib/rate-limit/request";
import { fail, failFromError, fieldErrorsOf, ok, type ActionResult } from "@/lib/validation/result";

export type ActionOptions = {
  /** Form-level message (an i18n key) for a visitor who is not signed in. */
  signedOut?: string;
  /** Form-level summary (an i18n key) shown with field errors, e.g. "merchant.fixErrors". */
  invalid?: string;
  /**
   * A rate limit (lib/rate-limit/config.ts) counted for each valid call: per user, or per
   * client address for public actions. A refusal is a form error saying how long to wait.
   */
  rateLimit?: ActionLimitName;
};

export type ActionContext = { user: CurrentUser };

type Handler<S extends z.ZodType, T> = (input: z.output<S>, ctx: ActionContext) => Promise<T>;

/** Validates, runs, and turns the services' refusals into an ActionResult. */
async function execute<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  opts: ActionOptions,
  run: (input: z.output<S>) => Promise<T>,
  limitKey: () => string | Promise<string>,
): Promise<ActionResult<T>> {
  // PostgreSQL text cannot hold U+0000: such input is refused here rather than failing in the database.
  const nulField = fieldWithNul(raw);
  if (nulField !== null) return fail(nulField ? { [nulField]: ["validation.invalid"] } : {}, opts.invalid ?? "validation.invalid");
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error), opts.invalid);
  try {
    if (opts.rateLimit) await enforceLimit(opts.rateLimit, await limitKey());
    return ok(await run(parsed.data));
  } catch (err) {
    if (err instanceof ZodError) return fail(fieldErrorsOf(err), opts.invalid);
    if (err instanceof RateLimitedError) return fail({}, waitMessageKey(err.retryAfterSeconds));
    return failFromError(err);
  }
}

/** The top-level field whose value holds a NUL character anywhere ("" for the input itself), or null. */
function fieldWithNul(raw: unknown): string | null {
  const hasNul = (v: unknown, depth: number): boolean =>
    typeof v === "string"
      ? v.includes("\u0000")
      : depth < 8 && v !== null && typeof v === "object" && Object.values(v).some((x) => hasNul(x, depth + 1));
  if (typeof raw === "string") return hasNul(raw, 0) ? "" : null;
  if (raw === null || typeof raw !== "object") return null;
  for (const [key, value] of Object.entries(raw)) if (hasNul(value, 1)) return key;
  return null;
}

const signedOut = (opts: ActionOptions) => fail({}, opts.signedOut ?? "common.signedOut");

/** An action called with an object, for the signed-in user. */
export function userAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T>, opts: ActionOptions = {}) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return signedOut(opts);
    return execute(schema, input, opts, (i) => handler(i, { user }), () => user.id);
  };
}

/**
 * An action behind a <form> (useActionState): `fromForm` picks the fields out of the
 * FormData, the schema validates them.
 */
export function userFormAction<S extends z.ZodType, T>(
  schema: S,
  fromForm: (form: FormData) => unknown,
  handler: (input: z.output<S>, ctx: ActionContext & { form: FormData }) => Promise<T>,
  opts: ActionOptions = {},
) {
  return async (_prev: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return signedOut(opts);
    return execute(schema, fromForm(form), opts, (i) => handler(i, { user, form }), () => user.id);
  };
}

/**
 * The same form action answered by a route handler (POST, the form's fields url-encoded):
 * the ActionResult comes back as JSON (200 when ok, 400 refused, 401 signed out, 403 from
 * another site). For the one form a whole group presses at once, "Take one" on a group gift:
 * a server action's answer carries a render of the page, this one carries only the result.
 * `fromForm` also gets the route's params (the gift's token is in the path). The handler
 * gets the session's user id unchecked against the users table: its service decides what
 * that id may do, as for anyone.
 */
export function userFormRoute<S extends z.ZodType, T>(
  schema: S,
  fromForm: (form: FormData, params: Record<string, string>) => unknown,
  handler: (input: z.output<S>, ctx: { userId: string; form: FormData }) => Promise<T>,
  opts: ActionOptions = {},
) {
  const answer = (result: ActionResult<T>, status: number) => Response.json(result, { status, headers: { "cache-control": "no-store" } });
  return async function POST(request: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> {
    // Server actions check the origin themselves; a route must (the session cookie is SameSite=Lax, this is a second fence).
    if (isCrossSite(request)) return answer(fail({}, "validation.invalid"), 403);
    const userId = await sessionUserId();
    if (!userId) return answer(signedOut(opts), 401);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return answer(fail({}, opts.invalid ?? "validation.invalid"), 400);
    }
    const result = await execute(schema, fromForm(form, await params), opts, (i) => handler(i, { userId, form }), () => userId);
    return answer(result, result.ok ? 200 : 400);
  };
}

/** A request whose Origin names another host than the one it was sent to. */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** An action open to visitors (sign-up, language): the same parsing and answers, no user. */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T>, opts: ActionOptions = {}) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => execute(schema, input, opts, handler, requestAddress);
}

/** FormData text field, "" when missing or a file. */
export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

/** FormData text field, undefined when missing or empty. */
export function formOptional(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" && v !== "" ? v : undefined;
}
