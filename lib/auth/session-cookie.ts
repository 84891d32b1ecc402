// Which cookie holds the session, apart from opening it (lib/auth/session-token.ts): the
// proxy's sign-in redirect needs only this, without the JWT library.

/** next-auth's cookie names: with the __Secure- prefix when the site is served over HTTPS. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

type Cookie = { name: string; value: string };

/** The session token among a request's cookies; next-auth splits a large one into name.0, name.1, … */
export function sessionTokenOf(cookies: Cookie[]): string | undefined {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.find((c) => c.name === name);
    if (whole) return whole.value;
    const chunks = cookies
      .map((c) => ({ value: c.value, index: c.name.startsWith(`${name}.`) ? c.name.slice(name.length + 1) : "" }))
      .filter((c) => /^\d+$/.test(c.index))
      .sort((a, b) => Number(a.index) - Number(b.index));
    if (chunks.length) return chunks.map((c) => c.value).join("");
  }
  return undefined;
}
