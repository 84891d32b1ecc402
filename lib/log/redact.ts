// What may never reach a log line: cookies, authorization headers, secrets and tokens
// (session JWTs, gift-link tokens in URLs), phone numbers, e-mail and postal addresses.
// Fields with such names are dropped to "[redacted]"; strings are scrubbed of anything
// that looks like one, so a careless `error: err.message` cannot leak them either.

export const REDACTED = "[redacted]";

/** Field names whose values are never logged, whatever they hold. */
const SECRET_KEY =
  /(cookie|authori[sz]ation|token|secret|password|passwd|api[-_]?key|credential|session|phone|mobile|telephone|address|street|email|card|iban|body|query|search)/i;

// Chinese mobile numbers (11 digits starting 1[3-9]), optionally +86; other phone-like
// digit runs of 7 to 13 digits that are not part of a longer number or word (a 14-digit
// migration timestamp, an id like "c1234567abc" stay).
const CN_MOBILE = /(?<![\w])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![\w])/g;
const INTL_PHONE = /\+\d[\d\s().-]{6,}\d/g;
const DIGIT_RUN = /(?<![\w.-])\d{7,13}(?![\w])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const JWT = /\beyJ[\w-]+\.[\w-]*\.?[\w-]*(?:\.[\w-]+){0,2}/g;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;
// Gift links carry their secret token in the path: /gifts/<token>.
const GIFT_LINK = /\/gifts\/(?!\[token\])[^/\s?#"']+/g;
// Query strings can carry anything (callback URLs, search terms): keep only that one existed.
const QUERY = /(\/[^\s?#"']*)\?[^\s#"']+/g;
// A Chinese street address: "<name>路 88 号", "<name>街12号", "… 1203 室".
const CN_ADDRESS = /[\u4e00-\u9fff]{1,12}(?:路|街|道|巷|弄|大道)\s*\d+\s*号(?:\s*\d+\s*室)?/g;
// Long opaque secrets: Stripe keys, webhook secrets.
const STRIPE_SECRET = /\b(?:sk|rk|whsec)_(?:test_|live_)?[\w]{6,}/g;

/** A string with anything secret or personal replaced by a placeholder. */
export function scrubText(text: string): string {
  return text
    .replace(JWT, "[jwt]")
    .replace(BEARER, "$1 [redacted]")
    .replace(STRIPE_SECRET, "[secret]")
    .replace(EMAIL, "[email]")
    .replace(QUERY, "$1?[query]")
    .replace(GIFT_LINK, "/gifts/[token]")
    .replace(CN_ADDRESS, "[address]")
    .replace(CN_MOBILE, "[phone]")
    .replace(INTL_PHONE, "[phone]")
    .replace(DIGIT_RUN, "[number]");
}

/** Keys that are safe even though they match a sensitive word (they hold ids, not values). */
const SAFE_KEYS = new Set(["route", "requestId", "userId"]);

/** A copy of `value` fit for a log line (depth-limited; errors become name + message). */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return scrubText(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return { name: value.name, message: scrubText(value.message) };
  if (depth >= 4) return "[…]";
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      out[key] = !SAFE_KEYS.has(key) && SECRET_KEY.test(key) ? REDACTED : redact(v, depth + 1);
    }
    return out;
  }
  return String(value);
}
