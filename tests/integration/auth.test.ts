import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { verifyPassword } from "../../lib/auth/password.ts";
import { authenticate, type SignInResult } from "../../lib/auth/sign-in.ts";
import { signUp } from "../../lib/auth/sign-up.ts";
import { readRateLimitConfig } from "../../lib/rate-limit/config.ts";
import { RateLimits } from "../../lib/rate-limit/limits.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
// The default sign-in limits: 5 per account and address, 20 per account, 50 failures per
// address, waits from 30 s.
const config = readRateLimitConfig({});
let pools: pg.Pool[];
let limits: RateLimits;
let otherProcess: RateLimits;

beforeAll(() => {
  pools = [new pg.Pool({ connectionString: t.url, max: 4 }), new pg.Pool({ connectionString: t.url, max: 4 })];
  limits = new RateLimits(pools[0], config);
  otherProcess = new RateLimits(pools[1], config);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});
afterEach(() => {
  vi.useRealTimers();
});

let addressCounter = 0;
/** A fresh client address per test, so tests do not share the per-address count. */
const newAddress = () => `198.51.100.${++addressCounter}`;

function signIn(email: string, password: string, address: string, via = limits): Promise<SignInResult> {
  return authenticate(t.db, { email, password }, { address, limits: via });
}

async function signUpErrors(input: Record<string, unknown>) {
  try {
    await signUp(t.db, input);
  } catch (err) {
    if (err instanceof ZodError) return Object.fromEntries(err.issues.map((i) => [i.path.join("."), i.message]));
    throw err;
  }
  return {};
}

