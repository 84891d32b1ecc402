// Forms show errors by i18n key alone (no values), so a wait is told in steps: the
// message names the first step at or above the real wait — never earlier than allowed.
export const WAIT_STEPS = [
  { seconds: 10, key: "s10" },
  { seconds: 30, key: "s30" },
  { seconds: 60, key: "m1" },
  { seconds: 120, key: "m2" },
  { seconds: 300, key: "m5" },
  { seconds: 600, key: "m10" },
  { seconds: 900, key: "m15" },
  { seconds: 1800, key: "m30" },
  { seconds: 3600, key: "h1" },
  { seconds: 7200, key: "h2" },
  { seconds: 21600, key: "h6" },
  { seconds: 86400, key: "h24" },
] as const;

/** The message key for "too many attempts, try again in …" (namespace "limits"). */
export function waitMessageKey(retryAfterSeconds: number): string {
  const step = WAIT_STEPS.find((s) => retryAfterSeconds <= s.seconds) ?? WAIT_STEPS[WAIT_STEPS.length - 1];
  return `limits.tryAgainIn.${step.key}`;
}
