import type { Db } from "@/lib/db/client";
import { signInSchema } from "./schemas";
import { hashPassword, verifyPassword } from "./password";

/** After this many wrong passwords in a row an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

// Compared against when the email is unknown, so both paths take the same time.
const dummyHash = hashPassword("lanbao-timing-equaliser");

/** Checks a password and keeps the per-account failure count and lock in the database. */
export async function authenticate(db: Db, input: unknown): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, lockedUntil: true },
  });
  if (!user?.passwordHash) {
    await verifyPassword(password, await dummyHash);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, reason: "locked", until: user.lockedUntil };

  if (await verifyPassword(password, user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
  }

  // One statement, so parallel wrong guesses cannot skip the lock.
  const [row] = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
    UPDATE "User"
       SET "failedSignIns" = CASE WHEN "failedSignIns" + 1 >= ${MAX_FAILED_SIGN_INS} THEN 0 ELSE "failedSignIns" + 1 END,
           "lockedUntil"   = CASE WHEN "failedSignIns" + 1 >= ${MAX_FAILED_SIGN_INS}
                                  THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE "lockedUntil" END
     WHERE id = ${user.id}
     RETURNING "lockedUntil"`;
  if (row?.lockedUntil && row.lockedUntil > new Date()) return { ok: false, reason: "locked", until: row.lockedUntil };
  return { ok: false, reason: "invalid" };
}
