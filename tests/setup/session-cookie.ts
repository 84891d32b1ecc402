// A signed-in request's cookies for tests that call actions and routes outside Next: the
// real session cookie (a next-auth JWT under the test secret) for `userId`, or none.
import { encode } from "next-auth/jwt";

export async function sessionCookieStore(userId: string | null) {
  process.env.NEXTAUTH_SECRET ??= "test-session-secret-0123456789abcdef0123456789";
  const all = userId
    ? [{ name: "next-auth.session-token", value: await encode({ token: { sub: userId }, secret: process.env.NEXTAUTH_SECRET }) }]
    : [];
  return {
    getAll: () => all,
    get: (name: string) => all.find((c) => c.name === name),
    has: (name: string) => all.some((c) => c.name === name),
    set: () => {},
  };
}
