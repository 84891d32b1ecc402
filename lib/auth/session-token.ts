// The session is a JWT in a cookie that only the app's secret opens (next-auth, strategy
// "jwt"); reading it needs neither the database nor next-auth's session endpoint, which
// would also run the callbacks and encode a fresh cookie that a server render throws away.
// Opening one costs a key derivation and a decryption, and a visit sends the same cookie
// with each request, so the last few thousand opened are remembered until they expire.
import { decode } from "next-auth/jwt";

const REMEMBERED = 5_000;
const opened = new Map<string, { userId: string | null; expires: number }>();

/** The user id a session token names, or null when it is forged, expired or names none. */
export async function userIdOfSessionToken(token: string): Promise<string | null> {
  const now = Date.now() / 1000;
  const known = opened.get(token);
  if (known) {
    if (known.expires > now) return known.userId;
    opened.delete(token);
    return null;
  }
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret });
  } catch {
    return null;
  }
  const expires = typeof payload?.exp === "number" ? payload.exp : 0;
  if (!payload || expires <= now) return null;
  const userId = typeof payload.sub === "string" ? payload.sub : null;
  if (opened.size >= REMEMBERED) opened.delete(opened.keys().next().value!);
  opened.set(token, { userId, expires });
  return userId;
}
