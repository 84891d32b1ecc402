import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { RateLimits } from "@/lib/rate-limit/limits";
import { signInSchema } from "./schemas";
import { hashPassword, verifyPassword } from "./password";

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  /** Wrong email or password; `retryAfterSeconds` when this failure opened a wait. */
  | { ok: false; reason: "invalid"; retryAfterSeconds?: number }
  /** Refused before the password was checked: too many attempts, wait this long. */
  | { ok: false; reason: "limited"; retryAfterSeconds: number };

// Compared against when the email is unknown, so both paths take the same time.
const dummyHash = hashPassword("lanbao-timing-equaliser");

/** The account part of a limit key: a hash, so the limits table holds no email addresses. */
function accountKey(email: string): string {
  return createHash("sha256").update(`sign-in:${email}`).digest("hex").slice(0, 32);
}

/**
 * Checks a password behind three growing-wait limits (lib/rate-limit/backoff.ts), all
 * counted before the password is compared and whether or not the email exists:
 *  - this account from this address: a few free attempts; the owner signing in elsewhere
 *    is not affected, so nobody can shut an owner out by guessing from their own machine;
 *  - this account from anywhere: more free attempts, against guessing spread over many
 *    addresses (the waits stay short and end by themselves: never a lock);
 *  - this address, any account: failures only, against one machine trying many accounts.
 * A successful sign-in clears the first two and does not count toward the third.
 */
export async function authenticate(db: Db, input: unknown, ctx: { address: string; limits: RateLimits }): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const account = accountKey(email);
  const gates = [
    { backoff: ctx.limits.signIn("accountAddress"), key: `${account}:${ctx.address}` },
    { backoff: ctx.limits.signIn("account"), key: account },
    { backoff: ctx.limits.signIn("address"), key: ctx.address },
  ];
  // The account is looked up alongside the counting (one round trip less); a refused
  // attempt never looks at what was found.
  const [decisions, user] = await Promise.all([
    Promise.all(gates.map((g) => g.backoff.begin(g.key))),
    db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true } }),
  ]);
  const refusals = decisions.flatMap((d) => (d.ok ? [] : [d.retryAfterSeconds]));
  if (refusals.length > 0) {
    // Nothing was tried, so the gates that let it through take their count back.
    await Promise.all(gates.map((g, i) => (decisions[i].ok ? g.backoff.undo(g.key, decisions[i]) : null)));
    return { ok: false, reason: "limited", retryAfterSeconds: Math.max(...refusals) };
  }

  const valid = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, await dummyHash).then(() => false);

  if (user && valid) {
    const [accountAddress, accountAnywhere, address] = gates;
    await Promise.all([
      accountAddress.backoff.reset(accountAddress.key),
      accountAnywhere.backoff.reset(accountAnywhere.key),
      address.backoff.undo(address.key, decisions[2]),
    ]);
    return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
  }
  const waits = decisions.flatMap((d) => (d.ok && d.opensWaitSeconds ? [d.opensWaitSeconds] : []));
  return waits.length > 0 ? { ok: false, reason: "invalid", retryAfterSeconds: Math.max(...waits) } : { ok: false, reason: "invalid" };
}
