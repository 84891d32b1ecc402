// The numbers behind every rate limit, read from the environment with defaults meant for
// real use (docs/security.md explains each one). Values are "<count>/<period>", e.g.
// "30/10m" = 30 in 10 minutes; periods take s, m, h or d. A malformed value stops the
// app with a message naming the variable rather than silently limiting nothing.

type Env = Record<string, string | undefined>;

/** A plain window: `points` actions per `durationSeconds`, counted from the first one. */
export type WindowLimit = { points: number; durationSeconds: number };

/**
 * Attempts in a row that go through at once; after that each attempt opens a wait before
 * the next (see backoff.ts). The count is forgotten `forgetSeconds` after it started.
 */
export type BackoffLimit = { attempts: number; forgetSeconds: number };

/** Limits on what a signed-in user (or, for sign-up, a client address) may start. */
export const ACTION_LIMITS = {
  /** Starting a Stripe checkout (buy now, send a gift), per user. */
  checkout: { env: "LANBAO_LIMIT_CHECKOUT", fallback: "30/10m" },
  /** Sending friend requests, per user. */
  friendRequest: { env: "LANBAO_LIMIT_FRIEND_REQUEST", fallback: "30/1h" },
  /** Sending chat messages, per user. */
  message: { env: "LANBAO_LIMIT_MESSAGE", fallback: "60/1m" },
  /** Opening gift links, per user. */
  giftLinkOpen: { env: "LANBAO_LIMIT_GIFT_LINK_OPEN", fallback: "60/10m" },
  /** Creating accounts, per client address. */
  signUp: { env: "LANBAO_LIMIT_SIGN_UP", fallback: "30/10m" },
} as const;

export type ActionLimitName = keyof typeof ACTION_LIMITS;

/** Sign-in attempts; see lib/auth/sign-in.ts for how the three work together. */
export const SIGN_IN_LIMITS = {
  /** One account from one client address. */
  accountAddress: { env: "LANBAO_LIMIT_SIGN_IN_ACCOUNT_ADDRESS", fallback: "5/24h" },
  /** One account from anywhere (a spread-out guessing attempt). */
  account: { env: "LANBAO_LIMIT_SIGN_IN_ACCOUNT", fallback: "20/24h" },
  /** Failed attempts from one client address, whatever the account. */
  address: { env: "LANBAO_LIMIT_SIGN_IN_ADDRESS", fallback: "50/1h" },
} as const;

export type SignInLimitName = keyof typeof SIGN_IN_LIMITS;

export const SIGN_IN_DELAYS = { env: "LANBAO_SIGN_IN_DELAYS", fallback: "30s,1m,2m,5m,10m,15m" } as const;

export type RateLimitConfig = {
  actions: Record<ActionLimitName, WindowLimit>;
  signIn: Record<SignInLimitName, BackoffLimit>;
  /** Waits after the free sign-in attempts, growing; the last one repeats. */
  signInDelaysSeconds: number[];
};

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "90s", "10m", "1h", "2d" → seconds. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+)\s*([smhd])\s*$/.exec(text);
  if (!m) return null;
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2]];
  return seconds > 0 ? seconds : null;
}

/** "30/10m" → { count: 30, seconds: 600 }. */
export function parseRate(text: string): { count: number; seconds: number } | null {
  const m = /^\s*(\d+)\s*\/\s*(\S+)\s*$/.exec(text);
  if (!m) return null;
  const count = Number(m[1]);
  const seconds = parseDuration(m[2]);
  return count > 0 && seconds ? { count, seconds } : null;
}

function readRate(env: Env, spec: { env: string; fallback: string }) {
  const raw = env[spec.env]?.trim() || spec.fallback;
  const rate = parseRate(raw);
  if (!rate) throw new Error(`${spec.env}="${raw}" is not a rate like "${spec.fallback}" (a count, a slash, a period in s, m, h or d).`);
  return rate;
}

export function readRateLimitConfig(env: Env = process.env): RateLimitConfig {
  const actions = Object.fromEntries(
    Object.entries(ACTION_LIMITS).map(([name, spec]) => {
      const { count, seconds } = readRate(env, spec);
      return [name, { points: count, durationSeconds: seconds }];
    }),
  ) as Record<ActionLimitName, WindowLimit>;
  const signIn = Object.fromEntries(
    Object.entries(SIGN_IN_LIMITS).map(([name, spec]) => {
      const { count, seconds } = readRate(env, spec);
      return [name, { attempts: count, forgetSeconds: seconds }];
    }),
  ) as Record<SignInLimitName, BackoffLimit>;

  const rawDelays = env[SIGN_IN_DELAYS.env]?.trim() || SIGN_IN_DELAYS.fallback;
  const signInDelaysSeconds = rawDelays.split(",").map((d) => parseDuration(d));
  if (signInDelaysSeconds.some((d) => d === null)) {
    throw new Error(`${SIGN_IN_DELAYS.env}="${rawDelays}" is not a list of waits like "${SIGN_IN_DELAYS.fallback}".`);
  }
  return { actions, signIn, signInDelaysSeconds: signInDelaysSeconds as number[] };
}
