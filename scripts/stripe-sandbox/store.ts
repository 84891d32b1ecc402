// In-memory state of one sandbox process. Objects are stored in the exact shape the API
// returns (typed with the SDK's own resource types, so a field the SDK declares cannot be
// forgotten), and handed out as deep copies so later mutations never leak into responses
// or event payloads that were already produced.
import { randomBytes } from "node:crypto";
import type Stripe from "stripe";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += BASE62[bytes[i] % 62];
  return out;
}

/** Ids look like Stripe's: a type prefix, then opaque base62 (Checkout adds "test_"). */
export function newId(prefix: string): string {
  if (prefix === "cs") return `cs_test_${randomToken(58)}`;
  return `${prefix}_${randomToken(24)}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export interface IdempotencyEntry {
  fingerprint: string;
  createdAt: number;
  /** Set once the first request finished; until then a second request gets a 409. */
  response?: { status: number; body: string };
}

/** A session's payment_intent_data: not part of the session object, shapes the PaymentIntent. */
export interface IntentData {
  metadata: Record<string, string>;
  description: string | null;
  receiptEmail: string | null;
}

export class Store {
  readonly sessions = new Map<string, Stripe.Checkout.Session>();
  readonly lineItems = new Map<string, Stripe.LineItem[]>();
  readonly intentData = new Map<string, IntentData>();
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly idempotency = new Map<string, IdempotencyEntry>();

  /** Looks an object up by its id prefix; used by `expand[]`. */
  byId(id: string): { object: string } | undefined {
    const prefix = id.slice(0, id.indexOf("_"));
    switch (prefix) {
      case "cs":
        return this.sessions.get(id);
      case "pi":
        return this.paymentIntents.get(id);
      case "ch":
        return this.charges.get(id);
      case "re":
        return this.refunds.get(id);
      default:
        return undefined;
    }
  }

  /** Stripe keeps idempotent results for 24 hours. */
  pruneIdempotency(maxAgeMs = 24 * 3600 * 1000): void {
    const cutoff = Date.now() - maxAgeMs;
    for (const [key, entry] of this.idempotency) {
      if (entry.createdAt < cutoff) this.idempotency.delete(key);
    }
  }
}
