/** The answer of a limit: go ahead, or wait this many seconds. */
export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Whole seconds to wait, at least 1 (a refusal never says "try again in 0 seconds"). */
export function secondsUntil(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}
