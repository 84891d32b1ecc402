import { NextResponse, type NextRequest } from "next/server";

// Pages that need a signed-in user. A visitor without a session cookie gets a real HTTP
// redirect to sign-in (and back afterwards) before any rendering starts. This is only
// the fast path: every page and action still checks the session itself (requireUser).
const PROTECTED = [/^\/$/, /^\/chats(\/|$)/, /^\/friends(\/|$)/, /^\/gifts?(\/|$)/, /^\/merchant(\/|$)/, /^\/orders(\/|$)/, /^\/checkout(\/|$)/];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PROTECTED.some((re) => re.test(pathname))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: not API routes, Next's assets, or files (anything with a dot).
  matcher: ["/((?!api/|_next/|.*\\..*).*)"],
};
