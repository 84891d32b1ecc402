import { createHash, createHmac } from "node:crypto";

function secret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set");
  return s;
}

/**
 * The claim-link token of a gift: an HMAC of its id under the server secret, so it is
 * unguessable, never stored, and can be shown again to the thread's members on every
 * render. The database keeps only its sha256 (Gift.tokenHash) for the lookup.
 */
export function giftToken(giftId: string): string {
  return createHmac("sha256", secret()).update(`gift:${giftId}`).digest("base64url");
}

export function hashGiftToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function giftLink(giftId: string): string {
  return `/gifts/${giftToken(giftId)}`;
}
