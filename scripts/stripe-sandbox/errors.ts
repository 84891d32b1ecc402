// Stripe's v1 error format. The SDK picks its error class from the HTTP status (400/404 →
// StripeInvalidRequestError, 401 → StripeAuthenticationError, 402 → StripeCardError, ...)
// and copies `code`, `param`, `decline_code` and `doc_url` onto the thrown error, so the
// app's error handling sees the same thing it would see against api.stripe.com.

export type StripeErrorType =
  | "invalid_request_error"
  | "idempotency_error"
  | "card_error"
  | "api_error";

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
}

export class SandboxApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  /**
   * Stripe stores the result under an Idempotency-Key only once the endpoint has started
   * executing; requests rejected by parameter validation can be retried with the same key.
   */
  readonly replayable: boolean;

  constructor(status: number, body: StripeErrorBody, replayable = false) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.replayable = replayable;
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  return body.code
    ? { ...body, doc_url: `https://docs.stripe.com/error-codes/${body.code.replace(/_/g, "-")}` }
    : body;
}

export function invalidRequest(
  message: string,
  opts: { code?: string; param?: string; status?: number; replayable?: boolean } = {},
): SandboxApiError {
  const body: StripeErrorBody = { type: "invalid_request_error", message };
  if (opts.code) body.code = opts.code;
  if (opts.param) body.param = opts.param;
  return new SandboxApiError(opts.status ?? 400, withDocUrl(body), opts.replayable ?? false);
}

export function missingParam(param: string): SandboxApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: "parameter_missing", param });
}

export function unknownParam(param: string): SandboxApiError {
  return invalidRequest(
    `Received unknown parameter: ${param}. (The Lanbao Stripe sandbox implements only the ` +
      `parameters the app uses; extend scripts/stripe-sandbox if it needs more.)`,
    { code: "parameter_unknown", param },
  );
}

export function invalidInteger(param: string, value: string): SandboxApiError {
  return invalidRequest(`Invalid integer: ${value}`, { code: "parameter_invalid_integer", param });
}

export function resourceMissing(kind: string, id: string, param?: string): SandboxApiError {
  return invalidRequest(`No such ${kind}: '${id}'`, {
    code: "resource_missing",
    param: param ?? "id",
    status: 404,
  });
}

export function unrecognizedUrl(method: string, path: string): SandboxApiError {
  return invalidRequest(
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can ` +
      `help at https://support.stripe.com/. (This is the Lanbao Stripe sandbox, which implements ` +
      `only the endpoints the app uses.)`,
    { status: 404 },
  );
}

export function authError(message: string): SandboxApiError {
  return new SandboxApiError(401, { type: "invalid_request_error", message });
}

export function cardDeclined(message: string, declineCode: string, code = "card_declined"): SandboxApiError {
  return new SandboxApiError(
    402,
    withDocUrl({ type: "card_error", code, decline_code: declineCode, message }),
    true,
  );
}