describe("sign-up", () => {
  it("creates a user with a hashed password and a Lanbao ID", async () => {
    expect(await signUp(t.db, { name: " Mei 美 ", email: "Mei@Example.com", password: "correct horse" })).toEqual({ created: true });
    const row = await t.db.user.findUniqueOrThrow({ where: { email: "mei@example.com" } });
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

  it("answers a taken email like a new one, without a second user or any change to the first", async () => {
    await signUp(t.db, { name: "First", email: "taken@example.com", password: "password1" });
    const before = await t.db.user.findUniqueOrThrow({ where: { email: "taken@example.com" } });
    // No error, no field message: the caller cannot tell (only `created`, which it never shows).
    expect(await signUpErrors({ name: "Second", email: "TAKEN@example.com", password: "password2" })).toEqual({});
    const after = await t.db.user.findMany({ where: { email: "taken@example.com" } });
    expect(after).toEqual([before]);
    // The owner still signs in with their own password, the newcomer's does nothing.
    expect((await signIn("taken@example.com", "password1", newAddress())).ok).toBe(true);
    expect(await signIn("taken@example.com", "password2", newAddress())).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sign-in", () => {
  it("accepts the right password and rejects a wrong one or an unknown email alike", async () => {
    await signUp(t.db, { name: "Lin", email: "lin@example.com", password: "right-password" });
    const address = newAddress();
    const good = await signIn("LIN@example.com", "right-password", address);
    expect(good.ok && good.user.email).toBe("lin@example.com");
    expect(await signIn("lin@example.com", "wrong-password", address)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("nobody@example.com", "whatever", address)).toEqual({ ok: false, reason: "invalid" });
  });

  it("makes the waits grow after five wrong passwords, and lets the owner in once a wait is over", async () => {
    await signUp(t.db, { name: "Guo", email: "guo@example.com", password: "right-password" });
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-12-01T08:00:00Z").getTime();
    vi.setSystemTime(start);
    const address = newAddress();

    const first = [];
    for (let i = 0; i < 5; i++) first.push(await signIn("guo@example.com", `wrong-${i}`, address));
    expect(first.slice(0, 4)).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
    // The fifth failure says a wait now applies.
    expect(first[4]).toEqual({ ok: false, reason: "invalid", retryAfterSeconds: 30 });

    // During the wait even the right password is not checked (or guessing would go on).
    expect(await signIn("guo@example.com", "right-password", address)).toEqual({ ok: false, reason: "limited", retryAfterSeconds: 30 });
    vi.setSystemTime(start + 20_000);
    expect(await signIn("guo@example.com", "wrong-again", address)).toEqual({ ok: false, reason: "limited", retryAfterSeconds: 10 });

    // Each attempt after a wait opens a longer one: 1 min, then 2 min.
    vi.setSystemTime(start + 31_000);
    expect(await signIn("guo@example.com", "wrong-5", address)).toEqual({ ok: false, reason: "invalid", retryAfterSeconds: 60 });
    vi.setSystemTime(start + 92_000);
    expect(await signIn("guo@example.com", "wrong-6", address)).toEqual({ ok: false, reason: "invalid", retryAfterSeconds: 120 });
    vi.setSystemTime(start + 150_000);
    expect(await signIn("guo@example.com", "right-password", address)).toMatchObject({ ok: false, reason: "limited" });

    // Once it is over, the right password works and starts the count afresh.
    vi.setSystemTime(start + 213_000);
    expect((await signIn("guo@example.com", "right-password", address)).ok).toBe(true);
    expect(await signIn("guo@example.com", "wrong-7", address)).toEqual({ ok: false, reason: "invalid" });
  });

  it("does not shut the owner out when someone else guesses from their own address", async () => {
    await signUp(t.db, { name: "Fan", email: "fan@example.com", password: "right-password" });
    const attacker = newAddress();
    for (let i = 0; i < 8; i++) await signIn("fan@example.com", `guess-${i}`, attacker);
    expect(await signIn("fan@example.com", "guess-x", attacker)).toMatchObject({ ok: false, reason: "limited" });
    expect((await signIn("fan@example.com", "right-password", newAddress())).ok).toBe(true);
  });

  it("slows guessing spread over many addresses with the per-account count, whichever process answers", async () => {
    await signUp(t.db, { name: "Han", email: "han@example.com", password: "right-password" });
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await signIn("han@example.com", `spread-${i}`, newAddress(), i % 2 ? otherProcess : limits));
    expect(results.slice(0, 19).every((r) => !r.ok && r.reason === "invalid" && !r.retryAfterSeconds)).toBe(true);
    expect(results[19]).toEqual({ ok: false, reason: "invalid", retryAfterSeconds: 30 });
    expect(await signIn("han@example.com", "right-password", newAddress(), otherProcess)).toMatchObject({ ok: false, reason: "limited" });
  });

  it("limits an unknown email exactly like a known one", async () => {
    const address = newAddress();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await signIn("nobody-here@example.com", `guess-${i}`, address));
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "limited"]);
  });

  it("counts only failures per address, so many people signing in from one network are not slowed", async () => {
    // A per-address budget of 8 instead of 50 keeps this test short.
    const office = new RateLimits(pools[0], readRateLimitConfig({ LANBAO_LIMIT_SIGN_IN_ADDRESS: "8/1h" }));
    const address = newAddress();
    for (let i = 0; i < 3; i++) await signUp(t.db, { name: `Office ${i}`, email: `office-${i}@example.com`, password: "right-password" });
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 3; i++) expect((await signIn(`office-${i}@example.com`, "right-password", address, office)).ok).toBe(true);
    }
    // Failures for many different accounts from one address do add up.
    const results = [];
    for (let i = 0; i < 9; i++) results.push(await signIn(`someone-${i}@example.com`, "guess", address, office));
    expect(results.slice(0, 7).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[7]).toEqual({ ok: false, reason: "invalid", retryAfterSeconds: 30 });
    expect(results[8]).toMatchObject({ ok: false, reason: "limited" });
  });

  it("checks at most five passwords in a parallel burst against one account", async () => {
    await signUp(t.db, { name: "Burst", email: "burst@example.com", password: "right-password" });
    const address = newAddress();
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => signIn("burst@example.com", `burst-${i}`, address, i % 2 ? otherProcess : limits)));
    const checked = results.filter((r) => !r.ok && r.reason === "invalid");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === "limited").length).toBeGreaterThanOrEqual(19);
  });
});
