import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { newLanbaoId } from "@/lib/users/lanbao-id";
import { hashPassword } from "./password";
import { signUpSchema } from "./schemas";

/**
 * Creates an account. Throws ZodError for bad input. A taken email gets the very same
 * answer as a new one (and the same work: the password is hashed either way), so sign-up
 * never tells whether an address has an account; the form then signs in with what was
 * typed, which lets the owner in and sends anyone else to the sign-in page
 * (docs/security.md). Returns whether an account was created, for tests and logs only:
 * callers must not show it.
 */
export async function signUp(db: Db, input: unknown): Promise<{ created: boolean }> {
  const data = signUpSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  for (let attempt = 0; ; attempt++) {
    try {
      await db.user.create({
        data: { name: data.name, email: data.email, passwordHash, lanbaoId: newLanbaoId() },
        select: { id: true },
      });
      return { created: true };
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
        const target = JSON.stringify(err.meta ?? {});
        // A Lanbao ID collision is astronomically rare; just draw another.
        if (target.includes("lanbaoId") && attempt < 3) continue;
        return { created: false };
      }
      throw err;
    }
  }
}
