// Lanbao's security headers (docs/security.md). Pages get a Content-Security-Policy with
// a fresh nonce per request from proxy.ts; Next.js reads the nonce from that header and
// puts it on every script it renders. Everything else (API routes, uploads, files) gets
// the fixed headers from next.config.ts. No imports: next.config.ts loads this file.

type Env = Record<string, string | undefined>;

/** Where Stripe's hosted checkout lives: the local sandbox without a real key. */
export function checkoutOrigin(env: Env = process.env): string {
  if (env.STRIPE_SECRET_KEY?.trim()) return "https://checkout.stripe.com";
  try {
    // The sandbox serves its checkout page from its own address (see lib/payments/stripe.ts).
    return new URL(env.STRIPE_SANDBOX_URL?.trim() || "http://127.0.0.1:12111").origin;
  } catch {
    return "'none'";
  }
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy(opts: { nonce: string; dev: boolean; https: boolean; checkoutOrigin: string }): string {
  const { nonce, dev } = opts;
  const directives = [
    "default-src 'self'",
    // Only scripts carrying this response's nonce, and what they load ('strict-dynamic').
    // React's dev build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce (dev injects styles without one). Style attributes
    // are allowed: next/image writes a few (e.g. color: transparent), and an attribute
    // cannot load or run anything that the other directives allow.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    // Product and shop pictures come from /products, /uploads and the image optimiser;
    // blob: for the picture previewed before an upload.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // Server actions, next-auth and the live updates (/api/realtime) are same-origin. When
    // a checkout action redirects to the payment page, Next's router first tries to fetch
    // it (and falls back to a plain navigation when that fails): let it try, not report.
    `connect-src 'self' ${opts.checkoutOrigin}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Forms post to the app; a checkout action redirects to the payment page, which a
    // form submission without JavaScript follows as part of the form.
    `form-action 'self' ${opts.checkoutOrigin}`,
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ];
  if (opts.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** For responses that are not pages (JSON, event streams, images): nothing may run. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sent with every response. */
export const COMMON_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Gift links carry their claim token: never send a Lanbao URL to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  // For browsers without frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * The public catalog: pages a visitor opens cold from a shared link, which show nothing of
 * an account and take nothing but a search. They go without Cross-Origin-Opener-Policy:
 * with it, Chrome moved every cold open of such a page into a new renderer process, which
 * cost a phone-speed load 400–700 ms of blocked main thread (docs/security.md).
 */
const PUBLIC_CATALOG = [/^\/shops(\/[^/]+)?\/?$/, /^\/products\/[^/]+\/?$/, /^\/search\/?$/];

/**
 * The page's Cross-Origin-Opener-Policy: `same-origin` everywhere an account's data is
 * shown or entered (no other window keeps a handle on that tab), none on the public catalog.
 */
export function openerPolicy(pathname: string): string | null {
  return PUBLIC_CATALOG.some((re) => re.test(pathname)) ? null : "same-origin";
}

/** Sent only over HTTPS (browsers ignore it over HTTP anyway): two years, subdomains too. */
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
