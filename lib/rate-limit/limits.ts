// Rate limits kept in PostgreSQL (table "RateLimit") through rate-limiter-flexible, so
// every server process sharing the database shares the counts. Each increment is one
// atomic INSERT … ON CONFLICT, so parallel requests cannot slip past a limit.
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { FailureBackoff } from "./backoff";
import type { ActionLimitName, RateLimitConfig, SignInLimitName, WindowLimit } from "./config";
import { secondsUntil, type LimitDecision } from "./decision";

export const RATE_LIMIT_TABLE = "RateLimit";

/** Every limit of the app on one pool. Create one per process (see index.ts). */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterPostgres>();
  private readonly backoffs = new Map<SignInLimitName, FailureBackoff>();

  constructor(
    private readonly pool: pg.Pool,
    readonly config: RateLimitConfig,
  ) {
    // One limiter deletes expired rows of the whole table every 5 minutes (the library's
    // timer, unref'd); the others would only repeat the same DELETE.
    this.limiter("cleanup", { points: 1, durationSeconds: 1 }, true);
  }

  /** A limiter over the shared table; `prefix` keeps its keys apart from the others'. */
  limiter(prefix: string, limit: WindowLimit, clearExpired = false): RateLimiterPostgres {
    let limiter = this.limiters.get(prefix);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.pool,
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true, // by the migration
        clearExpiredByTimeout: clearExpired,
        keyPrefix: prefix,
        points: limit.points,
        duration: limit.durationSeconds,
      });
      this.limiters.set(prefix, limiter);
    }
    return limiter;
  }

  /** Counts one action for `key` (a user id or a client address) against the named limit. */
  async take(name: ActionLimitName, key: string): Promise<LimitDecision> {
    try {
      await this.limiter(name, this.config.actions[name]).consume(key);
      return { ok: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: secondsUntil(err.msBeforeNext) };
      throw err;
    }
  }

  /** The growing-wait counter of one kind of sign-in key. */
  signIn(name: SignInLimitName): FailureBackoff {
    let backoff = this.backoffs.get(name);
    if (!backoff) {
      backoff = new FailureBackoff(this, `signIn.${name}`, this.config.signIn[name], this.config.signInDelaysSeconds);
      this.backoffs.set(name, backoff);
    }
    return backoff;
  }
}
