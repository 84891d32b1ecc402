// The limits live in PostgreSQL so that they hold across server processes: each test
// here runs two RateLimits on two separate pg pools, as two processes would.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readRateLimitConfig } from "../../lib/rate-limit/config.ts";
import { RateLimits } from "../../lib/rate-limit/limits.ts";
import { useTestDatabase } from "../setup/test-db.ts";

const t = useTestDatabase();
const config = readRateLimitConfig({
  LANBAO_LIMIT_CHECKOUT: "5/10m",
  LANBAO_LIMIT_MESSAGE: "10/1m",
  LANBAO_LIMIT_SIGN_IN_ACCOUNT: "5/1h",
  LANBAO_SIGN_IN_DELAYS: "30s,1m,2m",
});
let pools: pg.Pool[];
let a: RateLimits;
let b: RateLimits;

beforeAll(() => {
  pools = [new pg.Pool({ connectionString: t.url, max: 4 }), new pg.Pool({ connectionString: t.url, max: 4 })];
  a = new RateLimits(pools[0], config);
  b = new RateLimits(pools[1], config);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("window limits across two processes", () => {
  it("share one count: the sixth checkout in ten minutes is refused in both", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await (i % 2 ? b : a).take("checkout", "user-1"));
    expect(results.every((r) => r.ok)).toBe(true);
    for (const limits of [a, b]) {
      const refused = await limits.take("checkout", "user-1");
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.retryAfterSeconds).toBeGreaterThan(590);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
      }
    }
    // Another user and another limit are counted apart.
    expect((await a.take("checkout", "user-2")).ok).toBe(true);
    expect((await b.take("message", "user-1")).ok).toBe(true);
  });

  it("let exactly the limit through when requests race on both pools", async () => {
    const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).take("message", "racer")));
    expect(decisions.filter((d) => d.ok)).toHaveLength(10);
  });

  it("open again once the window has passed, and not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
    for (let i = 0; i < 5; i++) expect((await a.take("checkout", "user-3")).ok).toBe(true);
    vi.setSystemTime(new Date("2026-12-01T10:09:50Z"));
    expect(await b.take("checkout", "user-3")).toEqual({ ok: false, retryAfterSeconds: 10 });
    vi.setSystemTime(new Date("2026-12-01T10:10:01Z"));
    expect((await b.take("checkout", "user-3")).ok).toBe(true);
  });

  it("keep their rows in the RateLimit table, one per key", async () => {
    await a.take("checkout", "row-check");
    const { rows } = await pools[1].query(`SELECT key, points FROM "RateLimit" WHERE key = 'checkout:row-check'`);
    expect(rows).toEqual([{ key: "checkout:row-check", points: 1 }]);
  });
});

describe("growing waits across two processes", () => {
  it("let the free attempts and one more through a parallel burst, then refuse", async () => {
    const backoffs = [a.signIn("account"), b.signIn("account")];
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => backoffs[i % 2].begin("burst")));
    // Four free attempts, then one that opens a wait, so nothing else gets in. Which of the
    // racing attempts takes the wait decides its length (30 s to 2 min here).
    expect(decisions.filter((d) => d.ok)).toHaveLength(5);
    const waits = decisions.flatMap((d) => (d.ok ? [] : [d.retryAfterSeconds]));
    expect(waits).toHaveLength(15);
    expect(Math.min(...waits)).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(120);
  });

  it("grow the wait with each attempt after the free ones and forget it on reset", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-12-01T12:00:00Z").getTime();
    vi.setSystemTime(start);
    const [fromA, fromB] = [a.signIn("account"), b.signIn("account")];
    for (let i = 0; i < 4; i++) expect(await (i % 2 ? fromB : fromA).begin("grow")).toEqual({ ok: true });
    expect(await fromA.begin("grow")).toEqual({ ok: true, opensWaitSeconds: 30 });
    expect(await fromB.begin("grow")).toEqual({ ok: false, retryAfterSeconds: 30 });

    vi.setSystemTime(start + 31_000);
    expect(await fromB.begin("grow")).toEqual({ ok: true, opensWaitSeconds: 60 });
    vi.setSystemTime(start + 60_000);
    expect(await fromA.begin("grow")).toEqual({ ok: false, retryAfterSeconds: 31 });
    vi.setSystemTime(start + 92_000);
    expect(await fromA.begin("grow")).toEqual({ ok: true, opensWaitSeconds: 120 });
    // The last delay repeats; refused attempts in between did not make it longer.
    vi.setSystemTime(start + 213_000);
    expect(await fromB.begin("grow")).toEqual({ ok: true, opensWaitSeconds: 120 });

    await fromA.reset("grow");
    expect(await fromB.begin("grow")).toEqual({ ok: true });
  });
});
