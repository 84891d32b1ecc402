import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenOf } from "@/lib/auth/session-cookie";
import { checkoutOrigin, newNonce, openerPolicy, pageContentSecurityPolicy } from "@/lib/security/headers";

// Pages that need a signed-in user. A visitor without a session cookie gets a real HTTP
// redirect to sign-in (and back afterwards) before any rendering starts. This is only
// the fast path: every page and action still checks the session itself (requireUser).
const PROTECTED = [/^\/$/, /^\/chats(\/|$)/, /^\/friends(\/|$)/, /^\/gifts?(\/|$)/, /^\/merchant(\/|$)/, /^\/orders(\/|$)/, /^\/checkout(\/|$)/];

function servedOverHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? request.nextUrl.protocol.replace(/:$/, "")) === "https";
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PROTECTED.some((re) => re.test(pathname)) && !sessionTokenOf(request.cookies.getAll())) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  // A fresh nonce per page: Next.js finds it in the request's CSP header and puts it on
  // the scripts it renders; the browser gets the same policy on the response.
  const csp = pageContentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(request),
    checkoutOrigin: checkoutOrigin(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  const opener = openerPolicy(pathname);
  if (opener) response.headers.set("Cross-Origin-Opener-Policy", opener);
  return response;
}

export const config = {
  // Pages only: not API routes, a gift's claims route (JSON, pressed by a whole group at
  // once), Next's assets, or files (anything with a dot), which get the fixed headers of
  // next.config.ts.
  matcher: ["/((?!api/|gifts/[^/]+/claims$|_next/|.*\\..*).*)"],
};
