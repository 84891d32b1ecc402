// The app's only way to get a Stripe client. With STRIPE_SECRET_KEY it is plain Stripe;
// without it the same SDK is pointed at the local Stripe sandbox (scripts/stripe-sandbox),
// so dev and tests run exactly the code production runs.
import Stripe from "stripe";

export const SANDBOX_SECRET_KEY = "sk_test_lanbao_sandbox";
export const SANDBOX_WEBHOOK_SECRET = "whsec_lanbao_sandbox";
export const DEFAULT_SANDBOX_URL = "http://127.0.0.1:12111";

type Env = Record<string, string | undefined>;

function secretKey(env: Env): string | undefined {
  const key = env.STRIPE_SECRET_KEY?.trim();
  return key ? key : undefined;
}

export function isSandbox(env: Env = process.env): boolean {
  return secretKey(env) === undefined;
}

const COMMON: Stripe.StripeConfig = {
  maxNetworkRetries: 2,
  appInfo: { name: "Lanbao" },
};

/** Builds a client from the given environment (getStripe() caches the one for process.env). */
export function createStripeClient(env: Env = process.env): Stripe {
  const key = secretKey(env);
  if (key) {
    if (!/^(sk|rk)_(test|live)_/.test(key)) {
      throw new Error("STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_… or rk_…), not a publishable key.");
    }
    return new Stripe(key, COMMON);
  }
  const raw = env.STRIPE_SANDBOX_URL?.trim() || DEFAULT_SANDBOX_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`STRIPE_SANDBOX_URL is not a URL: ${raw}`);
  }
  return new Stripe(SANDBOX_SECRET_KEY, {
    ...COMMON,
    host: url.hostname.replace(/^\[|\]$/g, ""), // the SDK wants a bare IPv6 address
    port: url.port || (url.protocol === "https:" ? 443 : 80),
    protocol: url.protocol === "https:" ? "https" : "http",
  });
}

let cached: Stripe | undefined;

export function getStripe(): Stripe {
  if (!cached) {
    cached = createStripeClient(process.env);
    if (isSandbox() && process.env.NODE_ENV === "production") {
      // Legitimate for `npm start` and the end-to-end tests, a mistake on a real deployment.
      console.warn("STRIPE_SECRET_KEY is not set: payments go to the local Stripe sandbox, not to Stripe.");
    }
  }
  return cached;
}

/** The secret that webhook signatures are checked with. */
export function webhookSecret(env: Env = process.env): string {
  const secret = env.STRIPE_WEBHOOK_SECRET?.trim();
  if (secret) return secret;
  if (isSandbox(env)) return SANDBOX_WEBHOOK_SECRET;
  // A default here would accept events signed with a publicly known secret in production.
  throw new Error(
    "STRIPE_WEBHOOK_SECRET is not set. With a real STRIPE_SECRET_KEY, set it to the signing secret " +
      "(whsec_…) of this app's webhook endpoint in the Stripe dashboard.",
  );
}
