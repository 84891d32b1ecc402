// What the sign-in form shows for the error next-auth hands back: authorize() throws
// "invalid", "invalid:<seconds>" (wrong, and a wait now applies) or "limited:<seconds>".
// Safe in client components.
import { waitMessageKey } from "@/lib/rate-limit/wait-message";

/** i18n keys of the sentences to show, in order. */
export function signInErrorKeys(error: string | null | undefined): string[] {
  const [reason, seconds] = (error ?? "").split(":");
  const wait = Number(seconds);
  const waitKeys = Number.isFinite(wait) && wait > 0 ? [waitMessageKey(wait)] : [];
  if (reason === "limited" && waitKeys.length) return waitKeys;
  if (reason === "invalid" || reason === "CredentialsSignin") return ["auth.invalid", ...waitKeys];
  return ["auth.failed"];
}
