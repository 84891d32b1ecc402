import { describe, expect, it } from "vitest";
import { readSettings } from "../../scripts/runtime/config.ts";

const SECRET = "x".repeat(40);
const PROD = {
  DATABASE_URL: "postgresql://lanbao:pw@db.internal:5432/lanbao",
  NEXTAUTH_SECRET: SECRET,
  LANBAO_LINK_SECRET: "l".repeat(40),
  NEXTAUTH_URL: "https://lanbao.example.com",
  STRIPE_SECRET_KEY: "sk_live_abc",
  STRIPE_WEBHOOK_SECRET: "whsec_abc",
};

describe("start settings", () => {
  it("npm run dev and npm start without a database run everything locally", () => {
    for (const mode of ["dev", "start"] as const) {
      const s = readSettings(mode, {});
      expect(s).toMatchObject({ production: false, seed: true, sandbox: true, migrate: true, databaseUrl: undefined, port: 3000 });
    }
    expect(readSettings("dev", { LANBAO_SEED: "0" }).seed).toBe(false);
    expect(readSettings("dev", { STRIPE_SECRET_KEY: "sk_test_1" }).sandbox).toBe(false);
  });

  it("npm start with DATABASE_URL is a production start: migrations only, no demo data or sandbox unless asked", () => {
    const s = readSettings("start", PROD);
    expect(s).toMatchObject({ production: true, seed: false, sandbox: false, migrate: true, databaseUrl: PROD.DATABASE_URL });
    const asked = readSettings("start", { ...PROD, STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, LANBAO_SEED: "1", LANBAO_STRIPE_SANDBOX: "1" });
    expect(asked).toMatchObject({ seed: true, sandbox: true });
    expect(readSettings("start", { ...PROD, LANBAO_MIGRATE: "0" }).migrate).toBe(false);
  });

  it("NODE_ENV=production makes any npm start a production start", () => {
    expect(() => readSettings("start", { NODE_ENV: "production" })).toThrow(/^NEXTAUTH_SECRET is not set/);
  });

  it("refuses a production start without each required setting, naming it in one line", () => {
    const cases: [Record<string, string | undefined>, RegExp][] = [
      [{ NEXTAUTH_SECRET: undefined }, /^NEXTAUTH_SECRET is not set/],
      [{ NEXTAUTH_SECRET: "short" }, /^NEXTAUTH_SECRET is too short \(5 characters\)/],
      [{ LANBAO_LINK_SECRET: undefined }, /^LANBAO_LINK_SECRET is not set/],
      [{ LANBAO_LINK_SECRET: "short" }, /^LANBAO_LINK_SECRET is too short/],
      [{ STRIPE_SECRET_KEY: undefined }, /^STRIPE_SECRET_KEY is not set.*LANBAO_STRIPE_SANDBOX=1/],
      [{ STRIPE_WEBHOOK_SECRET: undefined }, /^STRIPE_WEBHOOK_SECRET is not set/],
      [{ NEXTAUTH_URL: undefined }, /^NEXTAUTH_URL is not set/],
      [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL is not a PostgreSQL URL/],
      [{ LANBAO_STRIPE_SANDBOX: "1" }, /both set/],
      [{ PORT: "http" }, /^PORT=http is not a port number/],
      [{ LANBAO_SEED: "maybe" }, /^LANBAO_SEED=maybe is not understood/],
      [{ LANBAO_STORAGE: "s3" }, /^LANBAO_STORAGE=s3 needs S3_BUCKET/],
      [{ LANBAO_STORAGE: "nfs" }, /^LANBAO_STORAGE=nfs is not a storage backend/],
    ];
    for (const [change, message] of cases) {
      let error: Error | undefined;
      try {
        readSettings("start", { ...PROD, ...change });
      } catch (err) {
        error = err as Error;
      }
      expect(error?.name, JSON.stringify(change)).toBe("StartupError");
      expect(error!.message).toMatch(message);
      expect(error!.message).not.toContain("\n");
    }
  });

  it("the sandbox chosen explicitly needs no Stripe secrets (its webhook secret is its own)", () => {
    const s = readSettings("start", { ...PROD, STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, LANBAO_STRIPE_SANDBOX: "1" });
    expect(s.sandbox).toBe(true);
  });

  it("the container image always needs a database URL and is always production", () => {
    expect(() => readSettings("standalone", {})).toThrow(/^DATABASE_URL is not set/);
    expect(readSettings("standalone", PROD).production).toBe(true);
  });
});
