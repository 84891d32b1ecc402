// Limits that need the current request (Next.js server code only).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "./client-address";
import { enforceLimit, RateLimitedError } from "./index";

/** The client address of the request being handled (see client-address.ts). */
export async function requestAddress(): Promise<string> {
  return clientAddress((await headers()).get("x-forwarded-for"));
}

/**
 * For the gift page: counts one gift-link opening by this user. Past the limit the user
 * is sent to the slow-down notice, which offers to come back to `returnTo`.
 */
export async function limitGiftLinkOpen(userId: string, returnTo?: string): Promise<void> {
  try {
    await enforceLimit("giftLinkOpen", userId);
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    const query = new URLSearchParams({ wait: String(err.retryAfterSeconds) });
    if (returnTo) query.set("from", returnTo);
    redirect(`/slow-down?${query}`);
  }
}
