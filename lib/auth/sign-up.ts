import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { newLanbaoId } from "@/lib/users/lanbao-id";
import { DomainError } from "@/lib/validation/result";
import { hashPassword } from "./password";
import { signUpSchema } from "./schemas";

/** Creates an account. Throws ZodError for bad input, DomainError when the email is taken. */
export async function signUp(db: Db, input: unknown) {
  const data = signUpSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.user.create({
        data: { name: data.name, email: data.email, passwordHash, lanbaoId: newLanbaoId() },
        select: { id: true, name: true, email: true, lanbaoId: true },
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
        const target = JSON.stringify(err.meta ?? {});
        // A Lanbao ID collision is astronomically rare; just draw another.
        if (target.includes("lanbaoId") && attempt < 3) continue;
        throw new DomainError("validation.emailTaken", "email");
      }
      throw err;
    }
  }
}
