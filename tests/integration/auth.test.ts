import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS, authenticate } from "../../lib/auth/sign-in.ts";
import { signUp } from "../../lib/auth/sign-up.ts";
import { verifyPassword } from "../../lib/auth/password.ts";
import { DomainError } from "../../lib/validation/result.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();

async function signUpErrors(input: Record<string, unknown>) {
  try {
    await signUp(t.db, input);
  } catch (err) {
    if (err instanceof ZodError) return Object.fromEntries(err.issues.map((i) => [i.path.join("."), i.message]));
    if (err instanceof DomainError) return { [err.field ?? "_form"]: err.key };
    throw err;
  }
  return {};
}

describe("sign-up", () => {
  it("creates a user with a hashed password and a Lanbao ID", async () => {
    const user = await signUp(t.db, { name: " Mei 美 ", email: "Mei@Example.com", password: "correct horse" });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe("mei@example.com");
    expect(row.name).toBe("Mei 美");
    expect(row.lanbaoId).toMatch(/^lb[2-9a-z]{8}$/);
    expect(row.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", row.passwordHash!)).toBe(true);
  });

  it("puts each bad field's message on that field and creates nobody", async () => {
    const before = await t.db.user.count();
    expect(await signUpErrors({ name: "A", email: "not-an-email", password: "longenough" })).toEqual({ email: "validation.emailInvalid" });
    expect(await signUpErrors({ name: "A", email: "a@example.com", password: "short" })).toEqual({ password: "validation.passwordTooShort" });
    expect(await signUpErrors({ name: "  ", email: "b@example.com", password: "longenough" })).toEqual({ name: "validation.required" });
    expect(await signUpErrors({ name: "x".repeat(41), email: "c@example.com", password: "longenough" })).toEqual({ name: "validation.nameTooLong" });
    expect(await t.db.user.count()).toBe(before);
  });

  it("refuses a taken email, whatever its case, without a second user", async () => {
    await signUp(t.db, { name: "First", email: "taken@example.com", password: "password1" });
    expect(await signUpErrors({ name: "Second", email: "TAKEN@example.com", password: "password2" })).toEqual({ email: "validation.emailTaken" });
    expect(await t.db.user.count({ where: { email: "taken@example.com" } })).toBe(1);
  });
});

describe("sign-in", () => {
  it("accepts the right password and rejects a wrong one or an unknown email", async () => {
    await signUp(t.db, { name: "Lin", email: "lin@example.com", password: "right-password" });
    const good = await authenticate(t.db, { email: "LIN@example.com", password: "right-password" });
    expect(good.ok && good.user.email).toBe("lin@example.com");
    expect(await authenticate(t.db, { email: "lin@example.com", password: "wrong-password" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(t.db, { email: "nobody@example.com", password: "whatever" })).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} wrong passwords, even for the right one`, async () => {
    await signUp(t.db, { name: "Guo", email: "guo@example.com", password: "right-password" });
    const results = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) results.push(await authenticate(t.db, { email: "guo@example.com", password: `wrong-${i}` }));
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });

    const locked = await authenticate(t.db, { email: "guo@example.com", password: "right-password" });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    const until = (locked as { until: Date }).until.getTime();
    expect(until - Date.now()).toBeGreaterThan((LOCK_MINUTES - 1) * 60_000);

    // Once the lock has passed, the right password works again and clears the count.
    await t.db.user.update({ where: { email: "guo@example.com" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await authenticate(t.db, { email: "guo@example.com", password: "right-password" })).ok).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "guo@example.com" } })).failedSignIns).toBe(0);
  });

  it("counts parallel wrong guesses without losing any", async () => {
    await signUp(t.db, { name: "Fan", email: "fan@example.com", password: "right-password" });
    await Promise.all(
      Array.from({ length: MAX_FAILED_SIGN_INS }, (_, i) => authenticate(t.db, { email: "fan@example.com", password: `nope-${i}` })),
    );
    const row = await t.db.user.findUniqueOrThrow({ where: { email: "fan@example.com" } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });
});
