// Growing waits between attempts, instead of a lock: the first `attempts` in a row go
// through at once, then every attempt opens a wait before the next one may start (30 s,
// 1 min, 2 min, … with the default delays; the last delay repeats). Nothing is ever
// locked for good, and the count is forgotten `forgetSeconds` after it began or when
// reset (a successful sign-in).
//
// An attempt is counted when it starts, not when it has failed, so a burst of parallel
// requests cannot all pass before the first failure is recorded: each takes its own
// number atomically, and past the free attempts only one of them can take the "slot"
// that the wait guards.
import { RateLimiterRes } from "rate-limiter-flexible";
import type { BackoffLimit } from "./config";
import { secondsUntil } from "./decision";
import type { RateLimits } from "./limits";

/** What `begin` says: refused with the wait left, or allowed (with the wait it opened, if any). */
export type AttemptDecision = { ok: true; opensWaitSeconds?: number } | { ok: false; retryAfterSeconds: number };

// Large enough never to refuse: the counter only counts, the slot refuses.
const UNLIMITED = 1_000_000_000;

export class FailureBackoff {
  private readonly counter;
  private readonly slot;

  constructor(
    limits: RateLimits,
    prefix: string,
    readonly limit: BackoffLimit,
    private readonly delaysSeconds: number[],
  ) {
    this.counter = limits.limiter(`${prefix}.n`, { points: UNLIMITED, durationSeconds: limit.forgetSeconds });
    this.slot = limits.limiter(`${prefix}.wait`, { points: 1, durationSeconds: delaysSeconds[0] });
  }

  /** The wait opened by the n-th attempt in a row (n ≥ attempts). */
  delayAfter(n: number): number {
    return this.delaysSeconds[Math.min(n - this.limit.attempts, this.delaysSeconds.length - 1)];
  }

  /** Counts an attempt for `key` and says whether it may go ahead. */
  async begin(key: string): Promise<AttemptDecision> {
    const n = (await this.counter.penalty(key, 1)).consumedPoints;
    if (n < this.limit.attempts) return { ok: true };
    const wait = this.delayAfter(n);
    try {
      await this.slot.consume(key, 1, { customDuration: wait });
      return { ok: true, opensWaitSeconds: wait };
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      // A refused attempt tried nothing, so it does not make the next wait longer.
      await this.counter.reward(key, 1);
      return { ok: false, retryAfterSeconds: secondsUntil(err.msBeforeNext) };
    }
  }

  /**
   * Takes back an attempt that turned out not to count (refused by another limit, or a
   * success where only failures count), with the wait it opened, if any.
   */
  async undo(key: string, decision: AttemptDecision): Promise<void> {
    await Promise.all([this.counter.reward(key, 1), decision.ok && decision.opensWaitSeconds ? this.slot.delete(key) : null]);
  }

  /** Forgets the count and any wait for `key`. */
  async reset(key: string): Promise<void> {
    await Promise.all([this.counter.delete(key), this.slot.delete(key)]);
  }
}
