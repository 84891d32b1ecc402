// The app's rate limits: one RateLimits per server process on a small pg pool of its
// own (the limiter speaks node-postgres directly), created on first use so importing
// this module never needs a database (next build imports every page).
import pg from "pg";
import { readRateLimitConfig, type ActionLimitName } from "./config";
import { RateLimits } from "./limits";

export { RateLimits } from "./limits";
export type { LimitDecision } from "./decision";
export { waitMessageKey } from "./wait-message";
export type { ActionLimitName } from "./config";

/** Thrown when a limit refuses; safe-action turns it into a form error with the wait. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`);
    this.name = "RateLimitedError";
  }
}

const globalForLimits = globalThis as unknown as { lanbaoRateLimits?: RateLimits; lanbaoRateLimitPool?: pg.Pool };

export function rateLimits(): RateLimits {
  if (!globalForLimits.lanbaoRateLimits) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set. Start Lanbao with `npm run dev` or `npm start`.");
    // Connections stay open while idle (pg closes them after 10 s by default): every
    // sign-in and limited action uses the pool, and opening a connection costs more than
    // the query.
    const pool = new pg.Pool({ connectionString, max: 4, idleTimeoutMillis: 0 });
    // An idle connection dropped by the server must not take the process down; the next
    // query opens a new one.
    pool.on("error", (err) => console.error("rate-limit pool:", err.message));
    globalForLimits.lanbaoRateLimits = new RateLimits(pool, readRateLimitConfig());
    globalForLimits.lanbaoRateLimitPool = pool;
  }
  return globalForLimits.lanbaoRateLimits;
}

/** Closes the pool of rateLimits() (a later call opens a new one). */
export async function closeRateLimits(): Promise<void> {
  const pool = globalForLimits.lanbaoRateLimitPool;
  globalForLimits.lanbaoRateLimits = undefined;
  globalForLimits.lanbaoRateLimitPool = undefined;
  await pool?.end();
}

/** Counts one action for `key` and throws RateLimitedError when the limit refuses it. */
export async function enforceLimit(name: ActionLimitName, key: string, limits: RateLimits = rateLimits()): Promise<void> {
  const decision = await limits.take(name, key);
  if (!decision.ok) throw new RateLimitedError(decision.retryAfterSeconds);
}
